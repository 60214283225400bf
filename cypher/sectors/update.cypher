// Changes a sector's names (its code is its natural key and does not change).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (s:Sector {id: $id})
SET s += $props
RETURN s {.*} AS node
