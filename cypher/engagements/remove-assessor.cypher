// Removes a person from the assessors of an assessment (deletes ASSESSOR_ON); returns how many were removed.
// @mode write
// @param assessmentId: string
// @param personId: string
OPTIONAL MATCH (p:Person {id: $personId})-[r:ASSESSOR_ON]->(a:Assessment {id: $assessmentId})
DELETE r
RETURN count(r) AS removed
