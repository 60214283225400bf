// Bench load: vendors SERVES systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (v:Vendor {id: row.vendorId})
MATCH (s:System {id: row.systemId})
CREATE (v)-[:SERVES {
  id: row.id,
  from: date(row.from),
  to: date(row.to),
  kind: row.kind,
  remote: row.remote,
  remoteEvaluatedOn: date(row.remoteEvaluatedOn),
  contractRef: row.contractRef
}]->(s)
RETURN count(*) AS count
