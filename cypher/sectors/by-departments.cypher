// Sectors each protection department is responsible for, by code then id.
// @mode read
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (:ProtectionDepartment {id: parentId})-[:RESPONSIBLE_FOR]->(s:Sector)
WHERE $afterKey IS NULL OR s.code > $afterKey OR (s.code = $afterKey AND s.id > $afterId)
WITH parentId, s
ORDER BY s.code, s.id
WITH parentId, collect({sortKey: s.code, node: s {.*}})[0..$limit] AS rows
RETURN parentId, rows
