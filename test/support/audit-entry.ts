/** An audit entry of a query for unit tests of the audit trail: request n, operation `Op<n>`. */
import { type AuditEntry, sha256 } from '../../server/audit.js';

export function auditEntry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date().toISOString(),
    requestId: `request-${n}`,
    subject: 'alice',
    role: 'CITY_POLICE',
    jurisdiction: 'city',
    operationName: `Op${n}`,
    operationType: 'query',
    documentHash: sha256(`query Op${n} { sectors { code } }`),
    variables: { n },
    returned: { objects: n, persons: [] },
    outcome: 'ok',
    errorCodes: [],
    durationMs: 1.5,
    httpStatus: 200,
    ...overrides,
  };
}
