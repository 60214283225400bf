// Internet exposures by id with their system, those outside the caller's scope left out (unmatched ones need full scope).
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (e:Exposure {id: id})
OPTIONAL MATCH (e)-[:EXPOSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH e, s, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN e {.*, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END} AS node
