// CII designations in each sector (by sector id), in scope; by name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (s:Sector {id: parentId})
MATCH (c:CriticalInfrastructure {sectorCode: s.code})
WHERE ($scope.all OR EXISTS {
    MATCH (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($afterKey IS NULL OR c.name > $afterKey OR (c.name = $afterKey AND c.id > $afterId))
OPTIONAL MATCH (d:ProtectionDepartment)-[i:IDENTIFIED]->(c)
WITH parentId, c, d, i
ORDER BY c.name, c.id
WITH parentId, collect({sortKey: c.name, node: c {.*, departmentId: d.id, identifiedOn: coalesce(i.on, c.identifiedOn)}})[0..$limit] AS rows
RETURN parentId, rows
