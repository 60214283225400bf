// ASM-6 facts: for the latest LEVEL assessment (等级测评, the report in force; older engagements are superseded and not checked) on or before $asOf of each system in scope not decommissioned on asOf, one row per problem: no assessment institution recorded (PERFORMED; subject = the assessment, problem INSTITUTION_NOT_RECORDED); the institution's latest background check (测评机构背景审查, InstitutionCheck) done on or before the assessment date missing, not PASSED, or expired before it (subject = the vendor, INSTITUTION_NOT_CHECKED); no assessor recorded (ASSESSOR_ON; subject = the assessment, NO_ASSESSORS); an assessor whose latest background check (测评人员背景审查) done on or before the assessment date is missing, not PASSED, or expired before it (expiresOn < Assessment.on; subject = the person, ASSESSOR_NOT_CHECKED). Scope as in grd-1.
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
CALL (s, a) {
  OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
  WITH s, a, v, head(COLLECT { MATCH (v)-[:HAS_INSTITUTION_CHECK]->(c:InstitutionCheck) WHERE c.checkedOn <= a.on RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1 }) AS c
  WHERE v IS NULL OR c IS NULL OR c.status <> 'PASSED' OR coalesce(c.expiresOn < a.on, false)
  RETURN CASE WHEN v IS NULL THEN 'Assessment' ELSE 'Vendor' END AS subjectType,
    CASE WHEN v IS NULL THEN a.id ELSE v.id END AS subjectId,
    CASE WHEN v IS NULL THEN 'LEVEL assessment of ' + s.name + ' on ' + toString(a.on) ELSE v.name END AS subjectName,
    {problem: CASE WHEN v IS NULL THEN 'INSTITUTION_NOT_RECORDED' ELSE 'INSTITUTION_NOT_CHECKED' END, assessmentId: a.id, assessedOn: a.on,
     checkStatus: c.status, checkedOn: c.checkedOn, checkExpiresOn: c.expiresOn} AS facts
  UNION
  WITH s, a
  WHERE NOT EXISTS { (:Person)-[:ASSESSOR_ON]->(a) }
  RETURN 'Assessment' AS subjectType, a.id AS subjectId, 'LEVEL assessment of ' + s.name + ' on ' + toString(a.on) AS subjectName,
    {problem: 'NO_ASSESSORS', assessmentId: a.id, assessedOn: a.on} AS facts
  UNION
  WITH s, a
  MATCH (p:Person)-[:ASSESSOR_ON]->(a)
  WITH a, p, head(COLLECT { MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) WHERE c.checkedOn <= a.on RETURN c ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1 }) AS c
  WHERE c IS NULL OR c.status <> 'PASSED' OR coalesce(c.expiresOn < a.on, false)
  RETURN 'Person' AS subjectType, p.id AS subjectId, p.name AS subjectName,
    {problem: 'ASSESSOR_NOT_CHECKED', assessmentId: a.id, assessedOn: a.on, checkStatus: c.status, checkedOn: c.checkedOn, checkExpiresOn: c.expiresOn} AS facts
}
RETURN subjectType, subjectId, subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode, facts
ORDER BY facts.assessmentId, subjectId
LIMIT $limit
