// Changes a system's properties (null removes one) and, when operatorId is given, moves OPERATES.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
// @param operatorId: string | null
MATCH (s:System {id: $id})
SET s += $props
WITH s
OPTIONAL MATCH (target:Operator {id: $operatorId})
CALL (s, target) {
  WITH s, target
  WHERE target IS NOT NULL AND NOT EXISTS { (target)-[:OPERATES]->(s) }
  OPTIONAL MATCH (:Operator)-[old:OPERATES]->(s)
  DELETE old
  WITH DISTINCT s, target
  CREATE (target)-[:OPERATES]->(s)
}
WITH s
MATCH (o:Operator)-[:OPERATES]->(s)
RETURN s {.*, operatorId: o.id, isCii: EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) }} AS node
