// One page of monitoring devices (监测设备) at internet egresses of systems in the caller's scope, optionally of one egress or one system, ordered by installation date.
// @mode read
// @param scope: Scope
// @param egressId: string | null
// @param systemId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_EGRESS]->(g:InternetEgress)-[:MONITORED_BY]->(x:MonitoringDevice)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($egressId IS NULL OR g.id = $egressId)
  AND ($systemId IS NULL OR s.id = $systemId)
WITH s, g, x, toString(x.installedOn) AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND x.id > $afterId)
RETURN key AS sortKey, x {.*, egressId: g.id, systemId: s.id} AS node
ORDER BY key, x.id
LIMIT $limit
