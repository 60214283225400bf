// One page of assessments for each of several systems (batched System.assessments), newest first (on DESC, id DESC).
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param kind: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (s:System {id: parentId})
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH parentId, s, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
MATCH (a:Assessment)-[:ASSESSES]->(s)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($afterKey IS NULL OR a.on < date($afterKey) OR (a.on = date($afterKey) AND a.id < $afterId))
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
WITH parentId, a, s, o, v
ORDER BY a.on DESC, a.id DESC
WITH parentId, collect({sortKey: toString(a.on), node: a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END}})[0..$limit] AS rows
RETURN parentId, rows
