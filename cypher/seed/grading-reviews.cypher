// Seeds the grading reviews of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
MERGE (g:GradingReview {id: row.id})
SET g.expertReviewedOn = CASE WHEN row.expertReviewedOn IS NULL THEN null ELSE date(row.expertReviewedOn) END,
  g.competentApprovedOn = CASE WHEN row.competentApprovedOn IS NULL THEN null ELSE date(row.competentApprovedOn) END
MERGE (s)-[:HAS_GRADING_REVIEW]->(g)
RETURN count(*) AS count
