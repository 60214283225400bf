// Vendors by id (existence check for the institution that performed an assessment; any registered vendor may be named).
// @mode read
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (v:Vendor {id: id})
RETURN v {.*} AS node
