/**
 * riskFlags(asOf) on Vendor, Person and System: every code raised, and not raised one day across its
 * boundary; exact evidence; batching (one statement per kind per request); jurisdiction; personal
 * data; the configurable subcontract tier limit.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, loadRiskConfig } from '../../server/repositories/risk.js';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const D = '2025-06-15';
const YESTERDAY = '2025-06-14';
const TOMORROW = '2025-06-16';

/*
 * The graph (asOf D = 2025-06-15; "..D-1" = last valid day yesterday):
 *
 *   op1 Yangcheng Power (140522, ENERGY) ─OPERATES─▶ s3 Grid Control (level 3)
 *                                                    s2 Office OA (level 2)
 *                                                    sc Water SCADA (level 2, PART_OF cii1 since 2024: CII)
 *                                                    sx Old Plant (level 2, PART_OF cii1 ..D-1: CII until yesterday)
 *   op2 Zezhou Bank (140525, FINANCE)   ─OPERATES─▶ s9 Bank Core (level 3)
 *
 *   Vendors and SERVES (all from 2024-01-01 unless said):
 *     vU Unreg Co (UNREGISTERED)          ─OPERATIONS─▶ s3, s2, s9
 *     vR Reg Co (REGISTERED on D)         ─TECHNICAL_SERVICE─▶ s3
 *     vS Stopped Co (UNREGISTERED)        ─OPERATIONS ..D-1─▶ s3
 *     vP Pending Co (PENDING)             ─OPERATIONS─▶ sc, sx
 *     vM Remote Co (REGISTERED 2020)      ─REMOTE_OPERATIONS, evaluated on D─▶ s2 (svM2)
 *                                         ─OPERATIONS remote, never evaluated─▶ s3 (svM3)
 *     vA Assess Co (REGISTERED 2020)      ─CONSTRUCTION 2024-01-01..2024-04-30─▶ s2
 *                                         ─DESIGN 2022-01-01..2022-12-31─▶ s3
 *        PERFORMED a1 (s2, 2024-05-01), a2 (s2, 2024-04-30), a3 (s3, 2022-06-15 = D - 3 years)
 *     vK1 Kilo One ─TECHNICAL_SERVICE─▶ s2; SUBCONTRACTS_TO vK1 → vK2 → vK3 → vK4 (the last ..D-1)
 *
 *   Persons, HAS_ACCESS (from 2024-01-01 unless said) and checks:
 *     pOK  → s3; PASSED, expires on D             pExp  → s3; PASSED, expired D-1
 *     pNone → s3, s9; no check                    pFail → s3; PASSED 2023 (no expiry), FAILED 2025-01-01, PASSED on D+1
 *     pEnded → s3 ..D-1; no check                 pLow → s2 (level 2); no check
 *     pCii → sc (CII); no check
 *     pLeft: WORKS_FOR vU 2024-01-01..D-1; → s2 from 2024-02-01; PASSED
 *     pMoved: WORKS_FOR op1 2020-01-01..2024-12-31, WORKS_FOR vR from 2025-01-01;
 *             → s2 from 2024-06-01 (granted under op1) and → s2 from 2025-02-01 (under vR)
 *     pNoJob → s2; no employment
 *
 *   Products (USES from 2024-01-01): s3 uses prN Nocert Switch (no certification), prOld Old Router
 *   (no certification, ..D-1), prC Cert Firewall (certified); s2 and sc use prN too.
 */
