// Changes a finding (status, closing date, …); null values remove the property.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (a:Assessment)-[:FOUND]->(f:Finding {id: $id})
SET f += $props
RETURN f {.*, assessmentId: a.id} AS node
