// INC-1 facts: incidents of level 较大 and above (severity LARGE, MAJOR, ESPECIALLY_MAJOR) of systems in scope, discovered on or before $asOf (date in Asia/Shanghai), with whether the system was part of a CII on the discovery date, and the report instant when it was made on or before asOf (null otherwise). Subject = the incident. The deadline in hours is applied in TypeScript (configurable). Scope as in grd-1.
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
MATCH (s)-[:HAD_INCIDENT]->(i:Incident)
WITH o, s, d, i, date(datetime({datetime: i.discoveredAt, timezone: 'Asia/Shanghai'})) AS discoveredOn
WHERE i.severity IN ['LARGE', 'MAJOR', 'ESPECIALLY_MAJOR'] AND discoveredOn <= d
WITH o, s, d, i, discoveredOn,
  CASE WHEN i.reportedAt IS NOT NULL AND date(datetime({datetime: i.reportedAt, timezone: 'Asia/Shanghai'})) <= d THEN i.reportedAt END AS reportedAt
RETURN 'Incident' AS subjectType, i.id AS subjectId, i.title AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {severity: i.severity, discoveredAt: toString(i.discoveredAt), reportedAt: toString(reportedAt), system: s.name,
   cii: EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= discoveredOn AND (m.to IS NULL OR m.to >= discoveredOn) }} AS facts
ORDER BY i.id
LIMIT $limit
