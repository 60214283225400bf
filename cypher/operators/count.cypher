// How many operators in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param divisionCode: string | null
// @param sectorCode: string | null
// @param search: string | null
MATCH (o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($divisionCode IS NULL OR o.divisionCode = $divisionCode)
  AND ($sectorCode IS NULL OR o.sectorCode = $sectorCode)
  AND ($search IS NULL OR o.name CONTAINS $search OR o.uscc = toUpper($search))
RETURN count(o) AS total
