// Deletes a background check.
// @mode write
// @param id: string
MATCH (c:BackgroundCheck {id: $id})
DETACH DELETE c
RETURN count(*) AS deleted
