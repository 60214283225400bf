// Services (SERVES) by id; a service is in scope when its system is.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (v:Vendor)-[r:SERVES {id: id}]->(s:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN r {.*, vendorId: v.id, systemId: s.id} AS node
