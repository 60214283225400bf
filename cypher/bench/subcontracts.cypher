// Bench load: contractor SUBCONTRACTS_TO subcontractor (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:Vendor {id: row.contractorId})
MATCH (b:Vendor {id: row.subcontractorId})
CREATE (a)-[:SUBCONTRACTS_TO {id: row.id, from: date(row.from), to: date(row.to)}]->(b)
RETURN count(*) AS count