const GRAPH = `
CREATE (op1:Operator {id: 'op1', name: 'Yangcheng Power', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (op2:Operator {id: 'op2', name: 'Zezhou Bank', uscc: '91140525000000002B', divisionCode: '140525', sectorCode: 'FINANCE', inDevelopmentZone: false})
CREATE (s3:System {id: 's3', name: 'Grid Control', protectionLevel: 3, status: 'LIVE'})
CREATE (s2:System {id: 's2', name: 'Office OA', protectionLevel: 2, status: 'LIVE'})
CREATE (sc:System {id: 'sc', name: 'Water SCADA', protectionLevel: 2, status: 'LIVE'})
CREATE (sx:System {id: 'sx', name: 'Old Plant', protectionLevel: 2, status: 'LIVE'})
CREATE (s9:System {id: 's9', name: 'Bank Core', protectionLevel: 3, status: 'LIVE'})
CREATE (op1)-[:OPERATES]->(s3), (op1)-[:OPERATES]->(s2), (op1)-[:OPERATES]->(sc), (op1)-[:OPERATES]->(sx), (op2)-[:OPERATES]->(s9)
CREATE (cii1:CriticalInfrastructure {id: 'cii1', name: 'Water Supply', sectorCode: 'ENERGY', identifiedOn: date('2023-12-01')})
CREATE (sc)-[:PART_OF {id: 'm1', from: date('2024-01-01')}]->(cii1)
CREATE (sx)-[:PART_OF {id: 'm2', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(cii1)
CREATE (vU:Vendor {id: 'vU', name: 'Unreg Co', registrationStatus: 'UNREGISTERED'})
CREATE (vR:Vendor {id: 'vR', name: 'Reg Co', registrationStatus: 'REGISTERED', registeredOn: date('${D}')})
CREATE (vS:Vendor {id: 'vS', name: 'Stopped Co', registrationStatus: 'UNREGISTERED'})
CREATE (vP:Vendor {id: 'vP', name: 'Pending Co', registrationStatus: 'PENDING'})
CREATE (vM:Vendor {id: 'vM', name: 'Remote Co', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vA:Vendor {id: 'vA', name: 'Assess Co', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vK1:Vendor {id: 'vK1', name: 'Kilo One', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vK2:Vendor {id: 'vK2', name: 'Kilo Two', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vK3:Vendor {id: 'vK3', name: 'Kilo Three', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vK4:Vendor {id: 'vK4', name: 'Kilo Four', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vU)-[:SERVES {id: 'svU3', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s3)
CREATE (vU)-[:SERVES {id: 'svU2', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s2)
CREATE (vU)-[:SERVES {id: 'svU9', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s9)
CREATE (vR)-[:SERVES {id: 'svR3', kind: 'TECHNICAL_SERVICE', remote: false, from: date('2024-01-01')}]->(s3)
CREATE (vS)-[:SERVES {id: 'svS3', kind: 'OPERATIONS', remote: false, from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(s3)
CREATE (vP)-[:SERVES {id: 'svPc', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(sc)
CREATE (vP)-[:SERVES {id: 'svPx', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(sx)
CREATE (vM)-[:SERVES {id: 'svM2', kind: 'REMOTE_OPERATIONS', remote: true, remoteEvaluatedOn: date('${D}'), from: date('2024-01-01')}]->(s2)
CREATE (vM)-[:SERVES {id: 'svM3', kind: 'OPERATIONS', remote: true, from: date('2024-01-01')}]->(s3)
CREATE (vA)-[:SERVES {id: 'svA2', kind: 'CONSTRUCTION', remote: false, from: date('2024-01-01'), to: date('2024-04-30')}]->(s2)
CREATE (vA)-[:SERVES {id: 'svA3', kind: 'DESIGN', remote: false, from: date('2022-01-01'), to: date('2022-12-31')}]->(s3)
CREATE (vK1)-[:SERVES {id: 'svK', kind: 'TECHNICAL_SERVICE', remote: false, from: date('2024-01-01')}]->(s2)
CREATE (vK1)-[:SUBCONTRACTS_TO {id: 'k12', from: date('2024-01-01')}]->(vK2)
CREATE (vK2)-[:SUBCONTRACTS_TO {id: 'k23', from: date('2024-01-01')}]->(vK3)
CREATE (vK3)-[:SUBCONTRACTS_TO {id: 'k34', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(vK4)
CREATE (a1:Assessment {id: 'a1', kind: 'LEVEL', on: date('2024-05-01')})-[:ASSESSES]->(s2)
CREATE (a2:Assessment {id: 'a2', kind: 'LEVEL', on: date('2024-04-30')})-[:ASSESSES]->(s2)
CREATE (a3:Assessment {id: 'a3', kind: 'LEVEL', on: date('2022-06-15')})-[:ASSESSES]->(s3)
CREATE (vA)-[:PERFORMED]->(a1), (vA)-[:PERFORMED]->(a2), (vA)-[:PERFORMED]->(a3)
CREATE (pOK:Person {id: 'pOK', name: 'Person OK', residentIdMasked: '140522********0011'})
CREATE (pExp:Person {id: 'pExp', name: 'Person Expired', residentIdMasked: '140522********0022'})
CREATE (pNone:Person {id: 'pNone', name: 'Person None', residentIdMasked: '140522********0033'})
CREATE (pFail:Person {id: 'pFail', name: 'Person Failed', residentIdMasked: '140522********0044'})
CREATE (pEnded:Person {id: 'pEnded', name: 'Person Ended', residentIdMasked: '140522********0055'})
CREATE (pLow:Person {id: 'pLow', name: 'Person Low', residentIdMasked: '140522********0066'})
CREATE (pCii:Person {id: 'pCii', name: 'Person Cii', residentIdMasked: '140522********0077'})
CREATE (pLeft:Person {id: 'pLeft', name: 'Person Left', residentIdMasked: '140522********0088'})
CREATE (pMoved:Person {id: 'pMoved', name: 'Person Moved', residentIdMasked: '140522********0099'})
CREATE (pNoJob:Person {id: 'pNoJob', name: 'Person NoJob', residentIdMasked: '140522********0010'})
CREATE (pOK)-[:HAS_ACCESS {id: 'acOK', kind: 'ONSITE', from: date('2024-01-01')}]->(s3)
CREATE (pExp)-[:HAS_ACCESS {id: 'acExp', kind: 'REMOTE', from: date('2024-01-01')}]->(s3)
CREATE (pNone)-[:HAS_ACCESS {id: 'acNone3', kind: 'PRIVILEGED', from: date('2024-01-01')}]->(s3)
CREATE (pNone)-[:HAS_ACCESS {id: 'acNone9', kind: 'ONSITE', from: date('2024-01-01')}]->(s9)
CREATE (pFail)-[:HAS_ACCESS {id: 'acFail', kind: 'ONSITE', from: date('2024-01-01')}]->(s3)
CREATE (pEnded)-[:HAS_ACCESS {id: 'acEnded', kind: 'ONSITE', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(s3)
CREATE (pLow)-[:HAS_ACCESS {id: 'acLow', kind: 'ONSITE', from: date('2024-01-01')}]->(s2)
CREATE (pCii)-[:HAS_ACCESS {id: 'acCii', kind: 'ONSITE', from: date('2024-01-01')}]->(sc)
CREATE (pLeft)-[:HAS_ACCESS {id: 'acLeft', kind: 'ONSITE', from: date('2024-02-01')}]->(s2)
CREATE (pMoved)-[:HAS_ACCESS {id: 'acMovedOld', kind: 'ONSITE', from: date('2024-06-01')}]->(s2)
CREATE (pMoved)-[:HAS_ACCESS {id: 'acMoved', kind: 'REMOTE', from: date('2025-02-01')}]->(s2)
CREATE (pNoJob)-[:HAS_ACCESS {id: 'acNoJob', kind: 'ONSITE', from: date('2024-01-01')}]->(s2)
CREATE (pLeft)-[:WORKS_FOR {id: 'wLeft', from: date('2024-01-01'), to: date('${YESTERDAY}'), keyPosition: false}]->(vU)
CREATE (pMoved)-[:WORKS_FOR {id: 'wMovedOld', from: date('2020-01-01'), to: date('2024-12-31'), keyPosition: false}]->(op1)
CREATE (pMoved)-[:WORKS_FOR {id: 'wMoved', from: date('2025-01-01'), keyPosition: false}]->(vR)
CREATE (pOK)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cOK', status: 'PASSED', checkedOn: date('2024-01-01'), expiresOn: date('${D}'), checkedBy: 'City PSB'})
CREATE (pExp)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cExp', status: 'PASSED', checkedOn: date('2023-01-01'), expiresOn: date('${YESTERDAY}'), checkedBy: 'City PSB'})
CREATE (pFail)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cFail0', status: 'PASSED', checkedOn: date('2023-01-01'), checkedBy: 'City PSB'})
CREATE (pFail)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cFail1', status: 'FAILED', checkedOn: date('2025-01-01'), checkedBy: 'City PSB'})
CREATE (pFail)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cFail2', status: 'PASSED', checkedOn: date('${TOMORROW}'), checkedBy: 'City PSB'})
CREATE (pLeft)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cLeft', status: 'PASSED', checkedOn: date('2024-01-01'), checkedBy: 'City PSB'})
CREATE (prN:Product {id: 'prN', name: 'Nocert Switch'})
CREATE (prOld:Product {id: 'prOld', name: 'Old Router'})
CREATE (prC:Product {id: 'prC', name: 'Cert Firewall', certification: 'CCRC-2024-001'})
CREATE (s3)-[:USES {id: 'uN3', from: date('2024-01-01')}]->(prN)
CREATE (s3)-[:USES {id: 'uO3', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(prOld)
CREATE (s3)-[:USES {id: 'uC3', from: date('2024-01-01')}]->(prC)
CREATE (s2)-[:USES {id: 'uN2', from: date('2024-01-01')}]->(prN)
CREATE (sc)-[:USES {id: 'uNc', from: date('2024-01-01')}]->(prN)
`;

