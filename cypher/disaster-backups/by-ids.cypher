// Disaster backups by id, those of systems outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS key
MATCH (o:Operator)-[:OPERATES]->(s:System)-[:HAS_BACKUP]->(b:DisasterBackup {id: key})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
RETURN key, b {.*, systemId: s.id} AS node
