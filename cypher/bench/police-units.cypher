// Bench load: police units (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:PoliceUnit {id: row.id, name: row.name, divisionCode: row.divisionCode})
RETURN count(*) AS count
