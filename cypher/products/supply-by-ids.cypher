// Supplies (Vendor SUPPLIES Product) by id; in scope when both the vendor and the product are.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (v:Vendor)-[r:SUPPLIES {id: id}]->(p:Product)
WHERE ($scope.all OR EXISTS {
    MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($scope.all OR EXISTS {
    MATCH (p)<-[:USES]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
RETURN r {.*, vendorId: v.id, productId: p.id} AS node
