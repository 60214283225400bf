// The protected system holding a filing certificate number (备案证明编号), if in the caller's scope.
// @mode read
// @param scope: Scope
// @param filingNumber: string
MATCH (o:Operator)-[:OPERATES]->(s:System {filingNumber: $filingNumber})
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
RETURN s {.*, operatorId: o.id, isCii: EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= date({timezone: 'Asia/Shanghai'}) AND (m.to IS NULL OR m.to >= date({timezone: 'Asia/Shanghai'})) }} AS node
