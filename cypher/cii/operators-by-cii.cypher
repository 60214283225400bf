// Distinct operators of each CII's systems, in scope, optionally through memberships valid on a date; by name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (:CriticalInfrastructure {id: parentId})<-[r:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId))
WITH DISTINCT parentId, o
ORDER BY o.name, o.id
WITH parentId, collect({sortKey: o.name, node: o {.*}})[0..$limit] AS rows
RETURN parentId, rows
