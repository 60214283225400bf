// Demo monitoring registrations (第三方监测报备, MON-1), merged on id.
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MATCH (v:Vendor {id: row.vendorId})
MERGE (m:MonitoringRegistration {id: row.id})
SET m.registeredOn = date(row.registeredOn), m.reference = row.reference
MERGE (s)-[:HAS_MONITORING_REGISTRATION]->(m)
MERGE (m)-[:REGISTERS_VENDOR]->(v)
RETURN count(*) AS count
