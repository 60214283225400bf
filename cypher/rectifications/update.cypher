// Records the stages of a supervised rectification (dates of rectifying, verified, delisted); absent keys stay.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (s:System)-[:UNDER_SUPERVISION]->(r:SupervisedRectification {id: $id})
SET r += $props
RETURN r {.*, systemId: s.id} AS node
