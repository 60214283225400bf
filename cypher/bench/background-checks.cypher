// Bench load: background checks (nodes only; HAS_CHECK comes with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:BackgroundCheck {
  id: row.id,
  status: row.status,
  checkedOn: date(row.checkedOn),
  expiresOn: date(row.expiresOn),
  checkedBy: row.checkedBy
})
RETURN count(*) AS count
