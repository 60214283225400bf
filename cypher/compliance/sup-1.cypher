// SUP-1 facts (partial check): vendors with a SERVES of kind DESIGN, CONSTRUCTION, OPERATIONS, REMOTE_OPERATIONS or TECHNICAL_SERVICE valid on $asOf to a system of level ≥ 3 in scope, of which no person is recorded: nobody with a WORKS_FOR that vendor valid on asOf also has a HAS_ACCESS to that system valid on asOf. Subject = the vendor; one row per (vendor, system). Scope as in grd-1 (vendor target: that vendor only). The level is the level on $asOf (fragments/level-on-as-of).
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WITH o, s, d, {{@levelOnAsOf}} AS level
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND coalesce(level, 0) >= 3
MATCH (v:Vendor)-[r:SERVES]->(s)
WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
  AND r.kind IN ['DESIGN', 'CONSTRUCTION', 'OPERATIONS', 'REMOTE_OPERATIONS', 'TECHNICAL_SERVICE']
  AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
WITH o, s, d, level, v, min(r.from) AS since
WHERE NOT EXISTS {
  MATCH (p:Person)-[w:WORKS_FOR]->(v)
  WHERE w.from <= d AND (w.to IS NULL OR w.to >= d)
    AND EXISTS { (p)-[a:HAS_ACCESS]->(s) WHERE a.from <= d AND (a.to IS NULL OR a.to >= d) }
}
RETURN 'Vendor' AS subjectType, v.id AS subjectId, v.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {system: s.name, protectionLevel: level, servesSince: since,
   services: reduce(t = '', k IN COLLECT { MATCH (v)-[x:SERVES]->(s) WHERE x.from <= d AND (x.to IS NULL OR x.to >= d) RETURN DISTINCT x.kind AS k ORDER BY k } | t + CASE WHEN t = '' THEN '' ELSE ', ' END + k),
   personnelRecorded: 0} AS facts
ORDER BY v.id, s.id
LIMIT $limit
