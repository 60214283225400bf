// CII memberships of each system, in scope, optionally those valid on a date; by CII name, then start date, then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})-[r:PART_OF]->(c:CriticalInfrastructure)
WITH parentId, o, s, r, c, c.name + '\u0001' + toString(r.from) AS sortKey
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND r.id > $afterId))
WITH parentId, c, r, s, sortKey
ORDER BY sortKey, r.id
WITH parentId, collect({sortKey: sortKey, node: r {.*, systemId: s.id, ciiId: c.id}})[0..$limit] AS rows
RETURN parentId, rows
