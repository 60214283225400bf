// Counts data nodes and relationships (everything but migration records).
// @mode read
MATCH (n)
WHERE NOT n:SchemaMigration
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships
