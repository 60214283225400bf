// Bench load: products (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:Product {id: row.id, name: row.name, version: row.version, category: row.category, certification: row.certification})
RETURN count(*) AS count
