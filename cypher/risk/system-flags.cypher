// Risk flags (风险提示) of each of a batch of systems in the caller's scope at $asOf, as candidate flags {code, cii, evidence}; the caller keeps those with evidence. d = $asOf; "valid" = from <= d AND (to IS NULL OR to >= d); "high" = protection level >= 3 or a PART_OF valid at d (CII).
// UNREGISTERED_VENDOR: high, a vendor with a valid SERVES that is not REGISTERED with registeredOn <= d. UNCHECKED_PERSONNEL: high, a person with a valid HAS_ACCESS whose latest check done by d is missing, not PASSED or expired (expiresOn < d).
// REMOTE_OPS_UNEVALUATED: a valid SERVES that is remote (remote or REMOTE_OPERATIONS) with remoteEvaluatedOn null or after d. ACCESS_AFTER_LEAVING: a valid HAS_ACCESS whose person had WORKS_FOR valid on the access's from, all of them ended before d.
// ASSESSOR_NOT_INDEPENDENT: an assessment of the system on [d - 3 years, d] by a vendor that had a DESIGN/CONSTRUCTION/OPERATIONS/REMOTE_OPERATIONS SERVES to it valid on the assessment date. UNCERTIFIED_PRODUCT: level >= 3 and a valid USES of a product without certification.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH parentId, s, date($asOf) AS d
WITH parentId, s, d, coalesce(s.protectionLevel, 0) >= 3 AS level3,
  EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) } AS cii
WITH parentId, cii,
  COLLECT {
    MATCH (v:Vendor)-[r:SERVES]->(s)
    WHERE (level3 OR cii) AND r.from <= d AND (r.to IS NULL OR r.to >= d)
      AND NOT (v.registrationStatus = 'REGISTERED' AND coalesce(v.registeredOn <= d, false))
    WITH v, min(r.from) AS since
    RETURN {type: 'Vendor', id: v.id, name: v.name, date: since,
      note: 'registration ' + v.registrationStatus + coalesce(' on ' + toString(v.registeredOn), '') + ', serves since ' + toString(since)}
    ORDER BY v.name, v.id
  } AS unregistered_vendor,
  COLLECT {
    MATCH (p:Person)-[a:HAS_ACCESS]->(s)
    WHERE (level3 OR cii) AND a.from <= d AND (a.to IS NULL OR a.to >= d)
    WITH DISTINCT p
    WITH p, head(COLLECT {
      MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) WHERE c.checkedOn <= d
      RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1
    }) AS c
    WHERE c IS NULL OR c.status <> 'PASSED' OR c.expiresOn < d
    RETURN {type: 'Person', id: p.id, name: p.name, personal: true,
      date: CASE WHEN c IS NULL THEN null WHEN c.status = 'PASSED' THEN c.expiresOn ELSE c.checkedOn END,
      note: CASE WHEN c IS NULL THEN 'no background check'
        WHEN c.status = 'PASSED' THEN 'background check expired on ' + toString(c.expiresOn)
        ELSE 'latest background check ' + c.status + ' on ' + toString(c.checkedOn) END}
    ORDER BY p.id
  } AS unchecked_personnel,
  COLLECT {
    MATCH (v:Vendor)-[r:SERVES]->(s)
    WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
      AND (r.remote = true OR r.kind = 'REMOTE_OPERATIONS')
      AND (r.remoteEvaluatedOn IS NULL OR r.remoteEvaluatedOn > d)
    RETURN {type: 'Service', id: r.id, name: v.name, date: r.from,
      note: r.kind + ' by ' + v.name + ' since ' + toString(r.from) + ', ' +
        coalesce('remote evaluation only on ' + toString(r.remoteEvaluatedOn), 'no remote evaluation')}
    ORDER BY r.from, r.id
  } AS remote_ops_unevaluated,
  COLLECT {
    MATCH (p:Person)-[a:HAS_ACCESS]->(s)
    WHERE a.from <= d AND (a.to IS NULL OR a.to >= d)
    WITH p, a, COLLECT {
      MATCH (p)-[w:WORKS_FOR]->(:Operator|Vendor)
      WHERE w.from <= a.from AND (w.to IS NULL OR w.to >= a.from)
      RETURN w.to AS to
    } AS ends
    WHERE size(ends) > 0 AND all(t IN ends WHERE t IS NOT NULL AND t < d)
    WITH p, a, reduce(m = date('0001-01-01'), t IN ends | CASE WHEN t > m THEN t ELSE m END) AS left
    RETURN {type: 'Access', id: a.id, name: p.name, personal: true, date: left,
      note: a.kind + ' access since ' + toString(a.from) + ' still in force, the employment it was granted under ended on ' + toString(left)}
    ORDER BY a.from, a.id
  } AS access_after_leaving,
  COLLECT {
    MATCH (v:Vendor)-[:PERFORMED]->(x:Assessment)-[:ASSESSES]->(s)
    WHERE x.on <= d AND x.on >= d - duration('P3Y')
    WITH v, x, COLLECT {
      MATCH (v)-[r:SERVES]->(s)
      WHERE r.kind IN ['DESIGN', 'CONSTRUCTION', 'OPERATIONS', 'REMOTE_OPERATIONS']
        AND r.from <= x.on AND (r.to IS NULL OR r.to >= x.on)
      RETURN DISTINCT r.kind AS kind ORDER BY kind
    } AS kinds
    WHERE size(kinds) > 0
    RETURN {type: 'Assessment', id: x.id, name: v.name, date: x.on,
      note: x.kind + ' assessment on ' + toString(x.on) + ' by ' + v.name + ', which also provided ' +
        reduce(t = '', k IN kinds | t + CASE WHEN t = '' THEN '' ELSE ', ' END + k) + ' to the system on that date'}
    ORDER BY x.on, x.id
  } AS assessor_not_independent,
  COLLECT {
    MATCH (s)-[u:USES]->(pr:Product)
    WHERE level3 AND u.from <= d AND (u.to IS NULL OR u.to >= d)
      AND (pr.certification IS NULL OR trim(pr.certification) = '')
    WITH pr, min(u.from) AS since
    RETURN {type: 'Product', id: pr.id, name: pr.name, date: since,
      note: 'no security certification, in use since ' + toString(since)}
    ORDER BY pr.name, pr.id
  } AS uncertified_product
RETURN parentId, [
  {code: 'UNREGISTERED_VENDOR', cii: cii, evidence: unregistered_vendor},
  {code: 'UNCHECKED_PERSONNEL', cii: cii, evidence: unchecked_personnel},
  {code: 'REMOTE_OPS_UNEVALUATED', cii: cii, evidence: remote_ops_unevaluated},
  {code: 'ACCESS_AFTER_LEAVING', cii: cii, evidence: access_after_leaving},
  {code: 'ASSESSOR_NOT_INDEPENDENT', cii: cii, evidence: assessor_not_independent},
  {code: 'UNCERTIFIED_PRODUCT', cii: cii, evidence: uncertified_product}
] AS flags
