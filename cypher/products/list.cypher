// One page of network products in the caller's scope, filtered, ordered by name then id.
// @mode read
// @param scope: Scope
// @param search: string | null
// @param certified: boolean | null
// @param vendorId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (p:Product)
WHERE ($scope.all OR EXISTS {
    MATCH (p)<-[:USES]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($search IS NULL OR p.name CONTAINS $search)
  AND ($certified IS NULL OR (p.certification IS NOT NULL) = $certified)
  AND ($vendorId IS NULL OR EXISTS { (:Vendor {id: $vendorId})-[:SUPPLIES]->(p) })
  AND ($afterKey IS NULL OR p.name > $afterKey OR (p.name = $afterKey AND p.id > $afterId))
RETURN p.name AS sortKey, p {.*} AS node
ORDER BY p.name, p.id
LIMIT $limit
