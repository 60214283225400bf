// Grants a person access to a system.
// @mode write
// @param personId: string
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (p:Person {id: $personId})
MATCH (s:System {id: $systemId})
CREATE (p)-[r:HAS_ACCESS]->(s)
SET r = $props
RETURN r {.*, personId: p.id, systemId: s.id} AS node
