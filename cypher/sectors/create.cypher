// Registers a sector (重要行业和领域).
// @mode write
// @param props: Record<string, unknown>
CREATE (s:Sector)
SET s = $props
RETURN s {.*} AS node
