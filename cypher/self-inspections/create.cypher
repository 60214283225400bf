// Records a self-inspection (自查, INS-1) of a system or of a whole operator: (n)-[:HAD_SELF_INSPECTION]->(x:SelfInspection), n = the system when $systemId is set, else the operator.
// @mode write
// @param operatorId: string | null
// @param systemId: string | null
// @param props: Record<string, unknown>
OPTIONAL MATCH (:Operator)-[:OPERATES]->(s:System {id: $systemId})
OPTIONAL MATCH (op:Operator {id: $operatorId})
WITH coalesce(s, op) AS n, s, op
WHERE n IS NOT NULL
CREATE (n)-[:HAD_SELF_INSPECTION]->(x:SelfInspection)
SET x = $props
RETURN x {.*, systemId: s.id, operatorId: op.id} AS node
