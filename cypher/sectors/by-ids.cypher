// Sectors by id (public reference data: no scope).
// @mode read
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (s:Sector {id: id})
RETURN s {.*} AS node
