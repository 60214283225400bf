// Bench load: each operator IN_SECTOR its sector (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (o:Operator {id: row.id})
MATCH (sector:Sector {code: row.sectorCode})
CREATE (o)-[:IN_SECTOR]->(sector)
RETURN count(*) AS count
