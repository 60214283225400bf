// How many internet egresses the matching list statement (same filters) has in the caller's scope.
// @mode read
// @param scope: Scope
// @param systemId: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_EGRESS]->(g:InternetEgress)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($systemId IS NULL OR s.id = $systemId)
RETURN count(*) AS total
