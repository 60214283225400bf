// CII-9 facts: SUP-1..3 for systems in scope part of a CII on $asOf, whatever their level: UNREGISTERED_VENDOR and UNCHECKED_PERSONNEL as in sup-3, REMOTE_OPS_UNEVALUATED as in sup-2 (subject = the vendor, one row per service), NO_PERSONNEL_RECORDED as in sup-1 (subject = the vendor). One row per (aspect, subject, system[, service]). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
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
  AND EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) }
CALL (s, d) {
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
    AND NOT (v.registrationStatus = 'REGISTERED' AND coalesce(v.registeredOn <= d, false))
    AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
  WITH v, min(r.from) AS since
  RETURN 'Vendor' AS subjectType, v.id AS subjectId, v.name AS subjectName,
    {aspect: 'UNREGISTERED_VENDOR', registrationStatus: v.registrationStatus, registeredOn: v.registeredOn, servesSince: since} AS aspectFacts
  UNION
  MATCH (p:Person)-[a:HAS_ACCESS]->(s)
  WHERE a.from <= d AND (a.to IS NULL OR a.to >= d)
    AND ($target.vendorId IS NULL OR EXISTS { (p)-[w:WORKS_FOR]->(:Vendor {id: $target.vendorId}) WHERE w.from <= d AND (w.to IS NULL OR w.to >= d) })
  WITH p, min(a.from) AS since
  WITH p, since, head(COLLECT { MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) WHERE c.checkedOn <= d RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1 }) AS c
  WHERE c IS NULL OR c.status <> 'PASSED' OR coalesce(c.expiresOn < d, false)
  RETURN 'Person' AS subjectType, p.id AS subjectId, p.name AS subjectName,
    {aspect: 'UNCHECKED_PERSONNEL', accessSince: since, checkStatus: c.status, checkedOn: c.checkedOn, checkExpiresOn: c.expiresOn} AS aspectFacts
  UNION
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) AND (r.remote = true OR r.kind = 'REMOTE_OPERATIONS')
    AND (r.remoteEvaluatedOn IS NULL OR r.remoteEvaluatedOn > d)
    AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
  RETURN 'Vendor' AS subjectType, v.id AS subjectId, v.name AS subjectName,
    {aspect: 'REMOTE_OPS_UNEVALUATED', service: r.id, kind: r.kind, servesSince: r.from} AS aspectFacts
  UNION
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
    AND r.kind IN ['DESIGN', 'CONSTRUCTION', 'OPERATIONS', 'REMOTE_OPERATIONS', 'TECHNICAL_SERVICE']
    AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
  WITH v, min(r.from) AS since
  WHERE NOT EXISTS {
    MATCH (p:Person)-[w:WORKS_FOR]->(v)
    WHERE w.from <= d AND (w.to IS NULL OR w.to >= d)
      AND EXISTS { (p)-[a:HAS_ACCESS]->(s) WHERE a.from <= d AND (a.to IS NULL OR a.to >= d) }
  }
  RETURN 'Vendor' AS subjectType, v.id AS subjectId, v.name AS subjectName,
    {aspect: 'NO_PERSONNEL_RECORDED', servesSince: since} AS aspectFacts
}
RETURN subjectType, subjectId, subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  aspectFacts {.*, system: s.name, protectionLevel: level} AS facts
ORDER BY aspectFacts.aspect, subjectType, subjectId, s.id
LIMIT $limit
