// Protected systems by id, those outside the caller's scope (their operator's) left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (o:Operator)-[:OPERATES]->(s:System {id: id})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN s {.*, operatorId: o.id, isCii: EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) }} AS node
