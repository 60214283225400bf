// Systems (as the access end) by id with their operator id, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (o:Operator)-[:OPERATES]->(s:System {id: id})
WHERE $scope.all OR (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN s {.*, operatorId: o.id} AS node
