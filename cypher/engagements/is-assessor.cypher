// Whether a person is recorded as an assessor on an assessment.
// @mode read
// @param assessmentId: string
// @param personId: string
RETURN EXISTS { (:Person {id: $personId})-[:ASSESSOR_ON]->(:Assessment {id: $assessmentId}) } AS linked
