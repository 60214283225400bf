// Records a network link from one system to another (CONNECTS_TO with a validity window).
// @mode write
// @param fromSystemId: string
// @param toSystemId: string
// @param props: Record<string, unknown>
MATCH (a:System {id: $fromSystemId}), (b:System {id: $toSystemId})
CREATE (a)-[r:CONNECTS_TO]->(b)
SET r = $props
RETURN r {.*, fromSystemId: a.id, toSystemId: b.id} AS node
