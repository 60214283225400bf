// Records the expert review (专家评审) and/or the competent department's approval (行业主管部门核准) of a system's grading on its one GradingReview node (created on first use); a null parameter leaves the stored value.
// @mode write
// @param systemId: string
// @param newId: string
// @param expertReviewedOn: string | null
// @param competentApprovedOn: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System {id: $systemId})
MERGE (s)-[:HAS_GRADING_REVIEW]->(g:GradingReview)
ON CREATE SET g.id = $newId
SET g.expertReviewedOn = CASE WHEN $expertReviewedOn IS NULL THEN g.expertReviewedOn ELSE date($expertReviewedOn) END,
  g.competentApprovedOn = CASE WHEN $competentApprovedOn IS NULL THEN g.competentApprovedOn ELSE date($competentApprovedOn) END
RETURN g {.*, systemId: s.id} AS node
