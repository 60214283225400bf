// Seeds protection departments and the sectors they are responsible for (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (d:ProtectionDepartment {id: row.id})
SET d.name = row.name, d.divisionCode = row.divisionCode
WITH d, row
CALL (d, row) {
  UNWIND row.sectorCodes AS code
  MATCH (s:Sector {code: code})
  MERGE (d)-[:RESPONSIBLE_FOR]->(s)
  RETURN count(s) AS sectors
}
RETURN count(*) AS count
