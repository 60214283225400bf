// Systems by id as record maps (operatorId via OPERATES), those outside the caller's scope left out; used to check referenced systems.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (s:System {id: id})
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH s, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN s {.*, operatorId: o.id} AS node
