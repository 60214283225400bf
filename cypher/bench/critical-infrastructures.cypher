// Bench load: CII designations IN_SECTOR their sector, IDENTIFIED by its department (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (sector:Sector {code: row.sectorCode})
MATCH (d:ProtectionDepartment {id: row.departmentId})
CREATE (c:CriticalInfrastructure {
  id: row.id,
  name: row.name,
  sectorCode: row.sectorCode,
  identifiedOn: date(row.identifiedOn),
  operatorNotifiedOn: date(row.operatorNotifiedOn),
  policeNotifiedOn: date(row.policeNotifiedOn)
})-[:IN_SECTOR]->(sector)
CREATE (d)-[:IDENTIFIED {on: date(row.identifiedOn)}]->(c)
RETURN count(*) AS count
