// Ends a product use that is still in force: sets its last valid day.
// @mode write
// @param id: string
// @param to: string
MATCH (s:System)-[r:USES {id: $id}]->(p:Product)
WHERE r.to IS NULL
SET r.to = date($to)
RETURN r {.*, systemId: s.id, productId: p.id} AS node
