// Accesses to each system (valid on $activeOn when given), one page per system, by start date then id.
// @mode read
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (p:Person)-[r:HAS_ACCESS]->(s:System {id: parentId})
WHERE ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
WITH parentId, p, r, s
ORDER BY r.from, r.id
WITH parentId, collect({sortKey: toString(r.from), node: r {.*, personId: p.id, systemId: s.id}}) AS matches
RETURN parentId,
  [x IN matches WHERE $afterKey IS NULL OR x.sortKey > $afterKey OR (x.sortKey = $afterKey AND x.node.id > $afterId)][0..$limit] AS rows,
  size(matches) AS total
