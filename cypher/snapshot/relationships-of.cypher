// The relationships between the given nodes (by element id), for a jurisdiction snapshot.
// @mode read
// @param keys: readonly string[]
UNWIND $keys AS key
MATCH (a)-[r]->(b)
WHERE elementId(a) = key AND elementId(b) IN $keys
RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props
