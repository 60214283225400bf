// Records a security incident of a system (网络安全事件): (s)-[:HAD_INCIDENT]->(i:Incident); the instants are stored as datetimes.
// @mode write
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
CREATE (s)-[:HAD_INCIDENT]->(i:Incident)
SET i = $props
SET i.occurredAt = datetime(i.occurredAt), i.discoveredAt = datetime(i.discoveredAt),
  i.reportedAt = CASE WHEN i.reportedAt IS NULL THEN null ELSE datetime(i.reportedAt) END
RETURN i {.*, systemId: s.id} AS node
