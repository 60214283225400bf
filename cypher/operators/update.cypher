// Changes an operator's properties and re-links its sector.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (o:Operator {id: $id})
SET o += $props
WITH o
OPTIONAL MATCH (o)-[old:IN_SECTOR]->(:Sector)
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (s:Sector {code: o.sectorCode})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (o)-[:IN_SECTOR]->(s))
RETURN o {.*} AS node
