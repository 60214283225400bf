// Ends a service that is still in force: sets its last valid day.
// @mode write
// @param id: string
// @param to: string
MATCH (v:Vendor)-[r:SERVES {id: $id}]->(s:System)
WHERE r.to IS NULL
SET r.to = date($to)
RETURN r {.*, vendorId: v.id, systemId: s.id} AS node
