// Imports a batch of employments (WORKS_FOR: a person works for a vendor) keyed by (resident-ID hash, vendor USCC, from): creates the missing ones (keyPosition false unless given, as addEmployment), changes the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; residentIdHash: string; vendorUscc: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (p:Person {residentIdHash: row.residentIdHash})
MATCH (v:Vendor {uscc: row.vendorUscc})
OPTIONAL MATCH (p)-[candidate:WORKS_FOR {from: row.props.from}]->(v)
WITH row, p, v, head(collect(candidate)) AS existing
WITH row, p, v, existing, existing IS NULL AS isNew, properties(existing) AS before
WITH row, p, v, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, p, v, isNew) {
  WITH row, p, v, isNew
  WHERE isNew
  CREATE (p)-[r:WORKS_FOR]->(v)
  SET r = row.props, r.id = row.id, r.keyPosition = coalesce(row.props.keyPosition, false)
}
CALL (row, existing, changed, isNew) {
  WITH row, existing, changed, isNew
  WHERE changed AND NOT isNew
  SET existing += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
