// Imports a batch of systems by (operator USCC, system name): creates the missing ones under their operator, changes the given properties of the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; operatorUscc: string; name: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (o:Operator {uscc: row.operatorUscc})
OPTIONAL MATCH (o)-[:OPERATES]->(candidate:System {name: row.name})
WITH row, o, head(collect(candidate)) AS existing
WITH row, o, existing, existing IS NULL AS isNew, existing {.*} AS before
WITH row, o, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, o, isNew) {
  WITH row, o, isNew
  WHERE isNew
  CREATE (o)-[:OPERATES]->(s:System)
  SET s = row.props, s.id = row.id, s.name = row.name, s.status = coalesce(row.props.status, 'PLANNED')
}
CALL (row, existing, changed, isNew) {
  WITH row, existing, changed, isNew
  WHERE changed AND NOT isNew
  SET existing += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
