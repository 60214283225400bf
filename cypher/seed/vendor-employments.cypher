// Seeds employment at vendors (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (e:Vendor {id: row.employerId})
MERGE (p)-[r:WORKS_FOR {id: row.id}]->(e)
SET r.from = date(row.from), r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, r.keyPosition = row.keyPosition, r.role = row.role
RETURN count(*) AS count
