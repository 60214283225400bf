// One page of internet exposures (互联网暴露面) in the caller's scope, filtered, ordered by address key, port, protocol.
// The address range [$low, $high] (ipKey, 32 hex digits) carries the ip/cidr filters and is an index range seek.
// @mode read
// @param scope: Scope
// @param low: string
// @param high: string
// @param ipv6: boolean | null
// @param port: number | null
// @param protocol: string | null
// @param domain: string | null
// @param domainSuffix: string | null
// @param systemId: string | null
// @param unmatched: boolean | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (e:Exposure)
WHERE e.ipKey >= $low AND e.ipKey <= $high
  AND ($ipv6 IS NULL OR (e.ip CONTAINS ':') = $ipv6)
  AND ($port IS NULL OR e.port = $port)
  AND ($protocol IS NULL OR e.protocol = $protocol)
  AND ($domain IS NULL OR e.domain = $domain)
  AND ($domainSuffix IS NULL OR e.domain ENDS WITH $domainSuffix)
OPTIONAL MATCH (e)-[:EXPOSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH e, s, o
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($systemId IS NULL OR s.id = $systemId)
  AND ($unmatched IS NULL OR (s IS NULL) = $unmatched)
WITH e, s, o, e.ipKey + right('0000' + toString(e.port), 5) + e.protocol AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND e.id > $afterId)
RETURN key AS sortKey, e {.*, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END} AS node
ORDER BY key, e.id
LIMIT $limit
