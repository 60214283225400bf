// Monitoring devices by id, at egresses of systems in the caller's scope.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS key
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_EGRESS]->(g:InternetEgress)-[:MONITORED_BY]->(x:MonitoringDevice {id: key})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN key, x {.*, egressId: g.id, systemId: s.id} AS node
