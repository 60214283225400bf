/**
 * The CSV download (/compliance/export?token=…): every download is audited (who, scope, asOf, rows,
 * outcome), refusals too; downloads share the app's rate limit; a link works until it expires, more
 * than once, and not after.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditRecord, verifyAuditChain } from '../../server/audit.js';
import { EXPORT_AUDIT_OPERATION, exportLink } from '../../server/compliance/export-link.js';
import { CITY_SCOPE } from '../../server/principal.js';
import { testDb } from '../support/db.js';
import { testApp } from '../support/harness.js';

const directory = join(mkdtempSync(join(tmpdir(), 'export-audit-')), 'audit');
const base = testDb().config;
// A budget of 4 requests per minute per caller, for GraphQL and downloads together.
const { gql, db, app, config } = testApp({
  audit: { directory, syncReads: false },
  hardening: { ...base.hardening, rateLimitPerMinute: 4 },
});

const COUNTY = { sub: 'county-police-7', role: 'COUNTY_POLICE' as const, division: '140522' };
const LINK = `query($asOf: Date) { complianceExport(scope: { city: true }, asOf: $asOf) { url expiresAt } }`;
const AS_OF = '2025-10-20';

function downloads(): AuditRecord[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(directory, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as AuditRecord)
    .filter((r) => r.operationName === EXPORT_AUDIT_OPERATION);
}

// Two level 2 systems live since 2020, never assessed (ASM-3) nor self-inspected (INS-1), in 140522; one in 140525.
beforeAll(async () => {
  await db.driver.executeQuery(
    `CREATE (a:Operator {id: 'op-a', name: 'A', divisionCode: '140522', sectorCode: 'ENERGY'})
     CREATE (a)-[:OPERATES]->(:System {id: 's1', name: 'S1', status: 'LIVE', protectionLevel: 2, liveOn: date('2020-01-01')})
     CREATE (a)-[:OPERATES]->(:System {id: 's2', name: 'S2', status: 'LIVE', protectionLevel: 2, liveOn: date('2020-01-01')})
     CREATE (b:Operator {id: 'op-b', name: 'B', divisionCode: '140525', sectorCode: 'FINANCE'})
     CREATE (b)-[:OPERATES]->(:System {id: 's3', name: 'S3', status: 'LIVE', protectionLevel: 2, liveOn: date('2020-01-01')})`,
    {},
    { database: db.config.database },
  );
});

describe('CSV download', () => {
  let url = '';

  it('audits each download: who, scope, asOf, rows; the link can be used again until it expires', async () => {
    const r = await gql<{ complianceExport: { url: string } }>(LINK, { asOf: AS_OF }, COUNTY);
    expect(r.errors).toBeUndefined();
    url = r.data?.complianceExport.url as string;
    for (let i = 0; i < 2; i++) {
      const res = await app.fetch(`http://localhost${url}`);
      expect(res.status).toBe(200);
      // header + INS-1 and ASM-3 for each of s1 and s2 (the county's, live since 2020 without either)
      expect((await res.text()).trim().split('\r\n').length).toBe(5);
    }
    const records = downloads();
    expect(records.length).toBe(2);
    for (const rec of records) {
      expect(rec).toMatchObject({
        subject: 'county-police-7',
        role: 'COUNTY_POLICE',
        jurisdiction: 'division:140522',
        operationType: null,
        variables: { scope: { city: true }, asOf: AS_OF },
        returned: { objects: 4, persons: [] },
        outcome: 'ok',
        errorCodes: [],
        httpStatus: 200,
      });
    }
    expect((await verifyAuditChain(directory)).valid).toBe(true);
  });

  it('refuses and audits a tampered link (401) and, over the budget, answers 429', async () => {
    // this caller (no Authorization header on a download: keyed by client address) has used 2 of 4
    expect((await app.fetch(`http://localhost${url}x`)).status).toBe(401);
    expect((await app.fetch(`http://localhost${url}`)).status).toBe(200);
    const limited = await app.fetch(`http://localhost${url}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({
      error: expect.stringMatching(/^rate limit of 4 requests per minute exceeded; retry in \d+ s$/),
    });
    expect(downloads().map((r) => [r.outcome, r.httpStatus, r.subject, r.errorCodes])).toEqual([
      ['ok', 200, 'county-police-7', []],
      ['ok', 200, 'county-police-7', []],
      ['unauthenticated', 401, null, ['UNAUTHENTICATED']],
      ['ok', 200, 'county-police-7', []],
      ['rejected', 429, null, ['RATE_LIMITED']],
    ]);
  });

  it('refuses an expired link', async () => {
    const other = testApp({ audit: { directory, syncReads: false } });
    const principal = {
      subject: 'late',
      role: 'CITY_POLICE' as const,
      jurisdiction: 'city',
      scope: CITY_SCOPE,
      canWrite: false,
      seesPersonalData: true,
      canReadAudit: false,
    };
    const claims = { principal, target: { city: true }, asOf: AS_OF };
    const fresh = await exportLink(config, claims);
    expect((await other.app.fetch(`http://localhost${fresh.url}`)).status).toBe(200);
    const stale = await exportLink(
      config,
      claims,
      Date.now() - (config.compliance.exportLinkSeconds + 5) * 1000,
    );
    expect((await other.app.fetch(`http://localhost${stale.url}`)).status).toBe(401);
    expect(downloads().at(-2)?.returned.objects).toBe(6);
    expect(downloads().at(-1)?.outcome).toBe('unauthenticated');
  });
});
