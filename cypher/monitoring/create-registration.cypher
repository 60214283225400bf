// Records a monitoring registration (第三方监测报备, MON-1): the operator of a system reported to the police that a vendor will monitor it: (s)-[:HAS_MONITORING_REGISTRATION]->(m:MonitoringRegistration)-[:REGISTERS_VENDOR]->(v).
// @mode write
// @param systemId: string
// @param vendorId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
MATCH (v:Vendor {id: $vendorId})
CREATE (s)-[:HAS_MONITORING_REGISTRATION]->(m:MonitoringRegistration)-[:REGISTERS_VENDOR]->(v)
SET m = $props
RETURN m {.*, systemId: s.id, vendorId: v.id, vendorName: v.name} AS node
