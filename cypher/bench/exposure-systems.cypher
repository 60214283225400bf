// Bench load: each internet exposure EXPOSES its system (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (e:Exposure {id: row.id})
MATCH (s:System {id: row.systemId})
CREATE (e)-[:EXPOSES]->(s)
RETURN count(*) AS count
