// Node counts per label and relationship counts per type (snapshot and backup checks).
// @mode read
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration
  UNWIND labels(n) AS name
  RETURN 'node' AS kind, name, count(*) AS total
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS total
}
RETURN kind, name, total
ORDER BY kind, name
