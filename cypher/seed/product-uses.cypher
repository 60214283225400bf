// Seeds systems using products (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MATCH (p:Product {id: row.productId})
MERGE (s)-[r:USES {id: row.id}]->(p)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END
RETURN count(*) AS count
