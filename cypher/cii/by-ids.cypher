// CII designations by id, those outside the caller's scope (none of its systems in scope) left out.
// @mode read
// @param scope: Scope
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (c:CriticalInfrastructure {id: id})
WHERE $scope.all OR EXISTS {
  MATCH (c)<-[:PART_OF]-(:System)<-[:OPERATES]-(o:Operator)
  WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
}
OPTIONAL MATCH (d:ProtectionDepartment)-[i:IDENTIFIED]->(c)
RETURN c {.*, departmentId: d.id, identifiedOn: coalesce(i.on, c.identifiedOn)} AS node
