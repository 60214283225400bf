// Imports a batch of subcontracts (SUBCONTRACTS_TO: a vendor subcontracts to another) keyed by (contractor USCC, subcontractor USCC, from): creates the missing ones, changes the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; contractorUscc: string; subcontractorUscc: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (c:Vendor {uscc: row.contractorUscc})
MATCH (sub:Vendor {uscc: row.subcontractorUscc})
OPTIONAL MATCH (c)-[candidate:SUBCONTRACTS_TO {from: row.props.from}]->(sub)
WITH row, c, sub, head(collect(candidate)) AS existing
WITH row, c, sub, existing, existing IS NULL AS isNew, properties(existing) AS before
WITH row, c, sub, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, c, sub, isNew) {
  WITH row, c, sub, isNew
  WHERE isNew
  CREATE (c)-[r:SUBCONTRACTS_TO]->(sub)
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
