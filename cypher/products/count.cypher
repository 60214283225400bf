// How many network products in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param search: string | null
// @param certified: boolean | null
// @param vendorId: string | null
MATCH (p:Product)
WHERE ($scope.all OR EXISTS {
    MATCH (p)<-[:USES]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($search IS NULL OR p.name CONTAINS $search)
  AND ($certified IS NULL OR (p.certification IS NOT NULL) = $certified)
  AND ($vendorId IS NULL OR EXISTS { (:Vendor {id: $vendorId})-[:SUPPLIES]->(p) })
RETURN count(p) AS total
