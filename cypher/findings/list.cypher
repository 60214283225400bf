// One page of findings (问题隐患) in the caller's scope, filtered, by due date (none last) then id.
// @mode read
// @param scope: Scope
// @param status: string | null
// @param severity: string | null
// @param systemId: string | null
// @param assessmentId: string | null
// @param overdueOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
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
WITH a, f, coalesce(toString(f.dueOn), '9999-12-31') AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND f.id > $afterId)
RETURN key AS sortKey, f {.*, assessmentId: a.id} AS node
ORDER BY key, f.id
LIMIT $limit
