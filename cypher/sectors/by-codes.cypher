// Sectors by code (sectors are public reference data: no scope).
// @mode read
// @param codes: readonly string[]
UNWIND $codes AS code
MATCH (s:Sector {code: code})
RETURN s {.*} AS node
