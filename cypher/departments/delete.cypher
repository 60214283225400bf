// Deletes a protection department and its sector responsibilities.
// @mode write
// @param id: string
MATCH (d:ProtectionDepartment {id: $id})
DETACH DELETE d
RETURN count(*) AS deleted
