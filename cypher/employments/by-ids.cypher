// Employments by id, those whose employer is outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (p:Person)-[w:WORKS_FOR {id: id}]->(e)
WHERE (e:Vendor OR e:Operator)
  AND ($scope.all
    OR (e:Operator AND (e.divisionCode IN $scope.divisionCodes OR e.sectorCode IN $scope.sectorCodes OR e.id IN $scope.operatorIds))
    OR (e:Vendor AND EXISTS { MATCH (e)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }))
RETURN w {.*, personId: p.id, employerId: e.id, employerKind: CASE WHEN e:Vendor THEN 'VENDOR' ELSE 'OPERATOR' END} AS node
