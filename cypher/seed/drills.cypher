// Seeds emergency drills of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (x:Drill {id: row.id})
SET x.title = row.title, x.heldOn = date(row.heldOn)
MERGE (s)-[:HAD_DRILL]->(x)
RETURN count(*) AS count
