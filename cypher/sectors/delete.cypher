// Deletes a sector and the departments' responsibility links to it.
// @mode write
// @param id: string
MATCH (s:Sector {id: $id})
DETACH DELETE s
RETURN count(*) AS deleted
