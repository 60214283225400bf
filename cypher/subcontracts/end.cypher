// Ends a subcontract that is still in force: sets its last valid day.
// @mode write
// @param id: string
// @param to: string
MATCH (c:Vendor)-[r:SUBCONTRACTS_TO {id: $id}]->(sub:Vendor)
WHERE r.to IS NULL
SET r.to = date($to)
RETURN r {.*, contractorId: c.id, subcontractorId: sub.id} AS node
