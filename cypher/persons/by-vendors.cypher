// Distinct persons employed by each vendor (active on $activeOn when given), one page per vendor, by name.
// @mode read
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (p:Person)-[w:WORKS_FOR]->(:Vendor {id: parentId})
WHERE ($activeOn IS NULL OR (w.from <= date($activeOn) AND (w.to IS NULL OR w.to >= date($activeOn))))
WITH DISTINCT parentId, p
ORDER BY p.name, p.id
WITH parentId, collect({sortKey: p.name, node: p {.id, .name, .residentIdMasked}}) AS matches
RETURN parentId,
  [x IN matches WHERE $afterKey IS NULL OR x.sortKey > $afterKey OR (x.sortKey = $afterKey AND x.node.id > $afterId)][0..$limit] AS rows,
  size(matches) AS total
