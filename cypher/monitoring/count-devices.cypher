// How many monitoring devices the matching list statement (same filters) has in the caller's scope.
// @mode read
// @param scope: Scope
// @param egressId: string | null
// @param systemId: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_EGRESS]->(g:InternetEgress)-[:MONITORED_BY]->(x:MonitoringDevice)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($egressId IS NULL OR g.id = $egressId)
  AND ($systemId IS NULL OR s.id = $systemId)
RETURN count(*) AS total
