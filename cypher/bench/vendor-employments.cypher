// Bench load: persons WORKS_FOR vendors (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (e:Vendor {id: row.employerId})
CREATE (p)-[:WORKS_FOR {id: row.id, from: date(row.from), to: date(row.to), keyPosition: row.keyPosition, role: row.role}]->(e)
RETURN count(*) AS count
