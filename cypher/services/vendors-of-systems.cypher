// The distinct vendors directly serving each of a batch of systems (optionally as of a date), ordered by name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})<-[r:SERVES]-(v:Vendor)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
WITH DISTINCT parentId, v
WHERE $afterKey IS NULL OR v.name > $afterKey OR (v.name = $afterKey AND v.id > $afterId)
WITH parentId, v
ORDER BY v.name, v.id
WITH parentId, collect({sortKey: v.name, node: v {.*}})[0..$limit] AS rows
RETURN parentId, rows
