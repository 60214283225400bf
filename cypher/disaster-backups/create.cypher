// Records a disaster backup (容灾备份) of a system: (s)-[:HAS_BACKUP]->(b:DisasterBackup).
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAS_BACKUP]->(b:DisasterBackup)
SET b = $props
RETURN b {.*, systemId: s.id} AS node
