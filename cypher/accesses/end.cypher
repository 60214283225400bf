// Ends an access on $to (the last day it was in force); history is kept.
// @mode write
// @param id: string
// @param to: string
MATCH (p:Person)-[r:HAS_ACCESS {id: $id}]->(s:System)
WHERE r.to IS NULL
SET r.to = date($to)
RETURN r {.*, personId: p.id, systemId: s.id} AS node
