// Records a procurement of network products or services for a system (采购网络产品和服务): (s)-[:HAS_PROCUREMENT]->(p:Procurement).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAS_PROCUREMENT]->(p:Procurement)
SET p = $props
RETURN p {.*, systemId: s.id} AS node
