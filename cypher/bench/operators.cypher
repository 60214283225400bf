// Bench load: operators IN_SECTOR their sector (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (sector:Sector {code: row.sectorCode})
CREATE (o:Operator {
  id: row.id,
  uscc: row.uscc,
  name: row.name,
  divisionCode: row.divisionCode,
  inDevelopmentZone: row.inDevelopmentZone,
  sectorCode: row.sectorCode,
  competentDepartment: row.competentDepartment,
  securityBody: row.securityBody,
  securityHead: row.securityHead,
  contactPhone: row.contactPhone
})-[:IN_SECTOR]->(sector)
RETURN count(*) AS count
