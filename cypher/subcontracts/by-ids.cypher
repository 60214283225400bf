// Subcontracts (SUBCONTRACTS_TO, contractor → subcontractor) by id; in scope when both vendors are.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (c:Vendor)-[r:SUBCONTRACTS_TO {id: id}]->(sub:Vendor)
WHERE ($scope.all OR EXISTS {
    MATCH (c)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($scope.all OR EXISTS {
    MATCH (sub)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
RETURN r {.*, contractorId: c.id, subcontractorId: sub.id} AS node
