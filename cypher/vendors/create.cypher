// Registers a network-security service company.
// @mode write
// @param props: Record<string, unknown>
CREATE (v:Vendor)
SET v = $props
RETURN v {.*} AS node
