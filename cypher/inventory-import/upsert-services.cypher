// Imports a batch of services (SERVES: a vendor serves a system) keyed by (vendor USCC, operator USCC, system name, kind, from): creates the missing ones, changes the given properties of the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; vendorUscc: string; operatorUscc: string; systemName: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (v:Vendor {uscc: row.vendorUscc})
MATCH (:Operator {uscc: row.operatorUscc})-[:OPERATES]->(candidateSystem:System {name: row.systemName})
WITH row, v, head(collect(candidateSystem)) AS s
OPTIONAL MATCH (v)-[candidate:SERVES {kind: row.props.kind, from: row.props.from}]->(s)
WITH row, v, s, head(collect(candidate)) AS existing
WITH row, v, s, existing, existing IS NULL AS isNew, properties(existing) AS before
WITH row, v, s, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, v, s, isNew) {
  WITH row, v, s, isNew
  WHERE isNew
  CREATE (v)-[r:SERVES]->(s)
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
