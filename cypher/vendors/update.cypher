// Changes a vendor's properties (null values remove a property).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (v:Vendor {id: $id})
SET v += $props
RETURN v {.*} AS node
