// Records the instant an incident was reported to the filing police (报告备案公安机关).
// @mode write
// @param id: string
// @param reportedAt: string
MATCH (s:System)-[:HAD_INCIDENT]->(i:Incident {id: $id})
SET i.reportedAt = datetime($reportedAt)
RETURN i {.*, systemId: s.id} AS node
