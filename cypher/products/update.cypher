// Changes a product's properties (null values remove a property).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (p:Product {id: $id})
SET p += $props
RETURN p {.*} AS node
