// Background checks by id, those of persons outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (p:Person)-[:HAS_CHECK]->(c:BackgroundCheck {id: id})
WHERE ($scope.all
    OR EXISTS { MATCH (p)-[:WORKS_FOR]->(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }
    OR EXISTS { MATCH (p)-[:WORKS_FOR]->(:Vendor)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }
    OR EXISTS { MATCH (p)-[:HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) })
RETURN c {.*, personId: p.id} AS node
