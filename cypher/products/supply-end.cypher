// Ends a supply that is still in force: sets its last valid day.
// @mode write
// @param id: string
// @param to: string
MATCH (v:Vendor)-[r:SUPPLIES {id: $id}]->(p:Product)
WHERE r.to IS NULL
SET r.to = date($to)
RETURN r {.*, vendorId: v.id, productId: p.id} AS node
