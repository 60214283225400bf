// Seeds sectors (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (s:Sector {id: row.id})
SET s.code = row.code, s.name = row.name, s.nameEn = row.nameEn
RETURN count(*) AS count
