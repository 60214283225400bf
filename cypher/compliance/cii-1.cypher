// CII-1 facts: CII designations (关基认定) identified on or before $asOf (IDENTIFIED.on, else CriticalInfrastructure.identifiedOn) that do not name the identifying protection department (保护工作部门, IDENTIFIED), or whose notification of the operator (通知运营者, operatorNotifiedOn) or report to the police (报告公安机关, policeNotifiedOn) is not recorded on or before asOf. One row per (designation, operator of a system that is part of it on asOf) in scope. Scope as in grd-1.
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
MATCH (s)-[m:PART_OF]->(c:CriticalInfrastructure)
WHERE m.from <= d AND (m.to IS NULL OR m.to >= d)
WITH DISTINCT o, c, d
OPTIONAL MATCH (dep:ProtectionDepartment)-[i:IDENTIFIED]->(c)
WITH o, c, d, dep, coalesce(i.on, c.identifiedOn) AS identifiedOn
WHERE identifiedOn <= d
WITH o, c, d, dep, identifiedOn,
  CASE WHEN c.operatorNotifiedOn <= d THEN c.operatorNotifiedOn END AS operatorNotifiedOn,
  CASE WHEN c.policeNotifiedOn <= d THEN c.policeNotifiedOn END AS policeNotifiedOn
WHERE dep IS NULL OR operatorNotifiedOn IS NULL OR policeNotifiedOn IS NULL
RETURN 'CriticalInfrastructure' AS subjectType, c.id AS subjectId, c.name AS subjectName, null AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {identifiedOn: identifiedOn, protectionDepartment: dep.name, operatorNotifiedOn: operatorNotifiedOn, policeNotifiedOn: policeNotifiedOn} AS facts
ORDER BY c.id, o.id
LIMIT $limit
