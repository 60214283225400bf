// One page of justifications (暴露面说明) of internet exposures matched to systems in the caller's scope, optionally of one exposure or one system, ordered by date.
// @mode read
// @param scope: Scope
// @param exposureId: string | null
// @param systemId: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)<-[:EXPOSES]-(e:Exposure)-[:JUSTIFIED_BY]->(j:ExposureJustification)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($exposureId IS NULL OR e.id = $exposureId)
  AND ($systemId IS NULL OR s.id = $systemId)
WITH e, j, toString(j.justifiedOn) AS key
WHERE $afterKey IS NULL OR key > $afterKey OR (key = $afterKey AND j.id > $afterId)
RETURN key AS sortKey, j {.*, exposureId: e.id} AS node
ORDER BY key, j.id
LIMIT $limit
