// CII memberships of each system, in scope, optionally those valid on a date; by CII name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})-[r:PART_OF]->(c:CriticalInfrastructure)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR c.name > $afterKey OR (c.name = $afterKey AND r.id > $afterId))
WITH parentId, c, r, s
ORDER BY c.name, r.id
WITH parentId, collect({sortKey: c.name, node: r {.*, systemId: s.id, ciiId: c.id}})[0..$limit] AS rows
RETURN parentId, rows
