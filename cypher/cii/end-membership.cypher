// Ends a membership that is still in force on its last valid day `to` (history is kept).
// @mode write
// @param id: string
// @param to: string
MATCH (s:System)-[r:PART_OF {id: $id}]->(c:CriticalInfrastructure)
WHERE r.to IS NULL AND r.from <= date($to)
SET r.to = date($to)
RETURN r {.*, systemId: s.id, ciiId: c.id} AS node
