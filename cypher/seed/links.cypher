// Seeds network links between systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:System {id: row.fromSystemId})
MATCH (b:System {id: row.toSystemId})
MERGE (a)-[r:CONNECTS_TO {id: row.id}]->(b)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, r.protocol = row.protocol, r.port = row.port
RETURN count(*) AS count
