// How many self-inspections the matching list statement (same filters) has in the caller's scope.
// @mode read
// @param scope: Scope
// @param operatorId: string | null
// @param systemId: string | null
CALL () {
  MATCH (o:Operator)-[:HAD_SELF_INSPECTION]->(x:SelfInspection)
  RETURN o, x, null AS s
  UNION
  MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAD_SELF_INSPECTION]->(x:SelfInspection)
  RETURN o, x, s
}
WITH o, x, s
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($operatorId IS NULL OR o.id = $operatorId)
  AND ($systemId IS NULL OR s.id = $systemId)
RETURN count(*) AS total
