// One page of internet egresses (互联网出口) of systems in the caller's scope, optionally of one system, ordered by system id, then egress id.
// @mode read
// @param scope: Scope
// @param systemId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_EGRESS]->(g:InternetEgress)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($systemId IS NULL OR s.id = $systemId)
WITH s, g, s.id AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND g.id > $afterId)
RETURN key AS sortKey, g {.*, systemId: s.id} AS node
ORDER BY key, g.id
LIMIT $limit
