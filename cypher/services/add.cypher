// Records that a vendor serves a system (a SERVES relationship with its validity window).
// @mode write
// @param vendorId: string
// @param systemId: string
// @param props: Record<string, unknown>
MATCH (v:Vendor {id: $vendorId})
MATCH (s:System {id: $systemId})
CREATE (v)-[r:SERVES]->(s)
SET r = $props
RETURN r {.*, vendorId: v.id, systemId: s.id} AS node
