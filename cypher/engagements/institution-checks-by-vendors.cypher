// One page of the institution background checks (测评机构背景审查) of each of several vendors (Vendor.institutionChecks), newest first (checkedOn DESC, id DESC); vendors outside the caller's scope (the vendors/by-ids predicate) give none.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (v:Vendor {id: parentId})
WHERE $scope.all OR EXISTS {
  MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
  WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
}
MATCH (v)-[:HAS_INSTITUTION_CHECK]->(c:InstitutionCheck)
WITH parentId, v, c, toString(c.checkedOn) AS sortKey
WHERE $afterKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND c.id < $afterId)
WITH parentId, v, c, sortKey
ORDER BY sortKey DESC, c.id DESC
WITH parentId, collect({sortKey: sortKey, node: c {.*, vendorId: v.id}})[0..$limit] AS rows
RETURN parentId, rows
