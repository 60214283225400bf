// Records the date a procurement passed its national-security review (通过网络安全审查).
// @mode write
// @param id: string
// @param reviewPassedOn: string
MATCH (s:System)-[:HAS_PROCUREMENT]->(p:Procurement {id: $id})
SET p.reviewPassedOn = date($reviewPassedOn)
RETURN p {.*, systemId: s.id} AS node
