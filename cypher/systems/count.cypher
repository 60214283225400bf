// How many protected systems in the caller's scope match the filter (keys as in systems/list).
// @mode read
// @param scope: Scope
// @param filter: Record<string, unknown>
MATCH (o:Operator)-[:OPERATES]->(s:System)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($filter.protectionLevel IS NULL OR s.protectionLevel = $filter.protectionLevel)
  AND ($filter.minLevel IS NULL OR s.protectionLevel >= $filter.minLevel)
  AND ($filter.status IS NULL OR s.status = $filter.status)
  AND ($filter.operatorId IS NULL OR o.id = $filter.operatorId)
  AND ($filter.divisionCode IS NULL OR o.divisionCode = $filter.divisionCode)
  AND ($filter.sectorCode IS NULL OR o.sectorCode = $filter.sectorCode)
  AND ($filter.search IS NULL OR s.name CONTAINS $filter.search OR s.filingNumber = $filter.search)
WITH s, EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) } AS isCii
WHERE $filter.isCii IS NULL OR isCii = $filter.isCii
RETURN count(s) AS total
