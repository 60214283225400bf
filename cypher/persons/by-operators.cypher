// Distinct persons employed by each operator (active on $activeOn, key positions only when asked), one page per operator, by name.
// @mode read
// @param keyPositionOnly: boolean
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (p:Person)-[w:WORKS_FOR]->(:Operator {id: parentId})
WHERE ($activeOn IS NULL OR (w.from <= date($activeOn) AND (w.to IS NULL OR w.to >= date($activeOn))))
  AND (NOT $keyPositionOnly OR w.keyPosition = true)
WITH DISTINCT parentId, p
ORDER BY p.name, p.id
WITH parentId, collect({sortKey: p.name, node: p {.id, .name, .residentIdMasked}}) AS matches
RETURN parentId,
  [x IN matches WHERE $afterKey IS NULL OR x.sortKey > $afterKey OR (x.sortKey = $afterKey AND x.node.id > $afterId)][0..$limit] AS rows,
  size(matches) AS total
