// One page of monitoring registrations (第三方监测报备) of systems in the caller's scope, optionally of one system or one vendor, ordered by registration date.
// @mode read
// @param scope: Scope
// @param systemId: string | null
// @param vendorId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_MONITORING_REGISTRATION]->(m:MonitoringRegistration)-[:REGISTERS_VENDOR]->(v:Vendor)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($systemId IS NULL OR s.id = $systemId)
  AND ($vendorId IS NULL OR v.id = $vendorId)
WITH s, m, v, toString(m.registeredOn) AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND m.id > $afterId)
RETURN key AS sortKey, m {.*, systemId: s.id, vendorId: v.id, vendorName: v.name} AS node
ORDER BY key, m.id
LIMIT $limit
