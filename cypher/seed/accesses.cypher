// Seeds personnel access to systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (s:System {id: row.systemId})
MERGE (p)-[r:HAS_ACCESS {id: row.id}]->(s)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, r.kind = row.kind
RETURN count(*) AS count
