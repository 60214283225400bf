// Records an internet egress (互联网出口, MON-2) of a system: (s)-[:HAS_EGRESS]->(g:InternetEgress), in use from..to (inclusive).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAS_EGRESS]->(g:InternetEgress)
SET g = $props
RETURN g {.*, systemId: s.id} AS node
