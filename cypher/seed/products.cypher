// Seeds products (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (p:Product {id: row.id})
SET p.name = row.name, p.version = row.version, p.category = row.category, p.certification = row.certification
RETURN count(*) AS count
