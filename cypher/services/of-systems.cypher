// The services to each of a batch of systems, optionally as of a date and of one kind, ordered by start then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
// @param kind: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})<-[r:SERVES]-(v:Vendor)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($kind IS NULL OR r.kind = $kind)
  AND ($afterKey IS NULL OR toString(r.from) > $afterKey OR (toString(r.from) = $afterKey AND r.id > $afterId))
WITH parentId, r, v, s
ORDER BY r.from, r.id
WITH parentId, collect({sortKey: toString(r.from), node: r {.*, vendorId: v.id, systemId: s.id}})[0..$limit] AS rows
RETURN parentId, rows
