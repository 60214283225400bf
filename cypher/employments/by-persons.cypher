// Employments of each person (valid on $activeOn when given), employers in scope only, by start date.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param activeOn: string | null
UNWIND $parentIds AS parentId
MATCH (p:Person {id: parentId})-[w:WORKS_FOR]->(e)
WHERE (e:Vendor OR e:Operator)
  AND ($activeOn IS NULL OR (w.from <= date($activeOn) AND (w.to IS NULL OR w.to >= date($activeOn))))
  AND ($scope.all
    OR (e:Operator AND (e.divisionCode IN $scope.divisionCodes OR e.sectorCode IN $scope.sectorCodes OR e.id IN $scope.operatorIds))
    OR (e:Vendor AND EXISTS { MATCH (e)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }))
WITH parentId, p, w, e
ORDER BY w.from, w.id
RETURN parentId, collect(w {.*, personId: p.id, employerId: e.id, employerKind: CASE WHEN e:Vendor THEN 'VENDOR' ELSE 'OPERATOR' END}) AS rows
