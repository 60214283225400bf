// One page of operators in the caller's scope, filtered, ordered by name then id.
// @mode read
// @param scope: Scope
// @param divisionCode: string | null
// @param sectorCode: string | null
// @param search: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($divisionCode IS NULL OR o.divisionCode = $divisionCode)
  AND ($sectorCode IS NULL OR o.sectorCode = $sectorCode)
  AND ($search IS NULL OR o.name CONTAINS $search OR o.uscc = toUpper($search))
  AND ($afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId))
RETURN o.name AS sortKey, o {.*} AS node
ORDER BY o.name, o.id
LIMIT $limit
