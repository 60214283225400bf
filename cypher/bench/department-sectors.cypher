// Bench load: each protection department RESPONSIBLE_FOR its sector (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (d:ProtectionDepartment {id: row.id})
MATCH (s:Sector {code: row.sectorCode})
CREATE (d)-[:RESPONSIBLE_FOR]->(s)
RETURN count(*) AS count
