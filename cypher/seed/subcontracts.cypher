// Seeds subcontracting: contractor SUBCONTRACTS_TO subcontractor (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:Vendor {id: row.contractorId})
MATCH (b:Vendor {id: row.subcontractorId})
MERGE (a)-[r:SUBCONTRACTS_TO {id: row.id}]->(b)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END
RETURN count(*) AS count
