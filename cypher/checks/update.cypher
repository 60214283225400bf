// Changes a background check (a null value removes the property, e.g. expiresOn = no expiry).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (p:Person)-[:HAS_CHECK]->(c:BackgroundCheck {id: $id})
SET c += $props
RETURN c {.*, personId: p.id} AS node
