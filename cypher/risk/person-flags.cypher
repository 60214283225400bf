// Risk flags (风险提示) of each of a batch of persons at $asOf, as candidate flags {code, cii, raised, evidence}; only accesses to systems in the caller's scope count. d = $asOf; "valid" = from <= d AND (to IS NULL OR to >= d); "high" = protection level >= 3 or a PART_OF valid at d (CII).
// UNCHECKED_PERSONNEL: a valid HAS_ACCESS to a high system while the latest background check done by d (checkedOn DESC, id DESC) is missing, not PASSED, or expired (expiresOn < d); evidence: that check, then the systems.
// ACCESS_AFTER_LEAVING: a valid HAS_ACCESS such that the person had at least one WORKS_FOR valid on the access's `from` and every such WORKS_FOR ended before d (its `to` < d); evidence: the accesses, dated by the last of those ends.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
UNWIND $parentIds AS parentId
MATCH (p:Person {id: parentId})
WITH parentId, p, date($asOf) AS d
WITH parentId, p, d, head(COLLECT {
  MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) WHERE c.checkedOn <= d
  RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1
}) AS c
WITH parentId, p, d, c, c IS NOT NULL AND c.status = 'PASSED' AND (c.expiresOn IS NULL OR c.expiresOn >= d) AS checked
WITH parentId, d, c,
  COLLECT {
    MATCH (p)-[a:HAS_ACCESS]->(s:System)<-[:OPERATES]-(o:Operator)
    WHERE NOT checked AND a.from <= d AND (a.to IS NULL OR a.to >= d)
      AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
    WITH s, min(a.from) AS since, collect(DISTINCT a.kind) AS kinds
    WITH s, since, kinds, coalesce(s.protectionLevel, 0) >= 3 AS level3,
      EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) } AS cii
    WHERE level3 OR cii
    RETURN {type: 'System', id: s.id, name: s.name, date: since, cii: cii,
      note: reduce(t = '', k IN [k IN ['ONSITE', 'REMOTE', 'PRIVILEGED'] WHERE k IN kinds] | t + CASE WHEN t = '' THEN '' ELSE ', ' END + k) +
        ' access since ' + toString(since) + ' to this ' + CASE WHEN cii THEN 'CII' ELSE 'level ' + toString(s.protectionLevel) END + ' system'}
    ORDER BY s.name, s.id
  } AS systems,
  COLLECT {
    MATCH (p)-[a:HAS_ACCESS]->(s:System)<-[:OPERATES]-(o:Operator)
    WHERE a.from <= d AND (a.to IS NULL OR a.to >= d)
      AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
    WITH s, a, COLLECT {
      MATCH (p)-[w:WORKS_FOR]->(:Operator|Vendor)
      WHERE w.from <= a.from AND (w.to IS NULL OR w.to >= a.from)
      RETURN w.to AS to
    } AS ends
    WHERE size(ends) > 0 AND all(t IN ends WHERE t IS NOT NULL AND t < d)
    WITH s, a, reduce(m = date('0001-01-01'), t IN ends | CASE WHEN t > m THEN t ELSE m END) AS left
    RETURN {type: 'Access', id: a.id, name: s.name, date: left,
      note: a.kind + ' access to ' + s.name + ' since ' + toString(a.from) + ' still in force, the employment it was granted under ended on ' + toString(left)}
    ORDER BY a.from, a.id
  } AS access_after_leaving
WITH parentId, systems, access_after_leaving,
  CASE WHEN c IS NULL OR size(systems) = 0 THEN [] ELSE [{type: 'BackgroundCheck', id: c.id, name: null,
    date: CASE WHEN c.status = 'PASSED' THEN c.expiresOn ELSE c.checkedOn END,
    note: CASE WHEN c.status = 'PASSED' THEN 'background check expired on ' + toString(c.expiresOn)
      ELSE 'latest background check ' + c.status + ' on ' + toString(c.checkedOn) END}] END AS check
RETURN parentId, [
  {code: 'UNCHECKED_PERSONNEL', cii: any(x IN systems WHERE x.cii), raised: size(systems) > 0, evidence: check + systems},
  {code: 'ACCESS_AFTER_LEAVING', cii: false, raised: size(access_after_leaving) > 0, evidence: access_after_leaving}
] AS flags
