// One page of protected systems in the caller's scope, filtered, ordered by name then id.
// Filter keys (null = any): protectionLevel, minLevel, status, operatorId, divisionCode, sectorCode, search, isCii.
// @mode read
// @param scope: Scope
// @param filter: Record<string, unknown>
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($filter.protectionLevel IS NULL OR s.protectionLevel = $filter.protectionLevel)
  AND ($filter.minLevel IS NULL OR s.protectionLevel >= $filter.minLevel)
  AND ($filter.status IS NULL OR s.status = $filter.status)
  AND ($filter.operatorId IS NULL OR o.id = $filter.operatorId)
  AND ($filter.divisionCode IS NULL OR o.divisionCode = $filter.divisionCode)
  AND ($filter.sectorCode IS NULL OR o.sectorCode = $filter.sectorCode)
  AND ($filter.search IS NULL OR s.name CONTAINS $filter.search OR s.filingNumber = $filter.search)
  AND ($afterKey IS NULL OR s.name > $afterKey OR (s.name = $afterKey AND s.id > $afterId))
WITH o, s, EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) } AS isCii
WHERE $filter.isCii IS NULL OR isCii = $filter.isCii
RETURN s.name AS sortKey, s {.*, operatorId: o.id, isCii: isCii} AS node
ORDER BY s.name, s.id
LIMIT $limit
