// Supply chain products (供应链网络产品) of each of a batch of systems in the caller's scope: products the system USES at $asOf, ordered by name then id, each with the vendors that SUPPLY it at $asOf (by name, then id).
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(s:System {id: parentId})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH parentId, s, date($asOf) AS d
MATCH (s)-[u:USES]->(pr:Product)
WHERE u.from <= d AND (u.to IS NULL OR u.to >= d)
WITH DISTINCT parentId, d, pr
WITH parentId, pr,
  COLLECT {
    MATCH (v:Vendor)-[su:SUPPLIES]->(pr)
    WHERE su.from <= d AND (su.to IS NULL OR su.to >= d)
    WITH DISTINCT v
    RETURN v {.*} ORDER BY v.name, v.id
  } AS suppliers
ORDER BY pr.name, pr.id
RETURN parentId, collect({product: pr {.*}, suppliers: suppliers}) AS rows
