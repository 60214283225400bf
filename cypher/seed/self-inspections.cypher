// Demo self-inspections (自查, INS-1) of operators (operatorId set) or systems (systemId set), merged on id.
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
OPTIONAL MATCH (s:System {id: row.systemId})
OPTIONAL MATCH (o:Operator {id: row.operatorId})
WITH row, coalesce(s, o) AS n
WHERE n IS NOT NULL
MERGE (x:SelfInspection {id: row.id})
SET x.title = row.title, x.heldOn = date(row.heldOn)
MERGE (n)-[:HAD_SELF_INSPECTION]->(x)
RETURN count(*) AS count
