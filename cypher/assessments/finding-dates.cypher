// The earliest closing and due dates and the number of an assessment's findings (its date must not move after them).
// @mode read
// @param id: string
MATCH (a:Assessment {id: $id})
OPTIONAL MATCH (a)-[:FOUND]->(f:Finding)
RETURN min(f.closedOn) AS firstClosedOn, min(f.dueOn) AS firstDueOn, count(f) AS findings
