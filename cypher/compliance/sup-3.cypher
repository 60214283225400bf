// SUP-3 facts: systems in scope of level ≥ 3 or part of a CII on $asOf (the risk flags' "high"), with (a) each vendor with a SERVES valid on asOf that is not REGISTERED with registeredOn <= asOf (as riskFlags UNREGISTERED_VENDOR; subject = the vendor), (b) each person with a HAS_ACCESS valid on asOf whose latest background check done on or before asOf is missing, not PASSED or expired (expiresOn < asOf) (as riskFlags UNCHECKED_PERSONNEL; subject = the person; vendor target: that vendor's staff only). One row per (subject, system). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
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
WITH o, s, d, level, coalesce(level, 0) >= 3 AS level3,
  EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) } AS cii
WHERE level3 OR cii
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
}
RETURN subjectType, subjectId, subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  aspectFacts {.*, system: s.name, protectionLevel: level, cii: cii} AS facts
ORDER BY subjectType, subjectId, s.id
LIMIT $limit
