// Bench load: background checks, each HAS_CHECK-linked from its person (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
CREATE (p)-[:HAS_CHECK]->(:BackgroundCheck {
  id: row.id,
  status: row.status,
  checkedOn: date(row.checkedOn),
  expiresOn: date(row.expiresOn),
  checkedBy: row.checkedBy
})
RETURN count(*) AS count
