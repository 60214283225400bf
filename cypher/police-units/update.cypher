// Changes a police unit's properties.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (p:PoliceUnit {id: $id})
SET p += $props
RETURN p {.*} AS node
