// Seeds background checks, each attached to its person (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MERGE (c:BackgroundCheck {id: row.id})
SET c.status = row.status,
  c.checkedOn = date(row.checkedOn),
  c.expiresOn = CASE WHEN row.expiresOn IS NULL THEN null ELSE date(row.expiresOn) END,
  c.checkedBy = row.checkedBy
MERGE (p)-[:HAS_CHECK]->(c)
RETURN count(*) AS count
