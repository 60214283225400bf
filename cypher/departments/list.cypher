// One page of protection departments, optionally those responsible for a sector, ordered by name then id.
// @mode read
// @param sectorCode: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (d:ProtectionDepartment)
WHERE ($sectorCode IS NULL OR EXISTS { (d)-[:RESPONSIBLE_FOR]->(:Sector {code: $sectorCode}) })
  AND ($afterKey IS NULL OR d.name > $afterKey OR (d.name = $afterKey AND d.id > $afterId))
RETURN d.name AS sortKey, d {.*} AS node
ORDER BY d.name, d.id
LIMIT $limit
