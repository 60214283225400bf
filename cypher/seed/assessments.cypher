// Seeds assessments of systems and the vendors that performed them (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (a:Assessment {id: row.id})
SET a.kind = row.kind,
  a.on = date(row.on),
  a.conclusion = row.conclusion,
  a.score = CASE WHEN row.score IS NULL THEN null ELSE toFloat(row.score) END
MERGE (a)-[:ASSESSES]->(s)
WITH a, row
OPTIONAL MATCH (v:Vendor {id: row.vendorId})
FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | MERGE (v)-[:PERFORMED]->(a))
RETURN count(*) AS count
