// Vendors by unified social credit code, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param usccs: readonly string[]
UNWIND $usccs AS uscc
MATCH (v:Vendor {uscc: uscc})
WHERE $scope.all OR EXISTS {
  MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
  WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
}
RETURN v {.*} AS node
