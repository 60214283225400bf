// Deletes a police unit.
// @mode write
// @param id: string
MATCH (p:PoliceUnit {id: $id})
DETACH DELETE p
RETURN count(*) AS deleted
