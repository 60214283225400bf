// Bench load: persons HAS_ACCESS to systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (s:System {id: row.systemId})
CREATE (p)-[:HAS_ACCESS {id: row.id, from: date(row.from), to: date(row.to), kind: row.kind}]->(s)
RETURN count(*) AS count
