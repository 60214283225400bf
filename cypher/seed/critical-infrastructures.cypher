// Seeds CII designations with their sector and the department that identified them (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (sector:Sector {code: row.sectorCode})
MATCH (d:ProtectionDepartment {id: row.departmentId})
MERGE (c:CriticalInfrastructure {id: row.id})
SET c.name = row.name,
  c.sectorCode = row.sectorCode,
  c.identifiedOn = date(row.identifiedOn),
  c.operatorNotifiedOn = CASE WHEN row.operatorNotifiedOn IS NULL THEN null ELSE date(row.operatorNotifiedOn) END,
  c.policeNotifiedOn = CASE WHEN row.policeNotifiedOn IS NULL THEN null ELSE date(row.policeNotifiedOn) END
MERGE (c)-[:IN_SECTOR]->(sector)
MERGE (d)-[i:IDENTIFIED]->(c)
SET i.on = date(row.identifiedOn)
RETURN count(*) AS count
