// Records an assessment of a system and, when $vendorId is given, the vendor that performed it.
// @mode write
// @param props: Record<string, unknown>
// @param systemId: string
// @param vendorId: string | null
MATCH (s:System {id: $systemId})
CREATE (a:Assessment)-[:ASSESSES]->(s)
SET a = $props
WITH a, s
OPTIONAL MATCH (v:Vendor {id: $vendorId})
FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (v)-[:PERFORMED]->(a))
WITH a, s, v
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
RETURN a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END} AS node
