// Deletes a finding.
// @mode write
// @param id: string
MATCH (f:Finding {id: $id})
DETACH DELETE f
RETURN count(*) AS deleted
