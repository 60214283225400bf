// ASM-4 facts: the latest LEVEL assessment (等级测评, the report in force; older engagements are superseded and not checked) on or before $asOf of each system in scope not decommissioned on asOf whose report was not submitted (报送) on or before asOf to the police (Assessment.reportSubmittedToPoliceOn) or, when the operator has a competent department (行业主管部门, Operator.competentDepartment not blank, as in GRD-3), to that department (Assessment.reportSubmittedToDepartmentOn). Subject = the assessment. Scope as in grd-1.
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
  AND NOT coalesce(s.decommissionedOn <= d, false)
WITH o, s, d, head(COLLECT { MATCH (x:Assessment {kind: 'LEVEL'})-[:ASSESSES]->(s) WHERE x.on <= d RETURN x ORDER BY x.on DESC, x.id DESC LIMIT 1 }) AS a
WHERE a IS NOT NULL
WITH o, s, d, a, trim(coalesce(o.competentDepartment, '')) <> '' AS hasDepartment
WITH o, s, d, hasDepartment, a,
  CASE WHEN a.reportSubmittedToPoliceOn <= d THEN a.reportSubmittedToPoliceOn END AS police,
  CASE WHEN a.reportSubmittedToDepartmentOn <= d THEN a.reportSubmittedToDepartmentOn END AS department
WHERE police IS NULL OR (hasDepartment AND department IS NULL)
RETURN 'Assessment' AS subjectType, a.id AS subjectId, 'LEVEL assessment of ' + s.name + ' on ' + toString(a.on) AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {assessedOn: a.on, reportSubmittedToPoliceOn: police,
   competentDepartment: CASE WHEN hasDepartment THEN o.competentDepartment END,
   reportSubmittedToDepartmentOn: department} AS facts
ORDER BY a.id
LIMIT $limit
