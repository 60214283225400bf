// Seeds data stored abroad / cross-border transfers of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (t:DataTransfer {id: row.id})
SET t.kind = row.kind,
  t.dataCategory = row.dataCategory,
  t.destination = row.destination,
  t.startedOn = date(row.startedOn),
  t.endedOn = CASE WHEN row.endedOn IS NULL THEN null ELSE date(row.endedOn) END,
  t.assessedOn = CASE WHEN row.assessedOn IS NULL THEN null ELSE date(row.assessedOn) END
MERGE (s)-[:HAS_DATA_TRANSFER]->(t)
RETURN count(*) AS count
