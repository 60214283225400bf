// Sets the last day an internet egress is in use (停用日期, inclusive; props = {to}); its history stays.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (s:System)-[:HAS_EGRESS]->(g:InternetEgress {id: $id})
SET g += $props
RETURN g {.*, systemId: s.id} AS node
