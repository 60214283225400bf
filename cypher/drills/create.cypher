// Records an emergency drill (应急演练) of a system: (s)-[:HAD_DRILL]->(x:Drill).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAD_DRILL]->(x:Drill)
SET x = $props
RETURN x {.*, systemId: s.id} AS node
