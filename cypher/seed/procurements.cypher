// Seeds procurements of systems and their security reviews (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (p:Procurement {id: row.id})
SET p.title = row.title,
  p.purchasedOn = date(row.purchasedOn),
  p.affectsNationalSecurity = row.affectsNationalSecurity,
  p.reviewPassedOn = CASE WHEN row.reviewPassedOn IS NULL THEN null ELSE date(row.reviewPassedOn) END
MERGE (s)-[:HAS_PROCUREMENT]->(p)
RETURN count(*) AS count
