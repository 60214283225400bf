// Bench: data nodes and relationships, from the count store (constant time).
// @mode read
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH (m:SchemaMigration) RETURN count(m) AS migrations }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN total - migrations AS nodes, relationships
