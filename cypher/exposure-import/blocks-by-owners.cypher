// One page of the address blocks declared by each of several systems or operators (batched), by start key.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (owner)
WHERE (owner:System OR owner:Operator) AND owner.id = parentId
OPTIONAL MATCH (op:Operator)-[:OPERATES]->(owner)
WITH parentId, owner, CASE WHEN owner:Operator THEN owner ELSE op END AS o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
MATCH (owner)-[:DECLARES]->(b:AddressBlock)
WITH parentId, owner, o, b, b.startKey + right('00' + toString(b.prefix), 3) AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND b.id > $afterId)
WITH parentId, owner, o, b, key
ORDER BY key, b.id
WITH parentId, collect({sortKey: key, node: b {.*, ownerId: owner.id, ownerKind: CASE WHEN owner:System THEN 'System' ELSE 'Operator' END, operatorId: o.id}})[0..$limit] AS rows
RETURN parentId, rows
