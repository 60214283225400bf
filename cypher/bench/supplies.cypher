// Bench load: vendors SUPPLIES products (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (v:Vendor {id: row.vendorId})
MATCH (p:Product {id: row.productId})
CREATE (v)-[:SUPPLIES {id: row.id, from: date(row.from), to: date(row.to)}]->(p)
RETURN count(*) AS count
