// Imports a batch of system links (CONNECTS_TO) keyed by (from system, to system, protocol, port, from), systems by operator USCC + name: creates the missing ones, changes the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; fromOperatorUscc: string; fromSystemName: string; toOperatorUscc: string; toSystemName: string; port: number | null; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (:Operator {uscc: row.fromOperatorUscc})-[:OPERATES]->(candidateA:System {name: row.fromSystemName})
WITH row, head(collect(candidateA)) AS a
MATCH (:Operator {uscc: row.toOperatorUscc})-[:OPERATES]->(candidateB:System {name: row.toSystemName})
WITH row, a, head(collect(candidateB)) AS b
OPTIONAL MATCH (a)-[candidate:CONNECTS_TO {protocol: row.props.protocol, from: row.props.from}]->(b)
WHERE coalesce(candidate.port, 0) = coalesce(row.port, 0)
WITH row, a, b, head(collect(candidate)) AS existing
WITH row, a, b, existing, existing IS NULL AS isNew, properties(existing) AS before
WITH row, a, b, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, a, b, isNew) {
  WITH row, a, b, isNew
  WHERE isNew
  CREATE (a)-[r:CONNECTS_TO]->(b)
  SET r = row.props, r.id = row.id
}
CALL (row, existing, changed, isNew) {
  WITH row, existing, changed, isNew
  WHERE changed AND NOT isNew
  SET existing += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
