// Changes an internet exposure; with $relink it drops its EXPOSES link and links $systemId (null: leaves it unmatched).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
// @param relink: boolean
// @param systemId: string | null
MATCH (e:Exposure {id: $id})
SET e += $props
WITH e
OPTIONAL MATCH (e)-[old:EXPOSES]->(:System)
FOREACH (_ IN CASE WHEN $relink THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT e
OPTIONAL MATCH (n:System {id: $systemId})
FOREACH (_ IN CASE WHEN $relink AND n IS NOT NULL THEN [1] ELSE [] END | CREATE (e)-[:EXPOSES]->(n))
WITH e
OPTIONAL MATCH (e)-[:EXPOSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
RETURN e {.*, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END} AS node
