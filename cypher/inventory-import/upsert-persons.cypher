// Imports a batch of persons (人员) by the keyed hash of their resident ID (never the ID itself): creates the missing ones, changes the name of the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; residentIdHash: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
OPTIONAL MATCH (existing:Person {residentIdHash: row.residentIdHash})
WITH row, existing IS NULL AS isNew, existing {.*} AS before
WITH row, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
MERGE (p:Person {residentIdHash: row.residentIdHash})
ON CREATE SET p.id = row.id
SET p += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
