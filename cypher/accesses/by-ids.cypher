// Accesses by id, those to systems outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (p:Person)-[r:HAS_ACCESS {id: id}]->(s:System)<-[:OPERATES]-(o:Operator)
WHERE $scope.all OR (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN r {.*, personId: p.id, systemId: s.id} AS node
