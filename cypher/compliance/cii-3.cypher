// CII-3 facts: key-position persons (关键岗位人员: WORKS_FOR with keyPosition = true valid on $asOf) of operators in scope that operate a system part of a CII on asOf, whose latest background check done on or before asOf is missing, not PASSED, or expired (expiresOn < asOf). Subject = the person; one row per (person, operator). Scope as in grd-1 (system/vendor targets: operators of those systems).
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) }
WITH DISTINCT o, d
MATCH (p:Person)-[w:WORKS_FOR]->(o)
WHERE w.keyPosition = true AND w.from <= d AND (w.to IS NULL OR w.to >= d)
WITH o, d, p, w, head(COLLECT { MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) WHERE c.checkedOn <= d RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1 }) AS c
WHERE c IS NULL OR c.status <> 'PASSED' OR coalesce(c.expiresOn < d, false)
RETURN 'Person' AS subjectType, p.id AS subjectId, p.name AS subjectName, null AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {role: w.role, keyPositionSince: w.from, checkStatus: c.status, checkedOn: c.checkedOn, checkExpiresOn: c.expiresOn} AS facts
ORDER BY p.id, o.id
LIMIT $limit