const gid = (type: string, id: string) => encodeGlobalID(type, id);

interface Evidence {
  type: string;
  id: string;
  name: string | null;
  date: string | null;
  note: string | null;
}
interface Flag {
  code: string;
  severity: string;
  rule: string;
  message: string;
  evidence: Evidence[];
}

const FLAGS = `
  query ($id: ID!, $asOf: Date) {
    node(id: $id) {
      ... on Vendor { riskFlags(asOf: $asOf) { code severity rule message evidence { type id name date note } } }
      ... on Person { riskFlags(asOf: $asOf) { code severity rule message evidence { type id name date note } } }
      ... on System { riskFlags(asOf: $asOf) { code severity rule message evidence { type id name date note } } }
    }
  }`;

type Claims = Parameters<typeof gql>[2];

async function flagsOf(type: string, id: string, asOf: string, as?: Claims, app = gql): Promise<Flag[]> {
  const res = await app<{ node: { riskFlags: Flag[] } | null }>(FLAGS, { id: gid(type, id), asOf }, as);
  expect(res.errors).toBeUndefined();
  expect(res.data?.node).not.toBeNull(); // visible to the caller: an empty list means no flag
  return res.data?.node?.riskFlags ?? [];
}

/** `CODE rule: type:id(name)@date, …` per flag — exact, compact. */
function summary(flags: Flag[]): string[] {
  return flags.map(
    (f) =>
      `${f.code} ${f.rule}: ${f.evidence
        .map((e) => {
          const raw = Buffer.from(e.id, 'base64').toString('utf8');
          return `${raw}(${e.name ?? '-'})@${e.date ?? '-'}`;
        })
        .join(', ')}`,
  );
}

