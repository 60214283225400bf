// Supply chain personnel (供应链人员) of each of a batch of systems in the caller's scope: persons with a HAS_ACCESS to the system valid at $asOf, ordered by name then id.
// `employer`: the vendor the person WORKS_FOR at $asOf (latest start, then name, id; null when none, e.g. operator staff). `accessKinds`: the kinds of those accesses.
// The check is the latest background check done on or before $asOf (checkedOn DESC, id DESC); `checkValidAsOf`: it PASSED and has not expired at $asOf (false without a check).
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH parentId, s, date($asOf) AS d
MATCH (p:Person)-[a:HAS_ACCESS]->(s)
WHERE a.from <= d AND (a.to IS NULL OR a.to >= d)
WITH parentId, d, p, collect(DISTINCT a.kind) AS kinds
WITH parentId, d, p, kinds,
  COLLECT {
    MATCH (p)-[w:WORKS_FOR]->(e:Vendor)
    WHERE w.from <= d AND (w.to IS NULL OR w.to >= d)
    RETURN e ORDER BY w.from DESC, e.name, e.id LIMIT 1
  } AS employers,
  COLLECT {
    MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck)
    WHERE c.checkedOn <= d
    RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1
  } AS checks
WITH parentId, d, p, kinds, head(employers) AS e, head(checks) AS c
ORDER BY p.name, p.id
RETURN parentId, collect({
  person: p {.id, .name, .residentIdMasked},
  employer: CASE WHEN e IS NULL THEN null ELSE e {.*} END,
  accessKinds: [k IN ['ONSITE', 'REMOTE', 'PRIVILEGED'] WHERE k IN kinds],
  checkStatus: c.status,
  checkExpiresOn: c.expiresOn,
  checkValidAsOf: c IS NOT NULL AND c.status = 'PASSED' AND (c.expiresOn IS NULL OR c.expiresOn >= d)
}) AS rows
