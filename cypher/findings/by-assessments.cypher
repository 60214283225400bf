// One page of findings for each of several assessments (batched Assessment.findings), by due date (none last) then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (a:Assessment {id: parentId})
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH parentId, a, o
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
MATCH (a)-[:FOUND]->(f:Finding)
WITH parentId, a, f, coalesce(toString(f.dueOn), '9999-12-31') AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND f.id > $afterId)
WITH parentId, a, f, key
ORDER BY key, f.id
WITH parentId, collect({sortKey: key, node: f {.*, assessmentId: a.id}})[0..$limit] AS rows
RETURN parentId, rows
