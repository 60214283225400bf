// Declares an address block (网段) for a system or an operator (whichever $ownerId is), unless the same owner already declares this CIDR.
// @mode write
// @param ownerId: string
// @param props: Record<string, unknown>
MATCH (owner)
WHERE (owner:System OR owner:Operator) AND owner.id = $ownerId
OPTIONAL MATCH (owner)-[:DECLARES]->(same:AddressBlock {cidr: $props.cidr})
WITH owner, same
WHERE same IS NULL
CREATE (owner)-[:DECLARES]->(b:AddressBlock)
SET b = $props
RETURN b {.*, ownerId: owner.id} AS node
