// Records the security assessment date (安全评估) and/or the end (停止) of a data transfer; a null parameter leaves the stored value.
// @mode write
// @param id: string
// @param assessedOn: string | null
// @param endedOn: string | null
MATCH (s:System)-[:HAS_DATA_TRANSFER]->(t:DataTransfer {id: $id})
SET t.assessedOn = CASE WHEN $assessedOn IS NULL THEN t.assessedOn ELSE date($assessedOn) END,
  t.endedOn = CASE WHEN $endedOn IS NULL THEN t.endedOn ELSE date($endedOn) END
RETURN t {.*, systemId: s.id} AS node
