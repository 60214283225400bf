// The grading review of a system in the caller's scope (null fields when none).
// @mode read
// @param scope: Scope
// @param systemId: string
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
OPTIONAL MATCH (s)-[:HAS_GRADING_REVIEW]->(g:GradingReview)
RETURN s.id AS systemId, g.expertReviewedOn AS expertReviewedOn, g.competentApprovedOn AS competentApprovedOn
