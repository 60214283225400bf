// One page of systems for each of several operators (Operator.systems), filtered as systems/list.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param filter: Record<string, unknown>
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (o:Operator {id: parentId})-[:OPERATES]->(s:System)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($filter.protectionLevel IS NULL OR s.protectionLevel = $filter.protectionLevel)
  AND ($filter.minLevel IS NULL OR s.protectionLevel >= $filter.minLevel)
  AND ($filter.status IS NULL OR s.status = $filter.status)
  AND ($filter.operatorId IS NULL OR o.id = $filter.operatorId)
  AND ($filter.divisionCode IS NULL OR o.divisionCode = $filter.divisionCode)
  AND ($filter.sectorCode IS NULL OR o.sectorCode = $filter.sectorCode)
  AND ($filter.search IS NULL OR s.name CONTAINS $filter.search OR s.filingNumber = $filter.search)
  AND ($afterKey IS NULL OR s.name > $afterKey OR (s.name = $afterKey AND s.id > $afterId))
WITH parentId, o, s, EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) } AS isCii
WHERE $filter.isCii IS NULL OR isCii = $filter.isCii
WITH parentId, o, s, isCii
ORDER BY s.name, s.id
WITH parentId, collect({sortKey: s.name, node: s {.*, operatorId: o.id, isCii: isCii}})[0..$limit] AS rows
RETURN parentId, rows
