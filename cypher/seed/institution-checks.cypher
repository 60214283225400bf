// Seeds background checks of assessment institutions (测评机构背景审查) (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (v:Vendor {id: row.vendorId})
MERGE (c:InstitutionCheck {id: row.id})
SET c.status = row.status, c.checkedOn = date(row.checkedOn), c.checkedBy = row.checkedBy,
  c.expiresOn = CASE WHEN row.expiresOn IS NULL THEN null ELSE date(row.expiresOn) END
MERGE (v)-[:HAS_INSTITUTION_CHECK]->(c)
RETURN count(*) AS count
