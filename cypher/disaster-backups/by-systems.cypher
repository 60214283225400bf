// One page of disaster backups (容灾备份) for each of several systems (System.disasterBackups), by establishment date then id; activeOn (YYYY-MM-DD) keeps those in force that day, null = all.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
MATCH (s)-[:HAS_BACKUP]->(b:DisasterBackup)
WITH parentId, s, b, toString(b.establishedOn) AS sortKey
WHERE ($activeOn IS NULL OR (b.establishedOn <= date($activeOn) AND (b.endedOn IS NULL OR b.endedOn >= date($activeOn))))
  AND ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND b.id > $afterId))
WITH parentId, s, b, sortKey
ORDER BY sortKey, b.id
WITH parentId, collect({sortKey: sortKey, node: b {.*, systemId: s.id}})[0..$limit] AS rows
RETURN parentId, rows
