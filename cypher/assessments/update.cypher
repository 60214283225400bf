// Changes an assessment; a non-null $systemId moves it to that system, $relinkVendor replaces its performing vendor by $vendorId (null: none).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
// @param systemId: string | null
// @param relinkVendor: boolean
// @param vendorId: string | null
MATCH (a:Assessment {id: $id})
SET a += $props
WITH a
OPTIONAL MATCH (a)-[oldSystem:ASSESSES]->(:System)
OPTIONAL MATCH (newSystem:System {id: $systemId})
FOREACH (_ IN CASE WHEN newSystem IS NULL THEN [] ELSE [1] END | DELETE oldSystem)
WITH DISTINCT a, newSystem
FOREACH (_ IN CASE WHEN newSystem IS NULL THEN [] ELSE [1] END | CREATE (a)-[:ASSESSES]->(newSystem))
WITH a
OPTIONAL MATCH (a)<-[oldVendor:PERFORMED]-(:Vendor)
FOREACH (_ IN CASE WHEN $relinkVendor THEN [1] ELSE [] END | DELETE oldVendor)
WITH DISTINCT a
OPTIONAL MATCH (newVendor:Vendor {id: $vendorId})
FOREACH (_ IN CASE WHEN $relinkVendor AND newVendor IS NOT NULL THEN [1] ELSE [] END | CREATE (newVendor)-[:PERFORMED]->(a))
WITH a
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
RETURN a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END} AS node
