// Bench load: systems PART_OF CII designations (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MATCH (c:CriticalInfrastructure {id: row.ciiId})
CREATE (s)-[:PART_OF {id: row.id, from: date(row.from), to: date(row.to)}]->(c)
RETURN count(*) AS count
