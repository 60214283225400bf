// Protection departments responsible for each sector (by sector id), by name then id.
// @mode read
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (:Sector {id: parentId})<-[:RESPONSIBLE_FOR]-(d:ProtectionDepartment)
WHERE $afterKey IS NULL OR d.name > $afterKey OR (d.name = $afterKey AND d.id > $afterId)
WITH parentId, d
ORDER BY d.name, d.id
WITH parentId, collect({sortKey: d.name, node: d {.*}})[0..$limit] AS rows
RETURN parentId, rows
