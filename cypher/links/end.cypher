// Ends a network link on a date (its last valid day); the link is kept as history.
// @mode write
// @param id: string
// @param to: string
MATCH (a:System)-[r:CONNECTS_TO {id: $id}]->(b:System)
SET r.to = date($to)
RETURN r {.*, fromSystemId: a.id, toSystemId: b.id} AS node
