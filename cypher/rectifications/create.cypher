// Lists a system for supervised rectification (挂牌督办): a SupervisedRectification node, (s)-[:UNDER_SUPERVISION]->(r).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:UNDER_SUPERVISION]->(r:SupervisedRectification)
SET r = $props
RETURN r {.*, systemId: s.id} AS node
