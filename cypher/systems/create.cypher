// Registers a protected system operated by an operator.
// @mode write
// @param operatorId: string
// @param props: Record<string, unknown>
MATCH (o:Operator {id: $operatorId})
CREATE (o)-[:OPERATES]->(s:System)
SET s = $props
RETURN s {.*, operatorId: o.id, isCii: false} AS node
