// Deletes an internet exposure and its EXPOSES link.
// @mode write
// @param id: string
MATCH (e:Exposure {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
