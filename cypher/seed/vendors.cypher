// Seeds vendors (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (v:Vendor {id: row.id})
SET v.uscc = row.uscc,
  v.name = row.name,
  v.registrationStatus = row.registrationStatus,
  v.registeredOn = CASE WHEN row.registeredOn IS NULL THEN null ELSE date(row.registeredOn) END,
  v.registrationNumber = row.registrationNumber
RETURN count(*) AS count
