// Bench load: each background check HAS_CHECK-linked from its person (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (c:BackgroundCheck {id: row.id})
CREATE (p)-[:HAS_CHECK]->(c)
RETURN count(*) AS count
