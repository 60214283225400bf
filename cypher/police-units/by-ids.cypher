// Police units by id (public reference data: no scope).
// @mode read
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (p:PoliceUnit {id: id})
RETURN p {.*} AS node
