// Memberships of each CII (its systems), in scope, optionally those valid on a date; by system name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (c:CriticalInfrastructure {id: parentId})<-[r:PART_OF]-(s:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR s.name > $afterKey OR (s.name = $afterKey AND r.id > $afterId))
WITH parentId, c, r, s
ORDER BY s.name, r.id
WITH parentId, collect({sortKey: s.name, node: r {.*, systemId: s.id, ciiId: c.id}})[0..$limit] AS rows
RETURN parentId, rows
