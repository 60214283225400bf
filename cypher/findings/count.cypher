// How many findings in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param status: string | null
// @param severity: string | null
// @param systemId: string | null
// @param assessmentId: string | null
// @param overdueOn: string | null
MATCH (a:Assessment)-[:FOUND]->(f:Finding)
WHERE ($status IS NULL OR f.status = $status)
  AND ($severity IS NULL OR f.severity = $severity)
  AND ($assessmentId IS NULL OR a.id = $assessmentId)
  AND ($overdueOn IS NULL OR (f.status = 'OPEN' AND f.dueOn < date($overdueOn)))
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH s, a, f, o
WHERE ($systemId IS NULL OR s.id = $systemId)
  AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN count(f) AS total
