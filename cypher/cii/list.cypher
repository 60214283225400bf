// One page of CII designations in the caller's scope, filtered, ordered by name then id.
// @mode read
// @param scope: Scope
// @param sectorCode: string | null
// @param departmentId: string | null
// @param divisionCode: string | null
// @param search: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (c:CriticalInfrastructure)
WHERE ($scope.all OR EXISTS {
    MATCH (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($sectorCode IS NULL OR c.sectorCode = $sectorCode)
  AND ($departmentId IS NULL OR EXISTS { (:ProtectionDepartment {id: $departmentId})-[:IDENTIFIED]->(c) })
  AND ($divisionCode IS NULL OR EXISTS { (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(:Operator {divisionCode: $divisionCode}) })
  AND ($search IS NULL OR c.name CONTAINS $search)
  AND ($afterKey IS NULL OR c.name > $afterKey OR (c.name = $afterKey AND c.id > $afterId))
WITH c
ORDER BY c.name, c.id
LIMIT $limit
OPTIONAL MATCH (d:ProtectionDepartment)-[i:IDENTIFIED]->(c)
RETURN c.name AS sortKey, c {.*, departmentId: d.id, identifiedOn: coalesce(i.on, c.identifiedOn)} AS node
ORDER BY c.name, c.id
