// Seeds CII memberships: system PART_OF designation (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MATCH (c:CriticalInfrastructure {id: row.ciiId})
MERGE (s)-[r:PART_OF {id: row.id}]->(c)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END
RETURN count(*) AS count
