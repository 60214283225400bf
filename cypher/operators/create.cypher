// Registers an operator and links it to its sector.
// @mode write
// @param props: Record<string, unknown>
CREATE (o:Operator)
SET o = $props
WITH o
OPTIONAL MATCH (s:Sector {code: o.sectorCode})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (o)-[:IN_SECTOR]->(s))
RETURN o {.*} AS node
