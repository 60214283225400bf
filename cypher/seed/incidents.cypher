// Seeds security incidents of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (i:Incident {id: row.id})
SET i.title = row.title,
  i.severity = row.severity,
  i.occurredAt = datetime(row.occurredAt),
  i.discoveredAt = datetime(row.discoveredAt),
  i.reportedAt = CASE WHEN row.reportedAt IS NULL THEN null ELSE datetime(row.reportedAt) END
MERGE (s)-[:HAD_INCIDENT]->(i)
RETURN count(*) AS count
