// Records the report submissions (测评报告报送, ASM-4) and the confidentiality agreement (保密协议, ASM-5) of an assessment engagement; a null parameter leaves the stored value.
// @mode write
// @param id: string
// @param reportSubmittedToPoliceOn: string | null
// @param reportSubmittedToDepartmentOn: string | null
// @param confidentialityAgreementSignedOn: string | null
MATCH (a:Assessment {id: $id})
SET a.reportSubmittedToPoliceOn = CASE WHEN $reportSubmittedToPoliceOn IS NULL THEN a.reportSubmittedToPoliceOn ELSE date($reportSubmittedToPoliceOn) END,
  a.reportSubmittedToDepartmentOn = CASE WHEN $reportSubmittedToDepartmentOn IS NULL THEN a.reportSubmittedToDepartmentOn ELSE date($reportSubmittedToDepartmentOn) END,
  a.confidentialityAgreementSignedOn = CASE WHEN $confidentialityAgreementSignedOn IS NULL THEN a.confidentialityAgreementSignedOn ELSE date($confidentialityAgreementSignedOn) END
RETURN a.id AS id
