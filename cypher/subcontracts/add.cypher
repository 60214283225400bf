// Records that a contractor subcontracts to a subcontractor (a SUBCONTRACTS_TO relationship with its validity window).
// @mode write
// @param contractorId: string
// @param subcontractorId: string
// @param props: Record<string, unknown>
MATCH (c:Vendor {id: $contractorId})
MATCH (sub:Vendor {id: $subcontractorId})
CREATE (c)-[r:SUBCONTRACTS_TO]->(sub)
SET r = $props
RETURN r {.*, contractorId: c.id, subcontractorId: sub.id} AS node