const sum = async (type: string, id: string, asOf: string, as?: Claims) =>
  summary(await flagsOf(type, id, asOf, as));

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
});

describe('system risk flags', () => {
  it('raises every code with exact evidence, most severe first', async () => {
    const flags = await flagsOf('System', 's3', D);
    expect(flags.map((f) => [f.code, f.severity, f.rule])).toEqual([
      ['REMOTE_OPS_UNEVALUATED', 'HIGH', 'SUP-2'],
      ['UNCHECKED_PERSONNEL', 'HIGH', 'SUP-3'],
      ['UNREGISTERED_VENDOR', 'HIGH', 'SUP-3'],
      ['ASSESSOR_NOT_INDEPENDENT', 'MEDIUM', 'ASM-IND'],
      ['UNCERTIFIED_PRODUCT', 'MEDIUM', 'SUP-4'],
    ]);
    expect(flags.find((f) => f.code === 'UNREGISTERED_VENDOR')).toEqual({
      code: 'UNREGISTERED_VENDOR',
      severity: 'HIGH',
      rule: 'SUP-3',
      message:
        '未报备的服务机构为三级以上系统或关键信息基础设施提供服务 / unregistered vendor serves a level ≥ 3 or CII system',
      evidence: [
        {
          type: 'Vendor',
          id: gid('Vendor', 'vU'),
          name: 'Unreg Co',
          date: '2024-01-01',
          note: 'registration UNREGISTERED, serves since 2024-01-01',
        },
      ],
    });
    expect(summary(flags)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM3(Remote Co)@2024-01-01',
      // pOK's check expires on asOf: still valid; pFail's latest check by asOf is FAILED.
      'UNCHECKED_PERSONNEL SUP-3: Person:pExp(Person Expired)@2025-06-14, Person:pFail(Person Failed)@2025-01-01, Person:pNone(Person None)@-',
      'UNREGISTERED_VENDOR SUP-3: Vendor:vU(Unreg Co)@2024-01-01',
      // a3 is exactly 3 years before asOf: still within the window.
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a3(Assess Co)@2022-06-15',
      'UNCERTIFIED_PRODUCT SUP-4: Product:prN(Nocert Switch)@2024-01-01',
    ]);
    expect(flags.find((f) => f.code === 'UNCHECKED_PERSONNEL')?.evidence.map((e) => e.note)).toEqual([
      'background check expired on 2025-06-14',
      'latest background check FAILED on 2025-01-01',
      'no background check',
    ]);
  });

  it('one day earlier: ended service and registration later than asOf count, the expiring check is valid', async () => {
    expect(await sum('System', 's3', YESTERDAY)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM3(Remote Co)@2024-01-01',
      'UNCHECKED_PERSONNEL SUP-3: Person:pEnded(Person Ended)@-, Person:pFail(Person Failed)@2025-01-01, Person:pNone(Person None)@-',
      'UNREGISTERED_VENDOR SUP-3: Vendor:vR(Reg Co)@2024-01-01, Vendor:vS(Stopped Co)@2024-01-01, Vendor:vU(Unreg Co)@2024-01-01',
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a3(Assess Co)@2022-06-15',
      'UNCERTIFIED_PRODUCT SUP-4: Product:prN(Nocert Switch)@2024-01-01, Product:prOld(Old Router)@2024-01-01',
    ]);
  });

  it('one day later: the check expiring on D is expired, a check done on D+1 counts, the assessment left the window', async () => {
    expect(await sum('System', 's3', TOMORROW)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM3(Remote Co)@2024-01-01',
      'UNCHECKED_PERSONNEL SUP-3: Person:pExp(Person Expired)@2025-06-14, Person:pNone(Person None)@-, Person:pOK(Person OK)@2025-06-15',
      'UNREGISTERED_VENDOR SUP-3: Vendor:vU(Unreg Co)@2024-01-01',
      'UNCERTIFIED_PRODUCT SUP-4: Product:prN(Nocert Switch)@2024-01-01',
    ]);
  });

  it('level 2 system: remote evaluation on asOf suffices, access after leaving, assessor on the last day of construction', async () => {
    expect(await sum('System', 's2', D)).toEqual([
      'ACCESS_AFTER_LEAVING SUP-1: Access:acLeft(Person Left)@2025-06-14, Access:acMovedOld(Person Moved)@2024-12-31',
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a2(Assess Co)@2024-04-30',
    ]);
    // The day before: the remote evaluation (dated D) is not done yet; pLeft still works for vU.
    expect(await sum('System', 's2', YESTERDAY)).toEqual([
      'ACCESS_AFTER_LEAVING SUP-1: Access:acMovedOld(Person Moved)@2024-12-31',
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM2(Remote Co)@2024-01-01',
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a2(Assess Co)@2024-04-30',
    ]);
  });

  it('CII systems whatever their level: CII-3 for unchecked personnel, no product rule below level 3', async () => {
    expect(await sum('System', 'sc', D)).toEqual([
      'UNCHECKED_PERSONNEL CII-3: Person:pCii(Person Cii)@-',
      'UNREGISTERED_VENDOR SUP-3: Vendor:vP(Pending Co)@2024-01-01',
    ]);
    // sx left its CII yesterday.
    expect(await sum('System', 'sx', D)).toEqual([]);
    expect(await sum('System', 'sx', YESTERDAY)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: Vendor:vP(Pending Co)@2024-01-01',
    ]);
  });
});

