// One page of self-inspections (自查) of operators and systems in the caller's scope, optionally of one operator (its own and its systems') or one system, ordered by date.
// @mode read
// @param scope: Scope
// @param operatorId: string | null
// @param systemId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
CALL () {
  MATCH (o:Operator)-[:HAD_SELF_INSPECTION]->(x:SelfInspection)
  RETURN o, x, null AS s
  UNION
  MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAD_SELF_INSPECTION]->(x:SelfInspection)
  RETURN o, x, s
}
WITH o, x, s
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($operatorId IS NULL OR o.id = $operatorId)
  AND ($systemId IS NULL OR s.id = $systemId)
WITH o, x, s, toString(x.heldOn) AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND x.id > $afterId)
RETURN key AS sortKey, x {.*, systemId: s.id, operatorId: CASE WHEN s IS NULL THEN o.id END} AS node
ORDER BY key, x.id
LIMIT $limit
