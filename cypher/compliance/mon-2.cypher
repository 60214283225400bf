// MON-2 facts: important systems in scope (not decommissioned on $asOf; live and of level ≥ 3, or part of a CII on asOf) with no internet egress (互联网出口) valid on asOf (one row, egress null), or each valid egress without a monitoring device (监测设备) installed on or before asOf, not removed before asOf and feeding the police platform (platformConnectedOn <= asOf). Subject = the system; one row per egress. Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WITH o, s, d, {{@levelOnAsOf}} AS level
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND NOT coalesce(s.decommissionedOn <= d, false)
  AND ((coalesce(level, 0) >= 3 AND coalesce(s.liveOn <= d, false))
    OR EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) })
WITH o, s, d, level, COLLECT { MATCH (s)-[:HAS_EGRESS]->(g:InternetEgress) WHERE g.from <= d AND (g.to IS NULL OR g.to >= d) RETURN g ORDER BY g.id } AS egresses
WITH o, s, d, level, egresses, [g IN egresses WHERE NOT EXISTS {
  MATCH (g)-[:MONITORED_BY]->(x:MonitoringDevice)
  WHERE x.installedOn <= d AND (x.removedOn IS NULL OR x.removedOn >= d) AND x.platformConnectedOn <= d
}] AS unmonitored
UNWIND CASE WHEN size(egresses) = 0 THEN [null] ELSE unmonitored END AS g
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level, egresses: size(egresses), egress: g.name, egressId: g.id, egressAddress: g.address, egressSince: g.from} AS facts
ORDER BY s.id, g.id
LIMIT $limit
