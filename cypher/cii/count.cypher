// How many CII designations in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param sectorCode: string | null
// @param departmentId: string | null
// @param divisionCode: string | null
// @param search: string | null
MATCH (c:CriticalInfrastructure)
WHERE ($scope.all OR EXISTS {
    MATCH (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($sectorCode IS NULL OR c.sectorCode = $sectorCode)
  AND ($departmentId IS NULL OR EXISTS { (:ProtectionDepartment {id: $departmentId})-[:IDENTIFIED]->(c) })
  AND ($divisionCode IS NULL OR EXISTS { (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(:Operator {divisionCode: $divisionCode}) })
  AND ($search IS NULL OR c.name CONTAINS $search)
RETURN count(c) AS total
