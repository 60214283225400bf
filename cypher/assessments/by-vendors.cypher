// One page of assessments performed by each of several vendors (batched Vendor.assessmentsPerformed), newest first, in the caller's scope.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (v:Vendor {id: parentId})-[:PERFORMED]->(a:Assessment)
WHERE $afterKey IS NULL OR a.on < date($afterKey) OR (a.on = date($afterKey) AND a.id < $afterId)
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH parentId, a, s, o, v
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH parentId, a, s, o, v
ORDER BY a.on DESC, a.id DESC
WITH parentId, collect({sortKey: toString(a.on), node: a {.*, systemId: s.id, vendorId: v.id, system: CASE WHEN s IS NULL THEN null ELSE s {.*, operatorId: o.id} END, vendor: CASE WHEN v IS NULL THEN null ELSE v {.*} END}})[0..$limit] AS rows
RETURN parentId, rows
