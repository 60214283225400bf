// Links vendors to the products they supply (SUPPLIES from $today) unless a link in force already exists; answers how many were created.
// @mode write
// @param today: unknown
// @param rows: readonly { vendorId: string; productId: string; id: string }[]
UNWIND $rows AS row
MATCH (v:Vendor {id: row.vendorId})
MATCH (p:Product {id: row.productId})
OPTIONAL MATCH (v)-[old:SUPPLIES]->(p)
WHERE old.to IS NULL OR old.to >= $today
WITH v, p, row, count(old) AS active
FOREACH (_ IN CASE WHEN active = 0 THEN [1] ELSE [] END | CREATE (v)-[:SUPPLIES {id: row.id, from: $today}]->(p))
RETURN sum(CASE WHEN active = 0 THEN 1 ELSE 0 END) AS created, count(*) AS count
