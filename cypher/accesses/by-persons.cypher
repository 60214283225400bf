// Accesses of each person (valid on $activeOn when given), systems in scope only, by start date.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
UNWIND $parentIds AS parentId
MATCH (p:Person {id: parentId})-[r:HAS_ACCESS]->(s:System)<-[:OPERATES]-(o:Operator)
WHERE ($activeOn IS NULL OR (r.from <= date($activeOn) AND (r.to IS NULL OR r.to >= date($activeOn))))
  AND ($scope.all OR (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds))
WITH parentId, p, r, s
ORDER BY r.from, r.id
RETURN parentId, collect(r {.*, personId: p.id, systemId: s.id}) AS rows
