// Seeds the police side of filings: acceptance (受理) and certificate (备案证明) dates of systems (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
SET s.filingAcceptedOn = date(row.filingAcceptedOn),
  s.filingCertificateIssuedOn = CASE WHEN row.filingCertificateIssuedOn IS NULL THEN null ELSE date(row.filingCertificateIssuedOn) END
RETURN count(*) AS count
