// One page of vendors ranked by how many systems in the filter they hold access to (直接 SERVICE / PERSONNEL_ACCESS, or through subcontractors of tiers 1..5), all relationships valid at $asOf, within the caller's scope; ordered by CII systems desc, level ≥ $minLevel systems desc, operators desc, vendor name, id. Every row also carries the rank and the total number of vendors.
// @mode read
// @param scope: Scope
// @param asOf: string
// @param sectorCode: string | null
// @param divisionCode: string | null
// @param minLevel: number
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($divisionCode IS NULL OR o.divisionCode = $divisionCode)
  AND ($sectorCode IS NULL OR o.sectorCode = $sectorCode OR EXISTS {
    MATCH (s)-[m:PART_OF]->(c:CriticalInfrastructure)
    WHERE c.sectorCode = $sectorCode AND m.from <= date($asOf) AND (m.to IS NULL OR m.to >= date($asOf))
  })
WITH o, s, EXISTS {
    MATCH (s)-[m:PART_OF]->(:CriticalInfrastructure)
    WHERE m.from <= date($asOf) AND (m.to IS NULL OR m.to >= date($asOf))
  } AS isCii
WITH collect({o: o, s: s, isCii: isCii}) AS inFilter
WITH inFilter, size([x IN inFilter WHERE x.isCii]) AS ciiTotal
UNWIND inFilter AS x
WITH ciiTotal, x.o AS o, x.s AS s, x.isCii AS isCii
CALL (s) {
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v, true AS direct
  UNION
  MATCH (v:Vendor)<-[e:WORKS_FOR]-(:Person)-[a:HAS_ACCESS]->(s)
  WHERE e.from <= date($asOf) AND (e.to IS NULL OR e.to >= date($asOf))
    AND a.from <= date($asOf) AND (a.to IS NULL OR a.to >= date($asOf))
  RETURN v, true AS direct
  UNION
  MATCH (v:Vendor) (()-[k:SUBCONTRACTS_TO]->() WHERE k.from <= date($asOf) AND (k.to IS NULL OR k.to >= date($asOf))){1,5} (sub:Vendor)-[r:SERVES]->(s)
  WHERE sub <> v AND r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v, false AS direct
  UNION
  MATCH (v:Vendor) (()-[k:SUBCONTRACTS_TO]->() WHERE k.from <= date($asOf) AND (k.to IS NULL OR k.to >= date($asOf))){1,5} (sub:Vendor)<-[e:WORKS_FOR]-(:Person)-[a:HAS_ACCESS]->(s)
  WHERE sub <> v
    AND e.from <= date($asOf) AND (e.to IS NULL OR e.to >= date($asOf))
    AND a.from <= date($asOf) AND (a.to IS NULL OR a.to >= date($asOf))
  RETURN v, false AS direct
}
WITH ciiTotal, v, o, s, isCii, collect(DISTINCT direct) AS ways
WITH ciiTotal, v,
  count(s) AS systems,
  count(CASE WHEN true IN ways THEN s END) AS directSystems,
  count(CASE WHEN false IN ways THEN s END) AS viaSubcontractorsSystems,
  count(CASE WHEN isCii THEN s END) AS ciiSystems,
  count(CASE WHEN s.protectionLevel >= $minLevel THEN s END) AS levelOrAboveSystems,
  count(DISTINCT o) AS operators
WITH ciiTotal, v, systems, directSystems, viaSubcontractorsSystems, ciiSystems, levelOrAboveSystems, operators,
  right('000000' + toString(999999 - ciiSystems), 6)
    + right('000000' + toString(999999 - levelOrAboveSystems), 6)
    + right('000000' + toString(999999 - operators), 6) AS countKey
WITH ciiTotal, collect({
    v: v, countKey: countKey, sortKey: countKey + v.name, systems: systems, directSystems: directSystems,
    viaSubcontractorsSystems: viaSubcontractorsSystems, ciiSystems: ciiSystems,
    levelOrAboveSystems: levelOrAboveSystems, operators: operators
  }) AS ranked
WITH ciiTotal, ranked, [r IN ranked | r.countKey] AS countKeys
UNWIND ranked AS r
WITH ciiTotal, countKeys, size(ranked) AS total, r, r.v AS v
WHERE $afterKey IS NULL OR r.sortKey > $afterKey OR (r.sortKey = $afterKey AND v.id > $afterId)
ORDER BY r.sortKey, v.id
LIMIT $limit
RETURN r.sortKey AS sortKey, total, {
    id: v.id,
    vendor: v {.*},
    systems: r.systems,
    directSystems: r.directSystems,
    viaSubcontractorsSystems: r.viaSubcontractorsSystems,
    ciiSystems: r.ciiSystems,
    levelOrAboveSystems: r.levelOrAboveSystems,
    operators: r.operators,
    shareOfSectorCii: CASE WHEN ciiTotal = 0 THEN null ELSE toFloat(r.ciiSystems) / ciiTotal END,
    rank: 1 + size([k IN countKeys WHERE k < r.countKey])
  } AS node
ORDER BY r.sortKey, v.id
