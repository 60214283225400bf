// Records a background check of a person.
// @mode write
// @param personId: string
// @param props: Record<string, unknown>
MATCH (p:Person {id: $personId})
CREATE (p)-[:HAS_CHECK]->(c:BackgroundCheck)
SET c = $props
RETURN c {.*, personId: p.id} AS node
