/**
 * Short-lived signed download links for the compliance CSV. The token (HS256, jose) carries the
 * caller's principal, the scope and asOf; the /compliance/export route answers only with a valid,
 * unexpired token of this purpose, so the link grants exactly what the caller could query.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';
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

/** GET /compliance/export?token=…: the CSV (UTF-8 with BOM), or 401 for a bad/expired token. */
export const complianceExportEndpoint = (db: Db, config: Config): Plugin => ({
  async onRequest({ url, endResponse, fetchAPI }) {
    if (url.pathname !== EXPORT_PATH) return;
    const claims = await verify(config, url.searchParams.get('token') ?? '');
    if (!claims) {
      endResponse(fetchAPI.Response.json({ error: 'invalid or expired download link' }, { status: 401 }));
      return;
    }
    const findings = await complianceFindings(
      { db, config, principal: claims.principal },
      claims.target,
      claims.asOf,
    );
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
