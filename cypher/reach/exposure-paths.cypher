// Internet exposures (互联网暴露面) from which a critical system is reachable at $asOf: from the exposed system, CONNECTS_TO links valid at $asOf, 0..$maxHops hops (Neo4j rejects a {0,0} quantifier, so the 0-hop question runs the 1-hop variant and keeps paths of length <= $maxHops) (ALL SHORTEST), to a system that is part of a CII at $asOf or (unless $ciiOnly) of protection level >= $minLevel.
// The exposed system and the target must both be in $scope. One row per (exposure, target) with its least path (fewest hops, then lowest link ids), ordered by hops, address key, port, protocol, target name, then row id.
// @mode read
// @bound maxHops: 1..6
// @param maxHops: number
// @param minLevel: number
// @param ciiOnly: boolean
// @param asOf: string
// @param scope: Scope
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (x:Exposure)-[ex:EXPOSES]->(e:System)<-[:OPERATES]-(eo:Operator)
WHERE $scope.all OR eo.divisionCode IN $scope.divisionCodes OR eo.sectorCode IN $scope.sectorCodes OR eo.id IN $scope.operatorIds
WITH x, ex, e, date($asOf) AS d
MATCH p = ALL SHORTEST (e)-[l:CONNECTS_TO WHERE l.from <= d AND (l.to IS NULL OR l.to >= d)]->{0,{{maxHops}}}(t:System)
WITH x, ex, t, d, p
WHERE length(p) <= $maxHops AND ((NOT $ciiOnly AND t.protectionLevel >= $minLevel)
  OR EXISTS { MATCH (t)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) })
MATCH (o:Operator)-[:OPERATES]->(t)
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH x, ex, t, p
ORDER BY length(p), [r IN relationships(p) | r.id]
WITH x, t, head(collect({ex: ex, p: p})) AS best
WITH x, t, best, toString(length(best.p)) + x.ipKey + right('0000' + toString(x.port), 5) + x.protocol + t.name AS sortKey, x.id + '/' + t.id AS id
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND id > $afterId)
WITH x, t, best, sortKey, id, [x] + nodes(best.p) AS ns, [best.ex] + relationships(best.p) AS rs
RETURN sortKey, id, x.id AS exposureId, t.id AS targetId, length(best.p) AS hops,
  [i IN range(0, size(rs) - 1) | {
    kind: type(rs[i]),
    fromType: head(labels(ns[i])), fromId: ns[i].id,
    toType: head(labels(ns[i + 1])), toId: ns[i + 1].id,
    reversed: false,
    validFrom: rs[i].from, validTo: rs[i].to,
    relKind: null, remote: null, protocol: rs[i].protocol, port: rs[i].port
  }] AS path
ORDER BY sortKey, id
LIMIT $limit
