// System-to-system network links (CONNECTS_TO) by id; in scope when either end system is.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (a:System)-[r:CONNECTS_TO {id: id}]->(b:System)
WHERE $scope.all
  OR EXISTS {
    MATCH (o:Operator)-[:OPERATES]->(x:System)
    WHERE (x = a OR x = b) AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  }
RETURN r {.*, fromSystemId: a.id, toSystemId: b.id} AS node
