// Registers a network product.
// @mode write
// @param props: Record<string, unknown>
CREATE (p:Product)
SET p = $props
RETURN p {.*} AS node
