// Records a level change or decommissioning of a system that needs a change/cancellation filing: (s)-[:HAS_CHANGE]->(c:ChangeFiling).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAS_CHANGE]->(c:ChangeFiling)
SET c = $props
RETURN c {.*, systemId: s.id} AS node
