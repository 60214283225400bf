// Network products by id, those outside the caller's scope (not used by an in-scope system) left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (p:Product {id: id})
WHERE ($scope.all OR EXISTS {
    MATCH (p)<-[:USES]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
RETURN p {.*} AS node
