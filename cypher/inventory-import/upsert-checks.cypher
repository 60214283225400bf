// Imports a batch of background checks (安全背景审查) keyed by (person's resident-ID hash, check date, checking body): creates the missing ones, changes the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; residentIdHash: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (p:Person {residentIdHash: row.residentIdHash})
OPTIONAL MATCH (p)-[:HAS_CHECK]->(candidate:BackgroundCheck {checkedOn: row.props.checkedOn, checkedBy: row.props.checkedBy})
WITH row, p, head(collect(candidate)) AS existing
WITH row, p, existing, existing IS NULL AS isNew, existing {.*} AS before
WITH row, p, existing, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
CALL (row, p, isNew) {
  WITH row, p, isNew
  WHERE isNew
  CREATE (p)-[:HAS_CHECK]->(c:BackgroundCheck)
  SET c = row.props, c.id = row.id
}
CALL (row, existing, changed, isNew) {
  WITH row, existing, changed, isNew
  WHERE changed AND NOT isNew
  SET existing += row.props
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
