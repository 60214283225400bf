// One page of internet exposures for each of several systems (batched System.exposures), by address key, port, protocol.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (s:System {id: parentId})
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH parentId, s, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
MATCH (e:Exposure)-[:EXPOSES]->(s)
WITH parentId, s, o, e, e.ipKey + right('0000' + toString(e.port), 5) + e.protocol AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND e.id > $afterId)
WITH parentId, s, o, e, key
ORDER BY key, e.id
WITH parentId, collect({sortKey: key, node: e {.*, system: s {.*, operatorId: o.id}}})[0..$limit] AS rows
RETURN parentId, rows
