// Deletes a system and all its relationships; exposures, assessments etc. stay as nodes.
// @mode write
// @param id: string
MATCH (s:System {id: $id})
DETACH DELETE s
RETURN count(*) AS deleted
