// How many internet exposures in the caller's scope match the filter.
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
RETURN count(e) AS total
