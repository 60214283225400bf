// The product uses of each of a batch of systems, optionally as of a date, ordered by start then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})-[r:USES]->(p:Product)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR toString(r.from) > $afterKey OR (toString(r.from) = $afterKey AND r.id > $afterId))
WITH parentId, r, s, p
ORDER BY r.from, r.id
WITH parentId, collect({sortKey: toString(r.from), node: r {.*, systemId: s.id, productId: p.id}})[0..$limit] AS rows
RETURN parentId, rows
