// Every relationship between data nodes with its type and properties, for a whole-graph snapshot.
// @mode read
MATCH (a)-[r]->(b)
WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration
RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props
