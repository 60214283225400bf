// Supply chain vendors (供应链服务机构) of each of a batch of systems in the caller's scope, at $asOf: tier 1 = a vendor with a SERVES valid at $asOf; tier n = a subcontractor n-1 SUBCONTRACTS_TO hops (each valid at $asOf) below a tier-1 vendor, up to tier $depth.
// The quantifier is the literal {0,{{hops}}} (one statement per value; pick hops = max(depth - 1, 1)) and `length(q) < $depth` cuts it to the depth asked for.
// Each vendor once, at its smallest tier; `via` is its contractor on such a chain (least name, then id; null at tier 1); `serviceKinds` its own SERVES kinds to the system valid at $asOf. Rows ordered by tier, name, id.
// @mode read
// @bound hops: 1..4
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
// @param depth: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH parentId, s, date($asOf) AS d
CALL (s, d) {
  MATCH (direct:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
  WITH DISTINCT direct
  MATCH q = (direct)-[c:SUBCONTRACTS_TO WHERE c.from <= d AND (c.to IS NULL OR c.to >= d)]->{0,{{hops}}}(v:Vendor)
  WHERE length(q) < $depth
  WITH v, length(q) + 1 AS tier, CASE WHEN length(q) = 0 THEN null ELSE nodes(q)[-2] END AS via
  ORDER BY tier, via.name, via.id
  WITH v, head(collect({tier: tier, via: via})) AS best
  RETURN v, best.tier AS tier, best.via AS via
}
WITH parentId, s, d, v, tier, via,
  COLLECT {
    MATCH (v)-[r:SERVES]->(s)
    WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
    RETURN DISTINCT r.kind AS kind ORDER BY kind
  } AS serviceKinds
ORDER BY tier, v.name, v.id
RETURN parentId, collect({
  vendor: v {.*},
  tier: tier,
  via: CASE WHEN via IS NULL THEN null ELSE via {.*} END,
  serviceKinds: serviceKinds
}) AS rows
