// Vendors registered under these USCCs, each with whether the caller's jurisdiction sees it (as the API's employer rule: it serves a system there, directly or as a subcontractor of one tier): the employment import's reference check.
// @mode read
// @param scope: Scope
// @param usccs: string[]
UNWIND $usccs AS uscc
MATCH (v:Vendor {uscc: uscc})
RETURN v.uscc AS uscc,
       ($scope.all OR EXISTS { MATCH (v)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }) AS visible
