// The dedicated security management body (专门安全管理机构) and its head of every operator of each sector's CII systems (by sector id), through memberships valid on $today, in scope; by operator name then id.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param today: string
UNWIND $parentIds AS parentId
MATCH (sec:Sector {id: parentId})
MATCH (c:CriticalInfrastructure {sectorCode: sec.code})<-[m:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND m.from <= date($today) AND (m.to IS NULL OR m.to >= date($today))
WITH DISTINCT parentId, o
ORDER BY o.name, o.id
WITH parentId, collect(o {.*}) AS operators
RETURN parentId, operators
