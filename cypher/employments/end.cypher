// Ends an employment on $to (the last day it was in force); history is kept.
// @mode write
// @param id: string
// @param to: string
MATCH (p:Person)-[w:WORKS_FOR {id: $id}]->(e)
WHERE w.to IS NULL
SET w.to = date($to)
RETURN w {.*, personId: p.id, employerId: e.id, employerKind: CASE WHEN e:Vendor THEN 'VENDOR' ELSE 'OPERATOR' END} AS node
