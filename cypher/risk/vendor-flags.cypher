// Risk flags (风险提示) of each of a batch of vendors at $asOf, as candidate flags {code, raised, evidence}; only systems in the caller's scope count. d = $asOf; "valid" = from <= d AND (to IS NULL OR to >= d); "high" = protection level >= 3 or a PART_OF valid at d (CII).
// UNREGISTERED_VENDOR: the vendor is not REGISTERED with registeredOn <= d and has a valid SERVES to a high system. REMOTE_OPS_UNEVALUATED: a valid SERVES that is remote (remote or REMOTE_OPERATIONS) with remoteEvaluatedOn null or after d.
// ASSESSOR_NOT_INDEPENDENT: it performed an assessment on [d - 3 years, d] of a system it had a DESIGN/CONSTRUCTION/OPERATIONS/REMOTE_OPERATIONS SERVES to, valid on the assessment date.
// SUBCONTRACT_CHAIN_TOO_DEEP: a chain of exactly {{tooDeep}} SUBCONTRACTS_TO hops below it, each valid at d (tooDeep = the configured tier limit + 1; the least chain by names is shown, tier by tier, visible vendors only). Raised only when the vendor itself is in scope (the vendors/by-ids predicate: within 5 subcontracts of a vendor that, or whose staff, serves or accesses a system in scope).
// @mode read
// @bound tooDeep: 2..11
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
UNWIND $parentIds AS parentId
MATCH (v:Vendor {id: parentId})
WITH parentId, v, date($asOf) AS d
WITH parentId, v, d,
  $scope.all OR EXISTS {
    MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  } AS visible,
  head(COLLECT {
    MATCH q = (v)-[c:SUBCONTRACTS_TO WHERE c.from <= d AND (c.to IS NULL OR c.to >= d)]->{{{tooDeep}}}(:Vendor)
    RETURN q ORDER BY [n IN nodes(q) | n.name], [n IN nodes(q) | n.id] LIMIT 1
  }) AS deep
WITH parentId, v, d, visible, deep,
  COLLECT {
    MATCH (v)-[r:SERVES]->(s:System)<-[:OPERATES]-(o:Operator)
    WHERE NOT (v.registrationStatus = 'REGISTERED' AND coalesce(v.registeredOn <= d, false))
      AND r.from <= d AND (r.to IS NULL OR r.to >= d)
      AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
    WITH s, min(r.from) AS since,
      coalesce(s.protectionLevel, 0) >= 3 AS level3,
      EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) } AS cii
    WHERE level3 OR cii
    RETURN {type: 'System', id: s.id, name: s.name, date: since,
      note: 'registration ' + v.registrationStatus + coalesce(' on ' + toString(v.registeredOn), '') + ', serves this ' +
        CASE WHEN cii THEN 'CII' ELSE 'level ' + toString(s.protectionLevel) END + ' system since ' + toString(since)}
    ORDER BY s.name, s.id
  } AS unregistered_vendor,
  COLLECT {
    MATCH (v)-[r:SERVES]->(s:System)<-[:OPERATES]-(o:Operator)
    WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
      AND (r.remote = true OR r.kind = 'REMOTE_OPERATIONS')
      AND (r.remoteEvaluatedOn IS NULL OR r.remoteEvaluatedOn > d)
      AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
    RETURN {type: 'Service', id: r.id, name: s.name, date: r.from,
      note: r.kind + ' to ' + s.name + ' since ' + toString(r.from) + ', ' +
        coalesce('remote evaluation only on ' + toString(r.remoteEvaluatedOn), 'no remote evaluation')}
    ORDER BY r.from, r.id
  } AS remote_ops_unevaluated,
  COLLECT {
    MATCH (v)-[:PERFORMED]->(x:Assessment)-[:ASSESSES]->(s:System)<-[:OPERATES]-(o:Operator)
    WHERE x.on <= d AND x.on >= d - duration('P3Y')
      AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
    WITH s, x, COLLECT {
      MATCH (v)-[r:SERVES]->(s)
      WHERE r.kind IN ['DESIGN', 'CONSTRUCTION', 'OPERATIONS', 'REMOTE_OPERATIONS']
        AND r.from <= x.on AND (r.to IS NULL OR r.to >= x.on)
      RETURN DISTINCT r.kind AS kind ORDER BY kind
    } AS kinds
    WHERE size(kinds) > 0
    RETURN {type: 'Assessment', id: x.id, name: s.name, date: x.on,
      note: x.kind + ' assessment of ' + s.name + ' on ' + toString(x.on) + ', while also providing ' +
        reduce(t = '', k IN kinds | t + CASE WHEN t = '' THEN '' ELSE ', ' END + k) + ' to it'}
    ORDER BY x.on, x.id
  } AS assessor_not_independent,
  COLLECT {
    UNWIND range(1, coalesce(length(deep), 0)) AS tier
    WITH tier, nodes(deep)[tier] AS sub, relationships(deep)[tier - 1] AS c
    WHERE $scope.all OR EXISTS {
      MATCH (sub)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
      WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
    }
    RETURN {type: 'Vendor', id: sub.id, name: sub.name, date: c.from,
      note: 'tier ' + toString(tier) + ' subcontractor since ' + toString(c.from)}
    ORDER BY tier
  } AS chain
RETURN parentId, [
  {code: 'UNREGISTERED_VENDOR', raised: size(unregistered_vendor) > 0, evidence: unregistered_vendor},
  {code: 'REMOTE_OPS_UNEVALUATED', raised: size(remote_ops_unevaluated) > 0, evidence: remote_ops_unevaluated},
  {code: 'ASSESSOR_NOT_INDEPENDENT', raised: size(assessor_not_independent) > 0, evidence: assessor_not_independent},
  {code: 'SUBCONTRACT_CHAIN_TOO_DEEP', raised: visible AND deep IS NOT NULL, evidence: CASE WHEN visible THEN chain ELSE [] END}
] AS flags
