// The latest assessment of one kind (by date, then id) for each of several systems (batched System.lastAssessment).
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param kind: string
UNWIND $parentIds AS parentId
MATCH (s:System {id: parentId})
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH parentId, s, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
MATCH (a:Assessment {kind: $kind})-[:ASSESSES]->(s)
WITH parentId, s, o, a
ORDER BY a.on DESC, a.id DESC
WITH parentId, s, o, collect(a)[0] AS a
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
RETURN parentId, a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END} AS node
