// One page of the assessors (测评人员, ASSESSOR_ON) of each of several assessments (Assessment.assessors), by person id; assessments of systems outside the caller's scope give none.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator)-[:OPERATES]->(:System)<-[:ASSESSES]-(a:Assessment {id: parentId})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
MATCH (p:Person)-[:ASSESSOR_ON]->(a)
WITH parentId, p, p.id AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND p.id > $afterId)
WITH parentId, p, sortKey
ORDER BY sortKey
WITH parentId, collect({sortKey: sortKey, node: p {.id, .name, .residentIdMasked}})[0..$limit] AS rows
RETURN parentId, rows
