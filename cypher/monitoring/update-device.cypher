// Records when a monitoring device was connected to the police platform and/or removed; absent values stay as they are.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (s:System)-[:HAS_EGRESS]->(g:InternetEgress)-[:MONITORED_BY]->(x:MonitoringDevice {id: $id})
SET x += $props
RETURN x {.*, egressId: g.id, systemId: s.id} AS node
