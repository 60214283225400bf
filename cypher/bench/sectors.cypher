// Bench load: sectors (one UNWIND batch; the database is empty, so CREATE).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:Sector {id: row.id, code: row.code, name: row.name, nameEn: row.nameEn})
RETURN count(*) AS count
