// Bench load: protection departments (nodes only; RESPONSIBLE_FOR comes with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:ProtectionDepartment {id: row.id, name: row.name, divisionCode: row.divisionCode})
RETURN count(*) AS count
