// Every data node (not the migration records) with its labels and properties, for a whole-graph snapshot.
// @mode read
MATCH (n)
WHERE NOT n:SchemaMigration
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
