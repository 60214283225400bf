// Bench load: network links, system CONNECTS_TO system (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:System {id: row.fromSystemId})
MATCH (b:System {id: row.toSystemId})
CREATE (a)-[:CONNECTS_TO {id: row.id, from: date(row.from), to: date(row.to), protocol: row.protocol, port: row.port}]->(b)
RETURN count(*) AS count
