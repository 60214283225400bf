// Deletes a CII designation with its memberships (PART_OF), identification and sector link.
// @mode write
// @param id: string
MATCH (c:CriticalInfrastructure {id: $id})
DETACH DELETE c
RETURN count(*) AS deleted
