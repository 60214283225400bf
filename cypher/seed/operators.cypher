// Seeds operators and links each to its sector (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (o:Operator {id: row.id})
SET o.uscc = row.uscc,
  o.name = row.name,
  o.divisionCode = row.divisionCode,
  o.inDevelopmentZone = row.inDevelopmentZone,
  o.sectorCode = row.sectorCode,
  o.competentDepartment = row.competentDepartment,
  o.securityBody = row.securityBody,
  o.securityHead = row.securityHead,
  o.contactPhone = row.contactPhone
WITH o, row
OPTIONAL MATCH (s:Sector {code: row.sectorCode})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (o)-[:IN_SECTOR]->(s))
RETURN count(*) AS count
