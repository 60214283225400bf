// Seeds findings of assessments (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:Assessment {id: row.assessmentId})
MERGE (f:Finding {id: row.id})
SET f.title = row.title,
  f.severity = row.severity,
  f.dueOn = CASE WHEN row.dueOn IS NULL THEN null ELSE date(row.dueOn) END,
  f.status = row.status,
  f.closedOn = CASE WHEN row.closedOn IS NULL THEN null ELSE date(row.closedOn) END
MERGE (a)-[:FOUND]->(f)
RETURN count(*) AS count
