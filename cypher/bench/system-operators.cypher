// Bench load: each system OPERATES-linked from its operator (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (o:Operator {id: row.operatorId})
MATCH (s:System {id: row.id})
CREATE (o)-[:OPERATES]->(s)
RETURN count(*) AS count
