// Bench load: persons with a hash-shaped and a masked resident ID, never a real one (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:Person {id: row.id, name: row.name, residentIdHash: row.residentIdHash, residentIdMasked: row.residentIdMasked})
RETURN count(*) AS count
