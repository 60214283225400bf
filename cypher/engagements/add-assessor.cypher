// Records a person as an assessor (测评人员) on an assessment engagement: (p)-[:ASSESSOR_ON]->(a); returns nothing when already recorded.
// @mode write
// @param assessmentId: string
// @param personId: string
MATCH (a:Assessment {id: $assessmentId}), (p:Person {id: $personId})
WHERE NOT EXISTS { (p)-[:ASSESSOR_ON]->(a) }
CREATE (p)-[:ASSESSOR_ON]->(a)
RETURN a.id AS id
