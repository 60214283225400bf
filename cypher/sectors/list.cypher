// One page of sectors ordered by code.
// @mode read
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (s:Sector)
WHERE $afterKey IS NULL OR s.code > $afterKey OR (s.code = $afterKey AND s.id > $afterId)
RETURN s.code AS sortKey, s {.*} AS node
ORDER BY s.code, s.id
LIMIT $limit
