// Systems or operators by id (for declarations), with the operator whose jurisdiction applies, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (owner)
WHERE (owner:System OR owner:Operator) AND owner.id = id
OPTIONAL MATCH (op:Operator)-[:OPERATES]->(owner)
WITH owner, CASE WHEN owner:Operator THEN owner ELSE op END AS o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN {id: owner.id, kind: CASE WHEN owner:System THEN 'System' ELSE 'Operator' END, operatorId: o.id} AS node
