// Seeds disaster backups (容灾备份) of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (b:DisasterBackup {id: row.id})
SET b.kind = row.kind, b.site = row.site, b.establishedOn = date(row.establishedOn),
  b.endedOn = CASE WHEN row.endedOn IS NULL THEN null ELSE date(row.endedOn) END,
  b.lastVerifiedOn = CASE WHEN row.lastVerifiedOn IS NULL THEN null ELSE date(row.lastVerifiedOn) END
MERGE (s)-[:HAS_BACKUP]->(b)
RETURN count(*) AS count
