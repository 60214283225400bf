// Seeds supervised rectifications (挂牌督办) of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (r:SupervisedRectification {id: row.id})
SET r.title = row.title,
  r.listedOn = date(row.listedOn),
  r.deadline = date(row.deadline),
  r.rectifyingOn = CASE WHEN row.rectifyingOn IS NULL THEN null ELSE date(row.rectifyingOn) END,
  r.verifiedOn = CASE WHEN row.verifiedOn IS NULL THEN null ELSE date(row.verifiedOn) END,
  r.delistedOn = CASE WHEN row.delistedOn IS NULL THEN null ELSE date(row.delistedOn) END
MERGE (s)-[:UNDER_SUPERVISION]->(r)
RETURN count(*) AS count
