// Employers (vendors or operators) by id with their label, those outside the caller's scope left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
CALL (id) {
  MATCH (v:Vendor {id: id}) RETURN v AS e
  UNION
  MATCH (o:Operator {id: id}) RETURN o AS e
}
WITH e
WHERE ($scope.all
    OR (e:Operator AND (e.divisionCode IN $scope.divisionCodes OR e.sectorCode IN $scope.sectorCodes OR e.id IN $scope.operatorIds))
    OR (e:Vendor AND EXISTS { MATCH (e)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }))
RETURN e {.*} AS node, labels(e)[0] AS label
