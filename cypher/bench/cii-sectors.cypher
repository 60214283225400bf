// Bench load: each CII designation IN_SECTOR its sector and IDENTIFIED by its department (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (c:CriticalInfrastructure {id: row.id})
MATCH (sector:Sector {code: row.sectorCode})
MATCH (d:ProtectionDepartment {id: row.departmentId})
CREATE (c)-[:IN_SECTOR]->(sector)
CREATE (d)-[:IDENTIFIED {on: date(row.identifiedOn)}]->(c)
RETURN count(*) AS count
