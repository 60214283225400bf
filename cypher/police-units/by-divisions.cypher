// Police units by division code (one per division).
// @mode read
// @param codes: readonly string[]
UNWIND $codes AS code
MATCH (p:PoliceUnit {divisionCode: code})
RETURN p {.*} AS node
