// Seeds vendor services to systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (v:Vendor {id: row.vendorId})
MATCH (s:System {id: row.systemId})
MERGE (v)-[r:SERVES {id: row.id}]->(s)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END,
  r.kind = row.kind,
  r.remote = row.remote,
  r.remoteEvaluatedOn = CASE WHEN row.remoteEvaluatedOn IS NULL THEN null ELSE date(row.remoteEvaluatedOn) END,
  r.contractRef = row.contractRef
RETURN count(*) AS count
