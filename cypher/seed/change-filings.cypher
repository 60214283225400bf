// Seeds change/cancellation filings of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (c:ChangeFiling {id: row.id})
SET c.kind = row.kind,
  c.changedOn = date(row.changedOn),
  c.fromLevel = row.fromLevel,
  c.toLevel = row.toLevel,
  c.filedOn = CASE WHEN row.filedOn IS NULL THEN null ELSE date(row.filedOn) END
MERGE (s)-[:HAS_CHANGE]->(c)
RETURN count(*) AS count
