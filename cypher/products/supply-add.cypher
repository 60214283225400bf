// Records that a vendor supplies a product (a SUPPLIES relationship with its validity window).
// @mode write
// @param vendorId: string
// @param productId: string
// @param props: Record<string, unknown>
MATCH (v:Vendor {id: $vendorId})
MATCH (p:Product {id: $productId})
CREATE (v)-[r:SUPPLIES]->(p)
SET r = $props
RETURN r {.*, vendorId: v.id, productId: p.id} AS node
