// Bench load: operators (nodes only; IN_SECTOR comes with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:Operator {
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
})
RETURN count(*) AS count