describe('vendor risk flags', () => {
  it('unregistered vendor: the high systems it serves; registration on asOf is in time', async () => {
    expect(await sum('Vendor', 'vU', D)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:s9(Bank Core)@2024-01-01, System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vR', D)).toEqual([]);
    expect(await sum('Vendor', 'vR', YESTERDAY)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vS', D)).toEqual([]);
    expect(await sum('Vendor', 'vS', YESTERDAY)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vP', D)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:sc(Water SCADA)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vP', YESTERDAY)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:sx(Old Plant)@2024-01-01, System:sc(Water SCADA)@2024-01-01',
    ]);
    const [flag] = await flagsOf('Vendor', 'vU', D);
    expect(flag?.evidence[1]?.note).toBe(
      'registration UNREGISTERED, serves this level 3 system since 2024-01-01',
    );
  });

  it('remote operations without evaluation', async () => {
    expect(await sum('Vendor', 'vM', D)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vM', YESTERDAY)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM2(Office OA)@2024-01-01, Service:svM3(Grid Control)@2024-01-01',
    ]);
    const [flag] = await flagsOf('Vendor', 'vM', YESTERDAY);
    expect(flag?.evidence.map((e) => e.note)).toEqual([
      'REMOTE_OPERATIONS to Office OA since 2024-01-01, remote evaluation only on 2025-06-15',
      'OPERATIONS to Grid Control since 2024-01-01, no remote evaluation',
    ]);
  });

  it('assessor not independent: 3-year window and the service valid on the assessment date', async () => {
    expect(await sum('Vendor', 'vA', D)).toEqual([
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a3(Grid Control)@2022-06-15, Assessment:a2(Office OA)@2024-04-30',
    ]);
    expect(await sum('Vendor', 'vA', TOMORROW)).toEqual([
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a2(Office OA)@2024-04-30',
    ]);
    const [flag] = await flagsOf('Vendor', 'vA', TOMORROW);
    expect(flag?.evidence[0]?.note).toBe(
      'LEVEL assessment of Office OA on 2024-04-30, while also providing CONSTRUCTION to it',
    );
  });

  it('subcontract chain deeper than the limit (default 2 tiers; configurable)', async () => {
    expect(await sum('Vendor', 'vK1', D)).toEqual([]);
    expect(await sum('Vendor', 'vK2', YESTERDAY)).toEqual([]);
    const flags = await flagsOf('Vendor', 'vK1', YESTERDAY);
    expect(summary(flags)).toEqual([
      'SUBCONTRACT_CHAIN_TOO_DEEP SUP-1: Vendor:vK2(Kilo Two)@2024-01-01, Vendor:vK3(Kilo Three)@2024-01-01, Vendor:vK4(Kilo Four)@2024-01-01',
    ]);
    expect(flags[0]?.severity).toBe('LOW');
    expect(flags[0]?.evidence.map((e) => e.note)).toEqual([
      'tier 1 subcontractor since 2024-01-01',
      'tier 2 subcontractor since 2024-01-01',
      'tier 3 subcontractor since 2024-01-01',
    ]);

    const limit = (subcontractMaxTiers: number) => testApp({ risk: { subcontractMaxTiers } }).gql;
    const three = limit(3);
    expect(summary(await flagsOf('Vendor', 'vK1', YESTERDAY, undefined, three))).toEqual([]);
    const one = limit(1);
    const res = await one<{ node: { riskFlags: Flag[] } }>(FLAGS, { id: gid('Vendor', 'vK1'), asOf: D });
    expect(summary(res.data?.node.riskFlags ?? [])).toEqual([
      'SUBCONTRACT_CHAIN_TOO_DEEP SUP-1: Vendor:vK2(Kilo Two)@2024-01-01, Vendor:vK3(Kilo Three)@2024-01-01',
    ]);
    expect(res.statements).toContain('risk/vendorFlags#2');
  });

  it('reads SUBCONTRACT_MAX_TIERS with validation', () => {
    const problems: string[] = [];
    expect(loadRiskConfig({}, problems)).toEqual(DEFAULT_RISK_CONFIG);
    expect(loadRiskConfig({ SUBCONTRACT_MAX_TIERS: '4' }, problems)).toEqual({ subcontractMaxTiers: 4 });
    expect(problems).toEqual([]);
    expect(loadRiskConfig({ SUBCONTRACT_MAX_TIERS: '0' }, problems)).toEqual(DEFAULT_RISK_CONFIG);
    expect(loadRiskConfig({ SUBCONTRACT_MAX_TIERS: 'x' }, problems)).toEqual(DEFAULT_RISK_CONFIG);
    expect(problems).toEqual([
      'SUBCONTRACT_MAX_TIERS="0" must be an integer from 1 to 10',
      'SUBCONTRACT_MAX_TIERS="x" must be an integer from 1 to 10',
    ]);
  });
});

