// How many monitoring registrations the matching list statement (same filters) has in the caller's scope.
// @mode read
// @param scope: Scope
// @param systemId: string | null
// @param vendorId: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_MONITORING_REGISTRATION]->(m:MonitoringRegistration)-[:REGISTERS_VENDOR]->(v:Vendor)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($systemId IS NULL OR s.id = $systemId)
  AND ($vendorId IS NULL OR v.id = $vendorId)
RETURN count(*) AS total
