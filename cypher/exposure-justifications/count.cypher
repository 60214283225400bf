// How many exposure justifications the matching list statement (same filters) has in the caller's scope.
// @mode read
// @param scope: Scope
// @param exposureId: string | null
// @param systemId: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System)<-[:EXPOSES]-(e:Exposure)-[:JUSTIFIED_BY]->(j:ExposureJustification)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($exposureId IS NULL OR e.id = $exposureId)
  AND ($systemId IS NULL OR s.id = $systemId)
RETURN count(*) AS total
