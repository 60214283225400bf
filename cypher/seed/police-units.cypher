// Seeds police units (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (p:PoliceUnit {id: row.id})
SET p.name = row.name, p.divisionCode = row.divisionCode
RETURN count(*) AS count
