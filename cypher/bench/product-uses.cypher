// Bench load: systems USES products (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MATCH (p:Product {id: row.productId})
CREATE (s)-[:USES {id: row.id, from: date(row.from), to: date(row.to)}]->(p)
RETURN count(*) AS count
