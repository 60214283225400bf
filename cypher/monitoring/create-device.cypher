// Records a monitoring device (监测设备, MON-2) at an internet egress: (g)-[:MONITORED_BY]->(x:MonitoringDevice).
// @mode write
// @param egressId: string
// @param props: Record<string, unknown>
MATCH (s:System)-[:HAS_EGRESS]->(g:InternetEgress {id: $egressId})
CREATE (g)-[:MONITORED_BY]->(x:MonitoringDevice)
SET x = $props
RETURN x {.*, egressId: g.id, systemId: s.id} AS node
