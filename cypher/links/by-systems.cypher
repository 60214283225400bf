// One page of network links for each of several systems (System.links), ordered by start date then id.
// direction: OUTGOING, INCOMING or BOTH; activeOn (YYYY-MM-DD) keeps links valid that day, null = all.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param direction: string
// @param activeOn: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
CALL (s) {
  MATCH (s)-[r:CONNECTS_TO]->(t:System)
  WHERE $direction IN ['OUTGOING', 'BOTH']
  RETURN r, s AS a, t AS b
  UNION
  MATCH (t:System)-[r:CONNECTS_TO]->(s)
  WHERE $direction IN ['INCOMING', 'BOTH']
  RETURN r, t AS a, s AS b
}
WITH parentId, r, a, b, toString(r.from) AS sortKey
WHERE ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND r.id > $afterId))
WITH parentId, r, a, b, sortKey
ORDER BY sortKey, r.id
WITH parentId, collect({sortKey: sortKey, node: r {.*, fromSystemId: a.id, toSystemId: b.id}})[0..$limit] AS rows
RETURN parentId, rows
