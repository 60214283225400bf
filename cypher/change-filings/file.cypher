// Records the date a change/cancellation was filed with the police.
// @mode write
// @param id: string
// @param filedOn: string
MATCH (s:System)-[:HAS_CHANGE]->(c:ChangeFiling {id: $id})
SET c.filedOn = date($filedOn)
RETURN c {.*, systemId: s.id} AS node
