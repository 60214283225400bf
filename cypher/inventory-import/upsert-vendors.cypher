// Imports a batch of vendors by USCC: creates the missing ones, changes the given properties of the others; counts created, updated and unchanged rows.
// @mode write
// @param rows: { id: string; uscc: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
OPTIONAL MATCH (existing:Vendor {uscc: row.uscc})
WITH row, existing IS NULL AS isNew, existing {.*} AS before
WITH row, isNew, isNew OR any(k IN keys(row.props) WHERE coalesce(before[k] <> row.props[k], (before[k] IS NULL) <> (row.props[k] IS NULL))) AS changed
MERGE (v:Vendor {uscc: row.uscc})
ON CREATE SET v.id = row.id, v.registrationStatus = 'UNREGISTERED'
SET v += row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged
