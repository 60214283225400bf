// Imports a batch of accesses (HAS_ACCESS: a person's access to a system) keyed by (resident-ID hash, operator USCC, system name, kind, from): creates the missing ones, changes the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; residentIdHash: string; operatorUscc: string; systemName: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (p:Person {residentIdHash: row.residentIdHash})
MATCH (:Operator {uscc: row.operatorUscc})-[:OPERATES]->(candidateSystem:System {name: row.systemName})
WITH row, p, head(collect(candidateSystem)) AS s
OPTIONAL MATCH (p)-[candidate:HAS_ACCESS {kind: row.props.kind, from: row.props.from}]->(s)
WITH row, p, s, head(collect(candidate)) AS existing
WITH row, p, s, existing, existing IS NULL AS isNew, properties(existing) AS before
WITH row, p, s, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, p, s, isNew) {
  WITH row, p, s, isNew
  WHERE isNew
  CREATE (p)-[r:HAS_ACCESS]->(s)
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
