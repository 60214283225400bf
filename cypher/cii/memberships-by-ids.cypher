// CII memberships (PART_OF) by id, those whose system is outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (o:Operator)-[:OPERATES]->(s:System)-[r:PART_OF {id: id}]->(c:CriticalInfrastructure)
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN r {.*, systemId: s.id, ciiId: c.id} AS node
