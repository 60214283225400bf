// One page of police units ordered by division code then id.
// @mode read
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (p:PoliceUnit)
WHERE $afterKey IS NULL OR p.divisionCode > $afterKey OR (p.divisionCode = $afterKey AND p.id > $afterId)
RETURN p.divisionCode AS sortKey, p {.*} AS node
ORDER BY p.divisionCode, p.id
LIMIT $limit
