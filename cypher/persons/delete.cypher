// Deletes a person with their background checks (employments and accesses go with the node).
// @mode write
// @param id: string
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck)
WITH p, collect(c) AS checks
FOREACH (c IN checks | DETACH DELETE c)
DETACH DELETE p
RETURN size(checks) AS checks
