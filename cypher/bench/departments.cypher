// Bench load: protection departments, each RESPONSIBLE_FOR its sector (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:Sector {code: row.sectorCode})
CREATE (:ProtectionDepartment {id: row.id, name: row.name, divisionCode: row.divisionCode})-[:RESPONSIBLE_FOR]->(s)
RETURN count(*) AS count
