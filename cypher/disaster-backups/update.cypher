// Changes the end and/or the last verification of a disaster backup; a null parameter leaves the stored value.
// @mode write
// @param id: string
// @param endedOn: string | null
// @param lastVerifiedOn: string | null
MATCH (s:System)-[:HAS_BACKUP]->(b:DisasterBackup {id: $id})
SET b.endedOn = CASE WHEN $endedOn IS NULL THEN b.endedOn ELSE date($endedOn) END,
  b.lastVerifiedOn = CASE WHEN $lastVerifiedOn IS NULL THEN b.lastVerifiedOn ELSE date($lastVerifiedOn) END
RETURN b {.*, systemId: s.id} AS node
