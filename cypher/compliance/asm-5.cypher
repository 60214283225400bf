// ASM-5 facts: the latest LEVEL assessment (等级测评, the report in force; older engagements are superseded and not checked) on or before $asOf of each system in scope not decommissioned on asOf without a confidentiality agreement (保密协议) with the assessment institution signed on or before the assessment date (Assessment.confidentialityAgreementSignedOn null or after Assessment.on). The signing date is shown when it is on or before asOf. Subject = the assessment. Scope as in grd-1.
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
WHERE a IS NOT NULL AND (a.confidentialityAgreementSignedOn IS NULL OR a.confidentialityAgreementSignedOn > a.on)
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
RETURN 'Assessment' AS subjectType, a.id AS subjectId, 'LEVEL assessment of ' + s.name + ' on ' + toString(a.on) AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {assessedOn: a.on, institution: v.name,
   confidentialityAgreementSignedOn: CASE WHEN a.confidentialityAgreementSignedOn <= d THEN a.confidentialityAgreementSignedOn END} AS facts
ORDER BY a.id
LIMIT $limit
