// RCT-1 facts: assessment findings (整改项) of systems in scope recorded by an assessment on or before $asOf, with a due date, still open on asOf (status OPEN, or closed after asOf). Subject = the finding. Scope as in grd-1.
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
MATCH (s)<-[:ASSESSES]-(a:Assessment)-[:FOUND]->(f:Finding)
WHERE a.on <= d AND f.dueOn IS NOT NULL AND (f.status = 'OPEN' OR coalesce(f.closedOn > d, false))
RETURN 'Finding' AS subjectType, f.id AS subjectId, f.title AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {system: s.name, assessedOn: a.on, severity: f.severity, dueOn: f.dueOn} AS facts
ORDER BY f.id
LIMIT $limit
