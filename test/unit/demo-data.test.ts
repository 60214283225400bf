import { describe, expect, it } from 'vitest';
import { addDays, DEMO_AS_OF, type DemoData, generateDemoData } from '../../scripts/demo/generate.js';
import { COUNTY_DIVISION_CODES } from '../../server/model.js';
import { normalizeResidentId, normalizeUscc } from '../../server/validation/identifiers.js';

const data = generateDemoData();
const asOfDate = new Date(`${DEMO_AS_OF}T00:00:00Z`);

const idsOf = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
const systemsById = new Map(data.systems.map((s) => [s.id, s]));
const level = (systemId: string) => systemsById.get(systemId)?.protectionLevel ?? 0;

describe('generateDemoData', () => {
  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('makes the pinned number of every record', () => {
    const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length]));
    expect(counts).toEqual({
      sectors: 10,
      departments: 10,
      policeUnits: 7,
      operators: 62,
      systems: 295,
      ciis: 25,
      memberships: 54,
      vendors: 42,
      subcontracts: 28,
      services: 1188,
      persons: 400,
      employments: 424,
      checks: 351,
      accesses: 1201,
      products: 60,
      supplies: 87,
      productUses: 681,
      links: 249,
      exposures: 152,
      assessments: 782,
      findings: 471,
      rectifications: 9,
      changeFilings: 32,
      procurements: 72,
      incidents: 28,
      dataTransfers: 11,
      gradingReviews: 197,
      drills: 187,
      assessors: 898,
      disasterBackups: 44,
      institutionChecks: 7,
      monitoringRegistrations: 28,
      internetEgresses: 101,
      monitoringDevices: 87,
      selfInspections: 310,
      exposureJustifications: 12,
    } satisfies Record<keyof DemoData, number>);
  });

  it('uses unique, UUID-shaped ids and well-formed, ordered dates', () => {
    const all: { id: string }[] = Object.values(data).flat();
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all)
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const dateKeys = /(On|^from|^to|Seen)$/;
    for (const r of all as Record<string, unknown>[]) {
      for (const [k, v] of Object.entries(r)) {
        if (!dateKeys.test(k) || v === null) continue;
        expect(v, k).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(v as string)), k).toBe(false);
        // Only deadlines and expiry dates lie after the demo date; everything else has happened.
        if (k !== 'dueOn' && k !== 'expiresOn')
          expect((v as string) <= DEMO_AS_OF, `${k} after ${DEMO_AS_OF}`).toBe(true);
      }
      if ('from' in r && r.to !== null)
        expect((r.to as string) >= (r.from as string), 'to >= from').toBe(true);
    }
    for (const e of data.exposures) expect(e.lastSeen >= e.firstSeen).toBe(true);
  });

  it('covers the city level and all six county-level divisions', () => {
    const used = new Set(data.operators.map((o) => o.divisionCode));
    for (const code of COUNTY_DIVISION_CODES) expect(used.has(code), code).toBe(true);
    expect(used.has('140500')).toBe(true);
    expect(COUNTY_DIVISION_CODES).toHaveLength(6);
    expect(data.operators.some((o) => o.inDevelopmentZone)).toBe(true);
    expect(data.policeUnits.map((p) => p.divisionCode).sort()).toEqual(
      ['140500', ...COUNTY_DIVISION_CODES].sort(),
    );
  });

  it('issues valid, unique identifiers', () => {
    const usccs = [...data.operators, ...data.vendors].map((o) => o.uscc);
    expect(new Set(usccs).size).toBe(usccs.length);
    for (const o of data.operators) {
      expect(normalizeUscc(o.uscc)).toEqual({ ok: true, value: o.uscc });
      expect(o.uscc.slice(2, 8)).toBe(o.divisionCode);
    }
    for (const v of data.vendors) expect(normalizeUscc(v.uscc)).toEqual({ ok: true, value: v.uscc });
    const outside = data.vendors.filter((v) => !v.uscc.slice(2, 8).startsWith('1405'));
    expect(outside.length).toBeGreaterThan(0);

    const residentIds = data.persons.map((p) => p.residentId);
    expect(new Set(residentIds).size).toBe(residentIds.length);
    for (const p of data.persons) {
      expect(normalizeResidentId(p.residentId, asOfDate)).toEqual({ ok: true, value: p.residentId });
      expect(p.residentId.slice(0, 2)).toBe('14');
      const year = Number(p.residentId.slice(6, 10));
      expect(year).toBeGreaterThanOrEqual(1960);
      expect(year).toBeLessThanOrEqual(2000);
      expect(p.residentIdMasked).toBe(`${p.residentId.slice(0, 6)}********${p.residentId.slice(14)}`);
    }
  });

  it('numbers filings uniquely, at the city bureau or the operator’s county', () => {
    const operators = new Map(data.operators.map((o) => [o.id, o]));
    const numbers = data.systems.flatMap((s) => (s.filingNumber ? [s.filingNumber] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const s of data.systems) {
      expect(s.filingNumber === null).toBe(s.filedOn === null);
      if (!s.filingNumber) continue;
      expect(s.filingNumber).toMatch(/^\d{11}-\d{5}$/);
      expect(['140500', operators.get(s.operatorId)?.divisionCode]).toContain(s.filingNumber.slice(0, 6));
      expect(s.protectionLevel ?? 0).toBeGreaterThanOrEqual(2);
    }
  });

  it('grades consistently: the level is the higher of the two sub-levels', () => {
    for (const s of data.systems) {
      if (s.protectionLevel === null) {
        expect(s.businessInfoLevel).toBeNull();
        expect(s.systemServiceLevel).toBeNull();
        continue;
      }
      expect(s.protectionLevel).toBeGreaterThanOrEqual(1);
      expect(s.protectionLevel).toBeLessThanOrEqual(4);
      expect(Math.max(s.businessInfoLevel ?? 0, s.systemServiceLevel ?? 0)).toBe(s.protectionLevel);
    }
    const share = data.systems.filter((s) => (s.protectionLevel ?? 0) >= 3).length / data.systems.length;
    expect(share).toBeGreaterThanOrEqual(0.28);
    expect(share).toBeLessThanOrEqual(0.4);
    for (const kind of [1, 2, 3, 4]) expect(data.systems.some((s) => s.protectionLevel === kind)).toBe(true);
    expect(data.systems.some((s) => s.status === 'DECOMMISSIONED' && s.decommissionedOn !== null)).toBe(true);
  });

  it('keeps referential integrity', () => {
    const sectorCodes = new Set(data.sectors.map((s) => s.code));
    const operators = idsOf(data.operators);
    const systems = idsOf(data.systems);
    const ciis = idsOf(data.ciis);
    const vendors = idsOf(data.vendors);
    const persons = idsOf(data.persons);
    const products = idsOf(data.products);
    const departments = new Map(data.departments.map((d) => [d.id, d]));
    const assessments = idsOf(data.assessments);
    const has = (set: Set<string>, id: string | null, what: string) =>
      expect(set.has(id as string), what).toBe(true);

    for (const d of data.departments) for (const c of d.sectorCodes) has(sectorCodes, c, 'department sector');
    for (const o of data.operators) if (o.sectorCode) has(sectorCodes, o.sectorCode, 'operator sector');
    for (const s of data.systems) has(operators, s.operatorId, 'system operator');
    for (const c of data.ciis) {
      has(sectorCodes, c.sectorCode, 'cii sector');
      expect(departments.get(c.departmentId)?.sectorCodes).toContain(c.sectorCode);
    }
    for (const m of data.memberships) {
      has(systems, m.systemId, 'membership system');
      has(ciis, m.ciiId, 'membership cii');
      expect(level(m.systemId)).toBeGreaterThanOrEqual(3);
    }
    for (const s of data.services) {
      has(vendors, s.vendorId, 'service vendor');
      has(systems, s.systemId, 'service system');
      expect(s.remote).toBe(s.kind === 'REMOTE_OPERATIONS');
    }
    for (const s of data.subcontracts) {
      has(vendors, s.contractorId, 'contractor');
      has(vendors, s.subcontractorId, 'subcontractor');
    }
    for (const e of data.employments) {
      has(persons, e.personId, 'employee');
      has(e.employerKind === 'VENDOR' ? vendors : operators, e.employerId, 'employer');
    }
    for (const c of data.checks) has(persons, c.personId, 'check person');
    for (const a of data.accesses) {
      has(persons, a.personId, 'access person');
      has(systems, a.systemId, 'access system');
    }
    for (const s of data.supplies) {
      has(vendors, s.vendorId, 'supplier');
      has(products, s.productId, 'supplied product');
    }
    for (const u of data.productUses) {
      has(systems, u.systemId, 'using system');
      has(products, u.productId, 'used product');
    }
    for (const l of data.links) {
      has(systems, l.fromSystemId, 'link from');
      has(systems, l.toSystemId, 'link to');
      expect(l.fromSystemId).not.toBe(l.toSystemId);
    }
    for (const e of data.exposures) if (e.systemId !== null) has(systems, e.systemId, 'exposed system');
    const vendorKinds = new Map(data.services.map((s) => [`${s.vendorId}:${s.kind}`, true]));
    for (const a of data.assessments) {
      has(systems, a.systemId, 'assessed system');
      if (a.vendorId === null) continue;
      has(vendors, a.vendorId, 'assessing vendor');
      if (a.kind === 'LEVEL') expect(vendorKinds.has(`${a.vendorId}:LEVEL_ASSESSMENT`)).toBe(true);
      if (a.kind === 'CRYPTO') expect(vendorKinds.has(`${a.vendorId}:CRYPTO_ASSESSMENT`)).toBe(true);
    }
    for (const f of data.findings) has(assessments, f.assessmentId, 'finding assessment');
  });

  it('keeps natural keys unique', () => {
    const endpoints = data.exposures.map((e) => `${e.ip}:${e.port}/${e.protocol}`);
    expect(new Set(endpoints).size).toBe(endpoints.length);
    for (const e of data.exposures) {
      expect(e.ip).toMatch(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
      expect(e.port).toBeGreaterThanOrEqual(1);
      expect(e.port).toBeLessThanOrEqual(65535);
      if (e.domain) expect(e.domain).toBe(e.domain.toLowerCase());
    }
    expect(new Set(data.sectors.map((s) => s.code)).size).toBe(data.sectors.length);
    expect(new Set(data.departments.map((d) => d.name)).size).toBe(data.departments.length);
    for (const s of data.sectors) expect(s.code).toMatch(/^[A-Z_]+$/);
  });

  it('subcontracts in chains of at most three hops, without cycles', () => {
    const subs = new Map<string, string[]>();
    for (const s of data.subcontracts)
      subs.set(s.contractorId, [...(subs.get(s.contractorId) ?? []), s.subcontractorId]);
    const depth = (id: string, seen: Set<string>): number => {
      expect(seen.has(id), 'cycle').toBe(false);
      const next = subs.get(id) ?? [];
      return next.length ? 1 + Math.max(...next.map((n) => depth(n, new Set([...seen, id])))) : 0;
    };
    const max = Math.max(...data.subcontracts.map((s) => depth(s.contractorId, new Set())));
    expect(max).toBe(3);
  });

  it('contains the situations the rules look for', () => {
    const vendors = new Map(data.vendors.map((v) => [v.id, v]));
    // An unregistered vendor serving a level ≥ 3 system (SUP-3).
    expect(
      data.services.some(
        (s) => vendors.get(s.vendorId)?.registrationStatus === 'UNREGISTERED' && level(s.systemId) >= 3,
      ),
    ).toBe(true);
    // Background checks: failed, pending, expired (CII-3).
    expect(data.checks.some((c) => c.status === 'FAILED')).toBe(true);
    expect(data.checks.some((c) => c.status === 'PENDING')).toBe(true);
    expect(
      data.checks.some((c) => c.status === 'PASSED' && c.expiresOn !== null && c.expiresOn < DEMO_AS_OF),
    ).toBe(true);
    // A level ≥ 2 system still unfiled well past its grading (FIL-1).
    expect(
      data.systems.some(
        (s) =>
          (s.protectionLevel ?? 0) >= 2 &&
          s.filedOn === null &&
          s.levelDeterminedOn !== null &&
          addDays(s.levelDeterminedOn, 10) < DEMO_AS_OF,
      ),
    ).toBe(true);
    // A level ≥ 2 system filed late.
    expect(
      data.systems.some(
        (s) =>
          s.filedOn !== null && s.levelDeterminedOn !== null && s.filedOn > addDays(s.levelDeterminedOn, 30),
      ),
    ).toBe(true);
    // A live level ≥ 3 system whose last level assessment is more than a year old (ASM-1).
    const lastLevel = new Map<string, string>();
    for (const a of data.assessments) {
      if (a.kind === 'LEVEL' && a.on > (lastLevel.get(a.systemId) ?? '')) lastLevel.set(a.systemId, a.on);
    }
    expect(
      data.systems.some(
        (s) =>
          s.status === 'LIVE' &&
          (s.protectionLevel ?? 0) >= 3 &&
          (lastLevel.get(s.id) ?? '') !== '' &&
          (lastLevel.get(s.id) as string) < addDays(DEMO_AS_OF, -365),
      ),
    ).toBe(true);
    // Access left open after the person left the vendor through which it was granted.
    const served = new Set(data.services.map((s) => `${s.vendorId}:${s.systemId}`));
    expect(
      data.accesses.some(
        (a) =>
          a.to === null &&
          data.employments.some(
            (e) =>
              e.personId === a.personId &&
              e.employerKind === 'VENDOR' &&
              e.to !== null &&
              e.to < DEMO_AS_OF &&
              e.from <= a.from &&
              a.from <= e.to &&
              served.has(`${e.employerId}:${a.systemId}`),
          ),
      ),
    ).toBe(true);
    // Remote operations with and without an evaluation (SUP-2).
    const remote = data.services.filter((s) => s.kind === 'REMOTE_OPERATIONS');
    expect(remote.some((s) => s.remoteEvaluatedOn === null)).toBe(true);
    expect(remote.some((s) => s.remoteEvaluatedOn !== null)).toBe(true);
    // An exposure the inventory cannot place, and findings open past their due date.
    expect(data.exposures.some((e) => e.systemId === null)).toBe(true);
    expect(data.findings.some((f) => f.status === 'OPEN' && f.dueOn !== null && f.dueOn < DEMO_AS_OF)).toBe(
      true,
    );
    // Every service kind occurs, some services have ended.
    for (const kind of [
      'DESIGN',
      'CONSTRUCTION',
      'OPERATIONS',
      'REMOTE_OPERATIONS',
      'TECHNICAL_SERVICE',
      'MONITORING',
      'LEVEL_ASSESSMENT',
      'CRYPTO_ASSESSMENT',
    ]) {
      expect(data.services.some((s) => s.kind === kind)).toBe(true);
    }
    expect(data.services.some((s) => s.to !== null && s.to < DEMO_AS_OF)).toBe(true);
    // CII: some designations lack a notification, some CII operators lack a security body or head.
    expect(data.ciis.some((c) => c.operatorNotifiedOn === null || c.policeNotifiedOn === null)).toBe(true);
    const ciiOperatorIds = new Set(
      data.memberships.map((m) => systemsById.get(m.systemId)?.operatorId).filter((id) => id !== undefined),
    );
    const ciiOperators = data.operators.filter((o) => ciiOperatorIds.has(o.id));
    expect(ciiOperators.some((o) => o.securityBody === null || o.securityHead === null)).toBe(true);
    expect(
      ciiOperators.filter((o) => o.securityBody !== null && o.securityHead !== null).length,
    ).toBeGreaterThan(15);
    // Products without certification in use.
    expect(data.products.some((p) => p.certification === null)).toBe(true);
  });
});