describe('person risk flags', () => {
  it('unchecked personnel: the check, then the high systems; boundaries of expiry and access end', async () => {
    expect(await sum('Person', 'pOK', D)).toEqual([]);
    expect(await sum('Person', 'pOK', TOMORROW)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: BackgroundCheck:cOK(-)@2025-06-15, System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pExp', D)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: BackgroundCheck:cExp(-)@2025-06-14, System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pExp', YESTERDAY)).toEqual([]);
    expect(await sum('Person', 'pNone', D)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: System:s9(Bank Core)@2024-01-01, System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pFail', D)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: BackgroundCheck:cFail1(-)@2025-01-01, System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pFail', TOMORROW)).toEqual([]);
    expect(await sum('Person', 'pEnded', D)).toEqual([]);
    expect(await sum('Person', 'pEnded', YESTERDAY)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pLow', D)).toEqual([]);
    expect(await sum('Person', 'pCii', D)).toEqual([
      'UNCHECKED_PERSONNEL CII-3: System:sc(Water SCADA)@2024-01-01',
    ]);
    const [flag] = await flagsOf('Person', 'pNone', D);
    expect(flag?.evidence.map((e) => e.note)).toEqual([
      'ONSITE access since 2024-01-01 to this level 3 system',
      'PRIVILEGED access since 2024-01-01 to this level 3 system',
    ]);
  });

  it('access after leaving: every employment valid when the access began ended before asOf', async () => {
    expect(await sum('Person', 'pLeft', D)).toEqual([
      'ACCESS_AFTER_LEAVING SUP-1: Access:acLeft(Office OA)@2025-06-14',
    ]);
    expect(await sum('Person', 'pLeft', YESTERDAY)).toEqual([]);
    // Granted under op1 (left 2024-12-31); the access granted under vR is fine.
    expect(await sum('Person', 'pMoved', D)).toEqual([
      'ACCESS_AFTER_LEAVING SUP-1: Access:acMovedOld(Office OA)@2024-12-31',
    ]);
    expect(await sum('Person', 'pNoJob', D)).toEqual([]);
    const [flag] = await flagsOf('Person', 'pLeft', D);
    expect(flag?.evidence[0]?.note).toBe(
      'ONSITE access to Office OA since 2024-02-01 still in force, the employment it was granted under ended on 2025-06-14',
    );
  });
});

