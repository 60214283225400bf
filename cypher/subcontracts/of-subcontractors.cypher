// The subcontracts each of a batch of subcontractors takes (its contractors in the caller's scope), optionally as of a date, ordered by start then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (c:Vendor)-[r:SUBCONTRACTS_TO]->(sub:Vendor {id: parentId})
WHERE ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR toString(r.from) > $afterKey OR (toString(r.from) = $afterKey AND r.id > $afterId))
  AND ($scope.all OR EXISTS {
    MATCH (c)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
WITH parentId, r, c, sub
ORDER BY r.from, r.id
WITH parentId, collect({sortKey: toString(r.from), node: r {.*, contractorId: c.id, subcontractorId: sub.id}})[0..$limit] AS rows
RETURN parentId, rows
