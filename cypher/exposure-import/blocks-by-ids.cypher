// Address blocks by id with their declaring system or operator, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (owner)-[:DECLARES]->(b:AddressBlock {id: id})
OPTIONAL MATCH (op:Operator)-[:OPERATES]->(owner)
WITH b, owner, CASE WHEN owner:Operator THEN owner ELSE op END AS o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN b {.*, ownerId: owner.id, ownerKind: CASE WHEN owner:System THEN 'System' ELSE 'Operator' END, operatorId: o.id} AS node