describe('batching, jurisdiction and personal data', () => {
  it('one statement per kind for all parents of a request', async () => {
    const res = await gql<{
      systems: { edges: { node: { name: string; riskFlags: { code: string }[] } }[] };
      vendors: { edges: { node: { name: string; riskFlags: { code: string }[] } }[] };
      persons: { edges: { node: { id: string; riskFlags: { code: string }[] } }[] };
    }>(
      `query ($asOf: Date) {
        systems(first: 50) { edges { node { name riskFlags(asOf: $asOf) { code } } } }
        vendors(first: 50) { edges { node { name riskFlags(asOf: $asOf) { code } } } }
        persons(first: 50) { edges { node { id riskFlags(asOf: $asOf) { code } } } }
      }`,
      { asOf: D },
    );
    expect(res.errors).toBeUndefined();
    const codes = (
      edges: { node: { riskFlags: { code: string }[] } & Record<string, unknown> }[],
      key: string,
    ) => Object.fromEntries(edges.map((e) => [String(e.node[key]), e.node.riskFlags.map((f) => f.code)]));
    expect(codes(res.data?.systems.edges ?? [], 'name')).toEqual({
      'Bank Core': ['UNCHECKED_PERSONNEL', 'UNREGISTERED_VENDOR'],
      'Grid Control': [
        'REMOTE_OPS_UNEVALUATED',
        'UNCHECKED_PERSONNEL',
        'UNREGISTERED_VENDOR',
        'ASSESSOR_NOT_INDEPENDENT',
        'UNCERTIFIED_PRODUCT',
      ],
      'Office OA': ['ACCESS_AFTER_LEAVING', 'ASSESSOR_NOT_INDEPENDENT'],
      'Old Plant': [],
      'Water SCADA': ['UNCHECKED_PERSONNEL', 'UNREGISTERED_VENDOR'],
    });
    expect(codes(res.data?.vendors.edges ?? [], 'name')).toEqual({
      'Assess Co': ['ASSESSOR_NOT_INDEPENDENT'],
      'Kilo Four': [],
      'Kilo One': [],
      'Kilo Three': [],
      'Kilo Two': [],
      'Pending Co': ['UNREGISTERED_VENDOR'],
      'Reg Co': [],
      'Remote Co': ['REMOTE_OPS_UNEVALUATED'],
      'Stopped Co': [],
      'Unreg Co': ['UNREGISTERED_VENDOR'],
    });
    expect(
      Object.values(codes(res.data?.persons.edges ?? [], 'id'))
        .flat()
        .sort(),
    ).toEqual([
      'ACCESS_AFTER_LEAVING',
      'ACCESS_AFTER_LEAVING',
      'UNCHECKED_PERSONNEL',
      'UNCHECKED_PERSONNEL',
      'UNCHECKED_PERSONNEL',
      'UNCHECKED_PERSONNEL',
    ]);
    expect(res.statements.filter((s) => s.startsWith('risk/')).sort()).toEqual([
      'risk/personFlags',
      'risk/systemFlags',
      'risk/vendorFlags#3',
    ]);
  });

  it('a county police caller sees evidence from its division only', async () => {
    const yangcheng = { sub: 'yc', role: 'COUNTY_POLICE' as const, division: '140522' };
    const zezhou = { sub: 'zz', role: 'COUNTY_POLICE' as const, division: '140525' };
    expect(await sum('Vendor', 'vU', D, yangcheng)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Vendor', 'vU', D, zezhou)).toEqual([
      'UNREGISTERED_VENDOR SUP-3: System:s9(Bank Core)@2024-01-01',
    ]);
    expect(await sum('Person', 'pNone', D, yangcheng)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: System:s3(Grid Control)@2024-01-01',
    ]);
    expect(await sum('Person', 'pNone', D, zezhou)).toEqual([
      'UNCHECKED_PERSONNEL SUP-3: System:s9(Bank Core)@2024-01-01',
    ]);
    // The subcontract chain hangs off s2 (Yangcheng): shown there; the vendor is not visible in Zezhou.
    expect(await sum('Vendor', 'vK1', YESTERDAY, yangcheng)).toEqual([
      'SUBCONTRACT_CHAIN_TOO_DEEP SUP-1: Vendor:vK2(Kilo Two)@2024-01-01, Vendor:vK3(Kilo Three)@2024-01-01, Vendor:vK4(Kilo Four)@2024-01-01',
    ]);
    const kilo = await gql<{ node: unknown }>(FLAGS, { id: gid('Vendor', 'vK1'), asOf: YESTERDAY }, zezhou);
    expect(kilo.data?.node).toBeNull();
    // Systems of another division are not visible at all.
    const res = await gql<{ node: unknown }>(FLAGS, { id: gid('System', 's3'), asOf: D }, zezhou);
    expect(res.data?.node).toBeNull();
  });

  it("answers persons' names to police roles only", async () => {
    const dept = { sub: 'dept', role: 'PROTECTION_DEPARTMENT' as const, sectors: ['ENERGY'] };
    expect(await sum('System', 's3', D, dept)).toEqual([
      'REMOTE_OPS_UNEVALUATED SUP-2: Service:svM3(Remote Co)@2024-01-01',
      'UNCHECKED_PERSONNEL SUP-3: Person:pExp(-)@2025-06-14, Person:pFail(-)@2025-01-01, Person:pNone(-)@-',
      'UNREGISTERED_VENDOR SUP-3: Vendor:vU(Unreg Co)@2024-01-01',
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a3(Assess Co)@2022-06-15',
      'UNCERTIFIED_PRODUCT SUP-4: Product:prN(Nocert Switch)@2024-01-01',
    ]);
    expect(await sum('System', 's2', D, dept)).toEqual([
      'ACCESS_AFTER_LEAVING SUP-1: Access:acLeft(-)@2025-06-14, Access:acMovedOld(-)@2024-12-31',
      'ASSESSOR_NOT_INDEPENDENT ASM-IND: Assessment:a2(Assess Co)@2024-04-30',
    ]);
    const police = { sub: 'yc', role: 'COUNTY_POLICE' as const, division: '140522' };
    expect((await sum('System', 's2', D, police))[0]).toBe(
      'ACCESS_AFTER_LEAVING SUP-1: Access:acLeft(Person Left)@2025-06-14, Access:acMovedOld(Person Moved)@2024-12-31',
    );
  });

  it('defaults asOf to today and refuses an impossible date naming asOf', async () => {
    const res = await gql<{ node: { riskFlags: Flag[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on System { riskFlags { code } } } }`,
      { id: gid('System', 's9') },
    );
    expect(res.errors).toBeUndefined();
    const bad = await gql(FLAGS, { id: gid('System', 's9'), asOf: '2025-13-01' });
    expect(bad.errors?.[0]?.message).toMatch(/^asOf: /);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
