// Distinct operators of each sector's CII systems (by sector id), through memberships valid on $today, in scope; by name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param today: string
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (sec:Sector {id: parentId})
MATCH (c:CriticalInfrastructure {sectorCode: sec.code})<-[m:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND m.from <= date($today) AND (m.to IS NULL OR m.to >= date($today))
  AND ($afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId))
WITH DISTINCT parentId, o
ORDER BY o.name, o.id
WITH parentId, collect({sortKey: o.name, node: o {.*}})[0..$limit] AS rows
RETURN parentId, rows
