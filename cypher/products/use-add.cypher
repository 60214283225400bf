// Records that a system uses a product (a USES relationship with its validity window).
// @mode write
// @param systemId: string
// @param productId: string
// @param props: Record<string, unknown>
MATCH (s:System {id: $systemId})
MATCH (p:Product {id: $productId})
CREATE (s)-[r:USES]->(p)
SET r = $props
RETURN r {.*, systemId: s.id, productId: p.id} AS node
