// Records an internet exposure and, when $systemId is given, links it to the system it exposes.
// @mode write
// @param props: Record<string, unknown>
// @param systemId: string | null
CREATE (e:Exposure)
SET e = $props
WITH e
OPTIONAL MATCH (s:System {id: $systemId})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (e)-[:EXPOSES]->(s))
WITH e, s
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
RETURN e {.*, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END} AS node
