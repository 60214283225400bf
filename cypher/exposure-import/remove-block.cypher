// Removes an address block declaration.
// @mode write
// @param id: string
MATCH (b:AddressBlock {id: $id})
DETACH DELETE b
RETURN count(*) AS deleted
