// GRD-3 facts: systems in scope of level >= 2 whose operator has a competent department (行业主管部门, Operator.competentDepartment not blank), filed on or before $asOf, without the department's approval (核准) recorded on or before asOf, or approved before the expert review. Subject = the system. Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WITH o, s, d, {{@levelOnAsOf}} AS level
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND level >= 2 AND s.filedOn <= d
  AND trim(coalesce(o.competentDepartment, '')) <> ''
OPTIONAL MATCH (s)-[:HAS_GRADING_REVIEW]->(g:GradingReview)
WITH o, s, d, level, g
WHERE g.competentApprovedOn IS NULL OR g.competentApprovedOn > d OR g.competentApprovedOn < g.expertReviewedOn
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level, filedOn: s.filedOn, competentDepartment: o.competentDepartment,
   expertReviewedOn: g.expertReviewedOn, competentApprovedOn: CASE WHEN g.competentApprovedOn <= d THEN g.competentApprovedOn END} AS facts
ORDER BY s.id
LIMIT $limit
