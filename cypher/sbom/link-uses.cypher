// Links a system to the products it uses (USES from $today) unless a link in force already exists; answers how many were created.
// @mode write
// @param systemId: string
// @param today: unknown
// @param rows: readonly { productId: string; id: string }[]
MATCH (s:System {id: $systemId})
UNWIND $rows AS row
MATCH (p:Product {id: row.productId})
OPTIONAL MATCH (s)-[old:USES]->(p)
WHERE old.to IS NULL OR old.to >= $today
WITH s, p, row, count(old) AS active
FOREACH (_ IN CASE WHEN active = 0 THEN [1] ELSE [] END | CREATE (s)-[:USES {id: row.id, from: $today}]->(p))
RETURN sum(CASE WHEN active = 0 THEN 1 ELSE 0 END) AS created, count(*) AS count
