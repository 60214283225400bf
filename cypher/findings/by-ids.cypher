// Findings by id, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (a:Assessment)-[:FOUND]->(f:Finding {id: id})
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH a, f, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN f {.*, assessmentId: a.id} AS node
