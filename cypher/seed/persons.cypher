// Seeds persons: a keyed hash and a masked form of the resident ID, never the ID itself (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.residentIdHash = row.residentIdHash, p.residentIdMasked = row.residentIdMasked
RETURN count(*) AS count
