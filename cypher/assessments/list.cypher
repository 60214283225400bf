// One page of assessments (测评) in the caller's scope, filtered, newest first: ORDER BY a.on DESC, a.id DESC,
// sortKey = toString(a.on); the next page continues strictly after ($afterKey, $afterId) in that descending order.
// @mode read
// @param scope: Scope
// @param systemId: string | null
// @param vendorId: string | null
// @param kind: string | null
// @param onOrAfter: string | null
// @param onOrBefore: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (a:Assessment)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($onOrAfter IS NULL OR a.on >= date($onOrAfter))
  AND ($onOrBefore IS NULL OR a.on <= date($onOrBefore))
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH a, s, o
WHERE ($systemId IS NULL OR s.id = $systemId)
  AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
WITH a, s, o, v
WHERE ($vendorId IS NULL OR v.id = $vendorId)
  AND ($afterKey IS NULL OR a.on < date($afterKey) OR (a.on = date($afterKey) AND a.id < $afterId))
RETURN toString(a.on) AS sortKey, a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END} AS node
ORDER BY a.on DESC, a.id DESC
LIMIT $limit
