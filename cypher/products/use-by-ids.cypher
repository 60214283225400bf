// Product uses (System USES Product) by id; in scope when the system is.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (o:Operator)-[:OPERATES]->(s:System)-[r:USES {id: id}]->(p:Product)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN r {.*, systemId: s.id, productId: p.id} AS node
