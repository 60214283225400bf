// Bench load: vendors (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:Vendor {
  id: row.id,
  uscc: row.uscc,
  name: row.name,
  registrationStatus: row.registrationStatus,
  registeredOn: date(row.registeredOn),
  registrationNumber: row.registrationNumber
})
RETURN count(*) AS count
