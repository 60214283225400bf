/**
 * Short-lived signed download links for the compliance CSV. The token (HS256, jose) carries the
 * caller's principal, the scope and asOf; the /compliance/export route answers only with a valid,
 * unexpired token of this purpose, so the link grants exactly what the caller could query.
 *
 * Every download is rate-limited with the GraphQL endpoint's limiter (RATE_LIMIT_PER_MINUTE; the key
 * is the client address, or the Authorization header when one is sent) and audited in the audit
 * trail (who, scope, asOf, rows, outcome) before the CSV is sent: a download whose record cannot be
 * stored is refused (503). A link is NOT one-time: it can be used until it expires
 * (COMPLIANCE_EXPORT_LINK_SECONDS, default 300 s), so a browser retry or a second click works; every
 * use is a separate audit record, and the short lifetime bounds reuse.
 */
import { createHash, randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Plugin } from 'graphql-yoga';
import { jwtVerify, SignJWT } from 'jose';
import { type AuditEntry, type AuditOutcome, auditLog } from '../audit.js';
import type { Config } from '../config.js';
import { createRateLimit, type RateLimit, rateLimitKey } from '../hardening.js';
import type { Db } from '../neo4j.js';
import type { Principal } from '../principal.js';
import { findingsCsv } from './csv.js';
import { type ComplianceTarget, complianceFindings } from './engine.js';

export const EXPORT_PATH = '/compliance/export';
const PURPOSE = 'compliance-export';

/** The signing key, derived from the resident-id key (always configured) for this purpose only. */
function keyOf(config: Config): Uint8Array {
  return createHash('sha256').update(`${PURPOSE}:${config.residentIdKey}`).digest();
}

interface ExportClaims {
  principal: Principal;
  target: ComplianceTarget;
  asOf: string;
}

export async function exportLink(
  config: Config,
  claims: ExportClaims,
  now = Date.now(),
): Promise<{ url: string; expiresAt: string }> {
  const exp = Math.floor(now / 1000) + config.compliance.exportLinkSeconds;
  const token = await new SignJWT({ purpose: PURPOSE, ...claims } as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.principal.subject)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(exp)
    .sign(keyOf(config));
  return { url: `${EXPORT_PATH}?token=${token}`, expiresAt: new Date(exp * 1000).toISOString() };
}

async function verify(config: Config, token: string): Promise<ExportClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(config), { algorithms: ['HS256'] });
    if (payload.purpose !== PURPOSE) return null;
    return payload as unknown as ExportClaims;
  } catch {
    return null;
  }
}

/** The audit operation name of a download (not a GraphQL operation). */
export const EXPORT_AUDIT_OPERATION = 'complianceExport.download';

/** GET /compliance/export?token=…: the CSV (UTF-8 with BOM); 401 for a bad/expired token, 429 over the rate limit. */
export const complianceExportEndpoint = (
  db: Db,
  config: Config,
  limit: RateLimit = createRateLimit(config.hardening),
): Plugin => ({
  async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
    if (url.pathname !== EXPORT_PATH) return;
    const started = performance.now();
    const entry = (
      claims: ExportClaims | null,
      outcome: AuditOutcome,
      httpStatus: number,
      rows: number,
      persons: string[] = [],
      errorCodes: string[] = [],
    ): AuditEntry => ({
      at: new Date().toISOString(),
      requestId: randomUUID(),
      subject: claims?.principal.subject ?? null,
      role: claims?.principal.role ?? null,
      jurisdiction: claims?.principal.jurisdiction ?? null,
      operationName: EXPORT_AUDIT_OPERATION,
      operationType: null,
      documentHash: null,
      variables: claims ? { scope: claims.target, asOf: claims.asOf } : null,
      returned: { objects: rows, persons },
      outcome,
      errorCodes,
      durationMs: Math.round(performance.now() - started),
      httpStatus,
    });
    const refuse = async (
      claims: ExportClaims | null,
      status: number,
      code: string,
      body: object,
      headers = {},
    ) => {
      await auditLog(config.audit.directory)
        .append(entry(claims, status === 401 ? 'unauthenticated' : 'rejected', status, 0, [], [code]))
        .catch(() => undefined);
      endResponse(fetchAPI.Response.json(body, { status, headers }));
    };
    const retry = await limit.consume(
      rateLimitKey(
        request,
        serverContext as Record<string, unknown> | undefined,
        config.hardening.trustProxy,
      ),
    );
    if (retry !== null) {
      await refuse(
        null,
        429,
        'RATE_LIMITED',
        {
          error: `rate limit of ${config.hardening.rateLimitPerMinute} requests per minute exceeded; retry in ${retry} s`,
        },
        { 'retry-after': String(retry) },
      );
      return;
    }
    const claims = await verify(config, url.searchParams.get('token') ?? '');
    if (!claims) {
      await refuse(null, 401, 'UNAUTHENTICATED', { error: 'invalid or expired download link' });
      return;
    }
    const findings = await complianceFindings(
      { db, config, principal: claims.principal },
      claims.target,
      claims.asOf,
    );
    const persons = claims.principal.seesPersonalData
      ? [
          ...new Set(
            findings
              .filter((f) => f.subjectType === 'Person')
              .map((f) => encodeGlobalID('Person', f.subjectId)),
          ),
        ].sort()
      : [];
    try {
      await auditLog(config.audit.directory).append(entry(claims, 'ok', 200, findings.length, persons));
    } catch {
      endResponse(
        fetchAPI.Response.json(
          { error: 'the download could not be recorded in the audit trail; try again later' },
          { status: 503 },
        ),
      );
      return;
    }
    endResponse(
      new fetchAPI.Response(findingsCsv(findings), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="compliance-${claims.asOf}.csv"`,
          'cache-control': 'no-store',
        },
      }),
    );
  },
});
