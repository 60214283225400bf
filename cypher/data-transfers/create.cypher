// Records data of a system stored abroad or transferred across the border (数据境外存储/出境): (s)-[:HAS_DATA_TRANSFER]->(t:DataTransfer).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAS_DATA_TRANSFER]->(t:DataTransfer)
SET t = $props
RETURN t {.*, systemId: s.id} AS node
