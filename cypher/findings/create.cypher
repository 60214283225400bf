// Records a finding of an assessment.
// @mode write
// @param assessmentId: string
// @param props: Record<string, unknown>
MATCH (a:Assessment {id: $assessmentId})
CREATE (a)-[:FOUND]->(f:Finding)
SET f = $props
RETURN f {.*, assessmentId: a.id} AS node
