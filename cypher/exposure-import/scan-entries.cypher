// One page of the endpoints of a scan, as the caller's scope allows: observed ones ($gone false; optionally only the
// new ones, or one match status) or the gone ones ($gone true). Unknown-owner entries need city-wide scope.
// @mode read
// @param scope: Scope
// @param scanId: string
// @param gone: boolean
// @param status: string | null
// @param onlyNew: boolean | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (sc:Scan {id: $scanId})-[r:OBSERVED|MISSED]->(e:Exposure)
WHERE (type(r) = 'MISSED') = $gone
  AND ($status IS NULL OR r.status = $status)
  AND ($onlyNew IS NULL OR r.new = $onlyNew)
OPTIONAL MATCH (o:Operator {id: r.operatorId})
WITH r, e, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH r, e, o, e.ipKey + right('0000' + toString(e.port), 5) + e.protocol AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND e.id > $afterId)
OPTIONAL MATCH (e)-[:EXPOSES]->(s:System)
OPTIONAL MATCH (so:Operator)-[:OPERATES]->(s)
RETURN key AS sortKey, e {.*, status: r.status, isNew: coalesce(r.new, false), operatorId: r.operatorId,
  system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: so.id} END} AS node
ORDER BY key, e.id
LIMIT $limit
