// Imports a batch of operators by USCC: creates the missing ones, changes the given properties of the others, re-links changed sectors; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; uscc: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
OPTIONAL MATCH (existing:Operator {uscc: row.uscc})
WITH row, existing IS NULL AS isNew, existing {.*} AS before
WITH row, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
MERGE (o:Operator {uscc: row.uscc})
ON CREATE SET o.id = row.id, o.inDevelopmentZone = false
SET o += row.props
WITH o, row, isNew, changed
CALL (o, row, changed) {
  WITH o, row, changed
  WHERE changed AND 'sectorCode' IN keys(row.props)
  OPTIONAL MATCH (o)-[old:IN_SECTOR]->(:Sector)
  DELETE old
  WITH DISTINCT o, row
  OPTIONAL MATCH (s:Sector {code: row.props.sectorCode})
  FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (o)-[:IN_SECTOR]->(s))
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
