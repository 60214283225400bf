// Seeds report submissions (测评报告报送) and confidentiality agreements (保密协议) of assessments (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (a:Assessment {id: row.assessmentId})
SET a.reportSubmittedToPoliceOn = CASE WHEN row.reportSubmittedToPoliceOn IS NULL THEN null ELSE date(row.reportSubmittedToPoliceOn) END,
  a.reportSubmittedToDepartmentOn = CASE WHEN row.reportSubmittedToDepartmentOn IS NULL THEN null ELSE date(row.reportSubmittedToDepartmentOn) END,
  a.confidentialityAgreementSignedOn = CASE WHEN row.confidentialityAgreementSignedOn IS NULL THEN null ELSE date(row.confidentialityAgreementSignedOn) END
RETURN count(*) AS count
