// Seeds the assessors (测评人员) of assessments (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (a:Assessment {id: row.assessmentId})
MERGE (p)-[:ASSESSOR_ON]->(a)
RETURN count(*) AS count
