// Demo internet egresses (互联网出口) of systems (MON-2), merged on id.
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (g:InternetEgress {id: row.id})
SET g.name = row.name, g.address = row.address, g.from = date(row.from), g.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END
MERGE (s)-[:HAS_EGRESS]->(g)
RETURN count(*) AS count
