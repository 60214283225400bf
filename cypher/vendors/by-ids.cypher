// Vendors by id, those outside the caller's scope left out (in scope: it or a vendor it subcontracts with serves an in-scope system).
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (v:Vendor {id: id})
WHERE $scope.all OR EXISTS {
  MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
  WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
}
RETURN v {.*} AS node
