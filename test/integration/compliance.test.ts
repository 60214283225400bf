/**
 * compliance(scope, asOf), upcomingDeadlines, complianceRules and the CSV export link, on a small
 * hand-made graph: each checked rule fires once where expected and not on its neighbours, the
 * working-day boundary across National Day 2025, the leap-day anniversary, a due date past the
 * calendar data (UNKNOWN), jurisdiction and scope errors. Expected values worked out by hand.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADERS } from '../../server/compliance/csv.js';
import { RULES } from '../../server/compliance/rules.js';
import { testApp } from '../support/harness.js';

const { gql, db, app } = testApp();

const D = '2025-10-20'; // a Monday

/*
 * opA Yangcheng Power (140522, ENERGY):
 *   sF1 level 2, graded 2025-09-26, not filed               → FIL-1 due 2025-10-16 (WD 10 across National Day)
 *   sF2 level 2, graded 2025-09-26, filed 2025-10-16         → met on the last day
 *   sF3 level 2, graded 2026-12-20, not filed                → FIL-1 due past the calendar data (2027): UNKNOWN
 *   sG  live 2024-01-01, no level                            → GRD-1
 *   sD  level 2, decommissioned 2025-09-26, no cancellation filing → FIL-2 (subject: the system) due 2025-10-16
 *   s3a level 3, live 2024-03-01, LEVEL GOOD 2024-02-29, CRYPTO 2024-06-01 → ASM-1 due 2025-02-28 (leap day), CRY-1 due 2025-06-01
 *       level change cf1 on 2025-09-26, not filed             → FIL-2 due 2025-10-16 (s2L's cf2 was filed: none)
 *   s3b level 3, live 2025-05-01, LEVEL GOOD 2025-05-10 (after go-live), CRYPTO 2025-05-10 → ASM-2 (due = go-live)
 *       findings of that assessment: f1 OPEN due 2025-08-01 → RCT-1; f2 RECTIFIED 2025-07-30; f3 OPEN due 2025-12-01 (upcoming)
 *       vY serves it remotely, evaluated 2025-01-01            → no SUP-2
 *       supervised rectification x1 listed 2025-06-01, deadline 2025-09-30, rectifying, not delisted → RCT-2
 *   s2L level 2, live 2022-06-01, LEVEL 2023-06-01           → ASM-3 due 2025-06-01
 *       supervised rectification x2 delisted 2025-06-30 before its deadline → no RCT-2
 * opB Zezhou Bank (140525, FINANCE):
 *   s3c level 3, live 2020-01-01, LEVEL GOOD 2019-12-01 and 2025-01-10, CRYPTO 2025-01-10,
 *       part of CII since 2024-01-01, CII_SECURITY 2024-09-01 → CII-4 due 2025-09-01
 *       vX serves it remotely, never evaluated                 → SUP-2
 *   key-position staff: pK1 no check → CII-3; pK2 PASSED until 2026-01-01; pK3 not key, no check
 *   security body recorded, head blank ('  ') → CII-2 (opA records neither but runs no CII: no CII-2)
 *   procurements of s3c: pr1 affects national security, bought 2025-03-03, never reviewed → CII-8 due
 *       2025-03-03; pr2 reviewed 2025-03-20 before its purchase on 2025-04-01; pr3 does not affect
 *       national security; pr4 bought 2023-06-01, before s3c became part of the CII → none of them
 *   data transfers of s3c (CII-7): dt1 personal information to Singapore from 2025-06-02, never assessed
 *       → due 2025-06-02; dt2 assessed 2025-05-01 before it started 2025-05-10 → met; dt3 stored in
 *       Frankfurt 2024-03-01 until it stopped on 2025-10-01 → UNMET up to 2025-09-30 only;
 *       dt4 stored abroad, of s3a (not CII) → none
 *   grading reviews: every filed system of level ≥ 2 has an expert review before its filing except s2L
 *       (filed 2022-05-05) → GRD-2 due 2022-05-05; opB has a competent department and s3c was approved
 *       2019-09-30, before its expert review 2019-10-01 → GRD-3 due at filing 2019-10-08
 *   emergency drills (DRL-1): s3c drilled 2025-06-01 (due 2026-06-01); s3a never → due Y(go-live, 1)
 *       = 2025-03-01; s3b live 2025-05-01 → due 2026-05-01
 *   incidents (INC-1): i1 MAJOR of s3c (CII) reported exactly 1 hour after discovery → met; i2 MAJOR of
 *       s3c reported 1 h 0 min 1 s after discovery on 2025-10-13 → due 2025-10-13
 *   opA incidents: i3 MAJOR of s3a (not CII) reported after 3 hours → met (4 hours); i4 GENERAL never
 *       reported → not checked; i5 LARGE of s3a discovered 2025-10-14 22:30 (+08:00), never reported →
 *       due 2025-10-15 (the deadline 02:30 is on the next day in Asia/Shanghai, still the 14th in UTC)
 */
const GRAPH = `
CREATE (opA:Operator {id: 'opA', name: 'Yangcheng Power', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (opB:Operator {id: 'opB', name: 'Zezhou Bank', uscc: '91140525000000002B', divisionCode: '140525', sectorCode: 'FINANCE', inDevelopmentZone: false, competentDepartment: 'PBOC Jincheng', securityBody: 'Information Security Office', securityHead: '  '})
CREATE (opA)-[:OPERATES]->(:System {id: 'sF1', name: 'F1', protectionLevel: 2, status: 'UNDER_CONSTRUCTION', levelDeterminedOn: date('2025-09-26')})
CREATE (opA)-[:OPERATES]->(:System {id: 'sF2', name: 'F2', protectionLevel: 2, status: 'UNDER_CONSTRUCTION', levelDeterminedOn: date('2025-09-26'), filedOn: date('2025-10-16')})
CREATE (opA)-[:OPERATES]->(:System {id: 'sF3', name: 'F3', protectionLevel: 2, status: 'PLANNED', levelDeterminedOn: date('2026-12-20')})
CREATE (opA)-[:OPERATES]->(:System {id: 'sG', name: 'G', status: 'LIVE', liveOn: date('2024-01-01')})
CREATE (opA)-[:OPERATES]->(s3a:System {id: 's3a', name: 'A3', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2024-01-02'), filedOn: date('2024-01-05'), liveOn: date('2024-03-01')})
CREATE (opA)-[:OPERATES]->(s3b:System {id: 's3b', name: 'B3', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2025-03-01'), filedOn: date('2025-03-05'), liveOn: date('2025-05-01')})
CREATE (opA)-[:OPERATES]->(s2L:System {id: 's2L', name: 'L2', protectionLevel: 2, status: 'LIVE', levelDeterminedOn: date('2022-05-01'), filedOn: date('2022-05-05'), liveOn: date('2022-06-01')})
CREATE (opB)-[:OPERATES]->(s3c:System {id: 's3c', name: 'C3', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2019-10-01'), filedOn: date('2019-10-08'), liveOn: date('2020-01-01')})
CREATE (:Assessment {id: 'aA1', kind: 'LEVEL', on: date('2024-02-29'), conclusion: 'GOOD'})-[:ASSESSES]->(s3a)
CREATE (:Assessment {id: 'aA2', kind: 'CRYPTO', on: date('2024-06-01'), conclusion: 'GOOD'})-[:ASSESSES]->(s3a)
CREATE (aB1:Assessment {id: 'aB1', kind: 'LEVEL', on: date('2025-05-10'), conclusion: 'GOOD'})-[:ASSESSES]->(s3b)
CREATE (:Assessment {id: 'aB2', kind: 'CRYPTO', on: date('2025-05-10'), conclusion: 'GOOD'})-[:ASSESSES]->(s3b)
CREATE (aB1)-[:FOUND]->(:Finding {id: 'f1', title: 'Weak passwords', severity: 'HIGH', dueOn: date('2025-08-01'), status: 'OPEN'})
CREATE (aB1)-[:FOUND]->(:Finding {id: 'f2', title: 'No audit log', severity: 'MEDIUM', dueOn: date('2025-08-01'), status: 'RECTIFIED', closedOn: date('2025-07-30')})
CREATE (aB1)-[:FOUND]->(:Finding {id: 'f3', title: 'Old TLS', severity: 'LOW', dueOn: date('2025-12-01'), status: 'OPEN'})
CREATE (:Assessment {id: 'aL1', kind: 'LEVEL', on: date('2023-06-01'), conclusion: 'FAIR'})-[:ASSESSES]->(s2L)
CREATE (:Assessment {id: 'aC1', kind: 'LEVEL', on: date('2019-12-01'), conclusion: 'GOOD'})-[:ASSESSES]->(s3c)
CREATE (:Assessment {id: 'aC2', kind: 'LEVEL', on: date('2025-01-10'), conclusion: 'GOOD'})-[:ASSESSES]->(s3c)
CREATE (:Assessment {id: 'aC3', kind: 'CRYPTO', on: date('2025-01-10'), conclusion: 'GOOD'})-[:ASSESSES]->(s3c)
CREATE (:Assessment {id: 'aC4', kind: 'CII_SECURITY', on: date('2024-09-01'), conclusion: 'GOOD'})-[:ASSESSES]->(s3c)
CREATE (cii:CriticalInfrastructure {id: 'cii1', name: 'Payments', sectorCode: 'FINANCE', identifiedOn: date('2023-12-01')})
CREATE (s3c)-[:PART_OF {id: 'm1', from: date('2024-01-01')}]->(cii)
CREATE (vX:Vendor {id: 'vX', name: 'Remote X', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vY:Vendor {id: 'vY', name: 'Remote Y', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vX)-[:SERVES {id: 'svX', kind: 'OPERATIONS', remote: true, from: date('2024-01-01')}]->(s3c)
CREATE (vY)-[:SERVES {id: 'svY', kind: 'REMOTE_OPERATIONS', remote: true, remoteEvaluatedOn: date('2025-01-01'), from: date('2024-01-01')}]->(s3b)
CREATE (s3b)-[:UNDER_SUPERVISION]->(:SupervisedRectification {id: 'x1', title: 'Supervised: weak passwords', listedOn: date('2025-06-01'), deadline: date('2025-09-30'), rectifyingOn: date('2025-06-10')})
CREATE (s2L)-[:UNDER_SUPERVISION]->(:SupervisedRectification {id: 'x2', title: 'Supervised: backups', listedOn: date('2025-06-01'), deadline: date('2025-07-01'), rectifyingOn: date('2025-06-05'), verifiedOn: date('2025-06-20'), delistedOn: date('2025-06-30')})
CREATE (s3a)-[:HAS_CHANGE]->(:ChangeFiling {id: 'cf1', kind: 'LEVEL_CHANGE', changedOn: date('2025-09-26'), toLevel: 3})
CREATE (s2L)-[:HAS_CHANGE]->(:ChangeFiling {id: 'cf2', kind: 'LEVEL_CHANGE', changedOn: date('2025-01-02'), toLevel: 2, filedOn: date('2025-01-10')})
CREATE (opA)-[:OPERATES]->(:System {id: 'sD', name: 'D', protectionLevel: 2, status: 'DECOMMISSIONED', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), decommissionedOn: date('2025-09-26')})
CREATE (pK1:Person {id: 'pK1', name: 'Key One', residentIdMasked: '140525********0011'})
CREATE (pK2:Person {id: 'pK2', name: 'Key Two', residentIdMasked: '140525********0022'})
CREATE (pK3:Person {id: 'pK3', name: 'Not Key', residentIdMasked: '140525********0033'})
CREATE (pK1)-[:WORKS_FOR {id: 'w1', from: date('2024-01-01'), keyPosition: true, role: 'CISO'}]->(opB)
CREATE (pK2)-[:WORKS_FOR {id: 'w2', from: date('2024-01-01'), keyPosition: true, role: 'DBA'}]->(opB)
CREATE (pK3)-[:WORKS_FOR {id: 'w3', from: date('2024-01-01'), keyPosition: false, role: 'Clerk'}]->(opB)
CREATE (s3c)-[:HAS_PROCUREMENT]->(:Procurement {id: 'pr1', title: 'Core switches', purchasedOn: date('2025-03-03'), affectsNationalSecurity: true})
CREATE (s3c)-[:HAS_PROCUREMENT]->(:Procurement {id: 'pr2', title: 'Database', purchasedOn: date('2025-04-01'), affectsNationalSecurity: true, reviewPassedOn: date('2025-03-20')})
CREATE (s3c)-[:HAS_PROCUREMENT]->(:Procurement {id: 'pr3', title: 'Printers', purchasedOn: date('2025-03-03'), affectsNationalSecurity: false})
CREATE (s3c)-[:HAS_PROCUREMENT]->(:Procurement {id: 'pr4', title: 'Old routers', purchasedOn: date('2023-06-01'), affectsNationalSecurity: true})
CREATE (s3c)-[:HAD_INCIDENT]->(:Incident {id: 'i1', title: 'Ransomware', severity: 'MAJOR', occurredAt: datetime('2025-10-10T08:30:00+08:00'), discoveredAt: datetime('2025-10-10T09:00:00+08:00'), reportedAt: datetime('2025-10-10T10:00:00+08:00')})
CREATE (s3c)-[:HAD_INCIDENT]->(:Incident {id: 'i2', title: 'Data leak', severity: 'MAJOR', occurredAt: datetime('2025-10-13T08:00:00+08:00'), discoveredAt: datetime('2025-10-13T01:00:00Z'), reportedAt: datetime('2025-10-13T10:00:01+08:00')})
CREATE (s3a)-[:HAD_INCIDENT]->(:Incident {id: 'i3', title: 'Outage', severity: 'MAJOR', occurredAt: datetime('2025-10-13T09:00:00+08:00'), discoveredAt: datetime('2025-10-13T09:00:00+08:00'), reportedAt: datetime('2025-10-13T12:00:00+08:00')})
CREATE (s3a)-[:HAD_INCIDENT]->(:Incident {id: 'i4', title: 'Spam', severity: 'GENERAL', occurredAt: datetime('2025-10-13T09:00:00+08:00'), discoveredAt: datetime('2025-10-13T09:00:00+08:00')})
CREATE (s3a)-[:HAD_INCIDENT]->(:Incident {id: 'i5', title: 'Defacement', severity: 'LARGE', occurredAt: datetime('2025-10-14T22:00:00+08:00'), discoveredAt: datetime('2025-10-14T22:30:00+08:00')})
CREATE (s3c)-[:HAS_DATA_TRANSFER]->(:DataTransfer {id: 'dt1', kind: 'CROSS_BORDER_TRANSFER', dataCategory: 'PERSONAL_INFORMATION', destination: 'Singapore', startedOn: date('2025-06-02')})
CREATE (s3c)-[:HAS_DATA_TRANSFER]->(:DataTransfer {id: 'dt2', kind: 'CROSS_BORDER_TRANSFER', dataCategory: 'IMPORTANT_DATA', destination: 'Japan', startedOn: date('2025-05-10'), assessedOn: date('2025-05-01')})
CREATE (s3c)-[:HAS_DATA_TRANSFER]->(:DataTransfer {id: 'dt3', kind: 'STORED_ABROAD', dataCategory: 'IMPORTANT_DATA', destination: 'Frankfurt', startedOn: date('2024-03-01'), endedOn: date('2025-10-01')})
CREATE (s3a)-[:HAS_DATA_TRANSFER]->(:DataTransfer {id: 'dt4', kind: 'STORED_ABROAD', dataCategory: 'PERSONAL_INFORMATION', destination: 'Seoul', startedOn: date('2025-01-01')})
CREATE (s3c)-[:HAD_DRILL]->(:Drill {id: 'dr1', title: 'Payment outage drill', heldOn: date('2025-06-01')})
CREATE (s3a)-[:HAS_GRADING_REVIEW]->(:GradingReview {id: 'g3a', expertReviewedOn: date('2024-01-02')})
CREATE (s3b)-[:HAS_GRADING_REVIEW]->(:GradingReview {id: 'g3b', expertReviewedOn: date('2025-03-01')})
CREATE (s3c)-[:HAS_GRADING_REVIEW]->(:GradingReview {id: 'g3c', expertReviewedOn: date('2019-10-01'), competentApprovedOn: date('2019-09-30')})
WITH 1 AS _
MATCH (sF2:System {id: 'sF2'}), (sD:System {id: 'sD'})
CREATE (sF2)-[:HAS_GRADING_REVIEW]->(:GradingReview {id: 'gF2', expertReviewedOn: date('2025-10-16')})
CREATE (sD)-[:HAS_GRADING_REVIEW]->(:GradingReview {id: 'gD', expertReviewedOn: date('2020-01-01')})
WITH 1 AS _
MATCH (pK2:Person {id: 'pK2'})
CREATE (pK2)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c2', status: 'PASSED', checkedOn: date('2024-01-01'), expiresOn: date('2026-01-01'), checkedBy: 'City PSB'})
`;

/*
 * Inputs of the part-2 rules (compliance-inputs-2.test.ts tests them), recorded so that none of them
 * fires here: every LEVEL assessment has its reports submitted and its confidentiality agreement
 * signed on its date, a checked institution and a checked assessor; the CII names its department
 * and was notified on identification; s3c has a disaster backup since it joined the CII.
 */
const PART_2_INPUTS = `
CREATE (vA:Vendor {id: 'vA', name: 'Assessor Inst', registrationStatus: 'REGISTERED', registeredOn: date('2015-01-01')})
CREATE (vA)-[:HAS_INSTITUTION_CHECK]->(:InstitutionCheck {id: 'icA', status: 'PASSED', checkedOn: date('2015-01-01'), checkedBy: 'City PSB'})
CREATE (pA:Person {id: 'pA', name: 'Assessor', residentIdMasked: '140522********0044'})
CREATE (pA)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cA', status: 'PASSED', checkedOn: date('2015-01-01'), checkedBy: 'City PSB'})
CREATE (dep:ProtectionDepartment {id: 'depF', name: 'PBOC Jincheng', divisionCode: '140500'})
WITH vA, pA, dep
MATCH (a:Assessment {kind: 'LEVEL'})
SET a.reportSubmittedToPoliceOn = a.on, a.reportSubmittedToDepartmentOn = a.on, a.confidentialityAgreementSignedOn = a.on
CREATE (vA)-[:PERFORMED]->(a)
CREATE (pA)-[:ASSESSOR_ON]->(a)
WITH DISTINCT dep
MATCH (c:CriticalInfrastructure {id: 'cii1'}), (s3c:System {id: 's3c'})
SET c.operatorNotifiedOn = c.identifiedOn, c.policeNotifiedOn = c.identifiedOn
CREATE (dep)-[:IDENTIFIED {on: c.identifiedOn}]->(c)
CREATE (s3c)-[:HAS_BACKUP]->(:DisasterBackup {id: 'bk3c', kind: 'REMOTE', site: 'Taiyuan', establishedOn: date('2024-01-01')})
`;

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
  await db.driver.executeQuery(PART_2_INPUTS, {}, { database: db.config.database });
});

const QUERY = `query($scope: ComplianceScope!, $asOf: Date, $ruleIds: [String!], $first: Int, $after: String) {
  compliance(scope: $scope, asOf: $asOf, ruleIds: $ruleIds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { key ruleId severity status subjectType subjectId subjectName dueOn workingDaysOverdue calendarDaysOverdue legalBasis
      facts { name value } } }
  }
}`;

interface Node {
  key: string;
  ruleId: string;
  severity: string;
  status: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  dueOn: string | null;
  workingDaysOverdue: number | null;
  calendarDaysOverdue: number | null;
  legalBasis: string;
  facts: { name: string; value: string | null }[];
}
type Conn = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: Node }[];
};

/** The rules this file covers (the later checks have their own file, compliance-checks-2.test.ts). */
const RULES_HERE = [
  'GRD-1',
  'GRD-2',
  'GRD-3',
  'FIL-1',
  'FIL-2',
  'ASM-1',
  'ASM-2',
  'ASM-3',
  'RCT-1',
  'RCT-2',
  'SUP-2',
  'CRY-1',
  'CII-2',
  'CII-3',
  'CII-4',
  'CII-7',
  'CII-8',
  'INC-1',
  'DRL-1',
];

async function findings(
  scope: Record<string, unknown>,
  asOf: string,
  extra: Record<string, unknown> = {},
  as?: Parameters<typeof gql>[2],
) {
  const vars = { scope, asOf, first: 100, ruleIds: RULES_HERE, ...extra };
  const r = await gql<{ compliance: Conn }>(QUERY, vars, as);
  expect(r.errors).toBeUndefined();
  return r.data?.compliance as Conn;
}

const brief = (c: Conn) =>
  c.edges.map(({ node: n }) => [
    n.ruleId,
    n.subjectId,
    n.status,
    n.dueOn,
    n.workingDaysOverdue,
    n.calendarDaysOverdue,
  ]);
const sys = (id: string) => encodeGlobalID('System', id);

const CITY_AT_D = [
  ['ASM-1', sys('s3a'), 'OVERDUE', '2025-02-28', 158, 234],
  ['ASM-2', sys('s3b'), 'OVERDUE', '2025-05-01', 115, 172],
  ['ASM-3', sys('s2L'), 'OVERDUE', '2025-06-01', 96, 141],
  ['CII-2', encodeGlobalID('Operator', 'opB'), 'UNMET', null, null, null],
  ['CII-3', encodeGlobalID('Person', 'pK1'), 'UNMET', null, null, null],
  ['CII-4', sys('s3c'), 'OVERDUE', '2025-09-01', 31, 49],
  ['CII-7', encodeGlobalID('DataTransfer', 'dt1'), 'OVERDUE', '2025-06-02', 96, 140],
  ['CII-8', encodeGlobalID('Procurement', 'pr1'), 'OVERDUE', '2025-03-03', 157, 231],
  ['CRY-1', sys('s3a'), 'OVERDUE', '2025-06-01', 96, 141],
  ['DRL-1', sys('s3a'), 'OVERDUE', '2025-03-01', 158, 233],
  ['FIL-1', sys('sF1'), 'OVERDUE', '2025-10-16', 2, 4],
  ['FIL-2', encodeGlobalID('ChangeFiling', 'cf1'), 'OVERDUE', '2025-10-16', 2, 4],
  ['FIL-2', sys('sD'), 'OVERDUE', '2025-10-16', 2, 4],
  ['GRD-1', sys('sG'), 'UNMET', null, null, null],
  ['GRD-2', sys('s2L'), 'OVERDUE', '2022-05-05', 863, 1264],
  ['GRD-3', sys('s3c'), 'OVERDUE', '2019-10-08', 1505, 2204],
  ['INC-1', encodeGlobalID('Incident', 'i2'), 'OVERDUE', '2025-10-13', 5, 7],
  ['INC-1', encodeGlobalID('Incident', 'i5'), 'OVERDUE', '2025-10-15', 3, 5],
  ['RCT-1', encodeGlobalID('Finding', 'f1'), 'OVERDUE', '2025-08-01', 52, 80],
  ['RCT-2', encodeGlobalID('SupervisedRectification', 'x1'), 'OVERDUE', '2025-09-30', 9, 20],
  ['SUP-2', sys('s3c'), 'UNMET', null, null, null],
];

describe('compliance(scope, asOf)', () => {
  it('finds exactly the expected findings in the city, ordered by rule then subject', async () => {
    const c = await findings({ city: true }, D);
    expect(brief(c)).toEqual(CITY_AT_D);
    expect(c.totalCount).toBe(21);
    const fil = c.edges.find((e) => e.node.ruleId === 'FIL-1')?.node;
    expect(fil?.severity).toBe('BLOCKER');
    expect(fil?.legalBasis).toBe('三.(一).1');
    expect(fil?.facts).toEqual([
      { name: 'filedOn', value: null },
      { name: 'filingNumber', value: null },
      { name: 'levelDeterminedOn', value: '2025-09-26' },
      { name: 'protectionLevel', value: '2' },
    ]);
    expect(c.edges.find((e) => e.node.ruleId === 'CII-3')?.node.subjectName).toBe('Key One');
    expect(c.edges.find((e) => e.node.ruleId === 'CII-2')?.node.facts).toEqual([
      { name: 'securityBody', value: 'Information Security Office' },
      { name: 'securityBodyEstablishedOn', value: null },
      { name: 'securityHeadRecorded', value: 'false' },
    ]);
  });

  it('pages with a keyset cursor over (rule, subject)', async () => {
    const first = await findings({ city: true }, D, { first: 4 });
    expect(first.edges.map((e) => e.node.ruleId)).toEqual(['ASM-1', 'ASM-2', 'ASM-3', 'CII-2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await findings({ city: true }, D, { first: 100, after: first.pageInfo.endCursor });
    expect(brief(rest)).toEqual(CITY_AT_D.slice(4));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('FIL-1: the 10th working day across National Day 2025 is 2025-10-16; overdue from the 17th', async () => {
    expect(brief(await findings({ systemId: sys('sF1') }, '2025-10-16'))).toEqual([]);
    expect(brief(await findings({ systemId: sys('sF1') }, '2025-10-17'))).toEqual([
      ['FIL-1', sys('sF1'), 'OVERDUE', '2025-10-16', 1, 1],
    ]);
    // filed on the due date: never a finding
    expect(brief(await findings({ systemId: sys('sF2') }, '2025-10-17'))).toEqual([]);
  });

  it('history: asking about an earlier date gives that date’s answer', async () => {
    // before grading sF1 has no duty, s3b was not live yet; vY's remote service to s3b was evaluated
    // only on 2025-01-01, so on 2024-06-01 it is a SUP-2 finding (and no longer on D)
    expect(brief(await findings({ operatorId: encodeGlobalID('Operator', 'opA') }, '2024-06-01'))).toEqual([
      ['GRD-1', sys('sG'), 'UNMET', null, null, null],
      ['GRD-2', sys('s2L'), 'OVERDUE', '2022-05-05', 520, 758],
      ['SUP-2', sys('s3b'), 'UNMET', null, null, null],
    ]);
  });

  it('ASM-1: the anniversary of a leap-day assessment is 2025-02-28', async () => {
    const at = (asOf: string) => findings({ systemId: sys('s3a') }, asOf, { ruleIds: ['ASM-1'] }).then(brief);
    expect(await at('2025-02-28')).toEqual([]);
    expect(await at('2025-03-03')).toEqual([['ASM-1', sys('s3a'), 'OVERDUE', '2025-02-28', 1, 3]]);
  });

  it('a due date past the calendar data is UNKNOWN, never guessed', async () => {
    expect(brief(await findings({ systemId: sys('sF3') }, '2026-12-24', { ruleIds: ['FIL-1'] }))).toEqual([
      ['FIL-1', sys('sF3'), 'UNKNOWN', null, null, null],
    ]);
  });

  it('division, sector, operator and vendor scopes', async () => {
    const rules = async (scope: Record<string, unknown>) =>
      (await findings(scope, D)).edges.map((e) => `${e.node.ruleId} ${e.node.subjectId}`);
    const opB = [
      `CII-2 ${encodeGlobalID('Operator', 'opB')}`,
      `CII-3 ${encodeGlobalID('Person', 'pK1')}`,
      `CII-4 ${sys('s3c')}`,
      `CII-7 ${encodeGlobalID('DataTransfer', 'dt1')}`,
      `CII-8 ${encodeGlobalID('Procurement', 'pr1')}`,
      `GRD-3 ${sys('s3c')}`,
      `INC-1 ${encodeGlobalID('Incident', 'i2')}`,
      `SUP-2 ${sys('s3c')}`,
    ];
    expect(await rules({ divisionCode: '140525' })).toEqual(opB);
    expect(await rules({ sectorCode: 'finance' })).toEqual(opB);
    expect(await rules({ vendorId: encodeGlobalID('Vendor', 'vX') })).toEqual(opB);
    expect(await rules({ vendorId: encodeGlobalID('Vendor', 'vY') })).toEqual([
      `ASM-2 ${sys('s3b')}`,
      `RCT-1 ${encodeGlobalID('Finding', 'f1')}`,
      `RCT-2 ${encodeGlobalID('SupervisedRectification', 'x1')}`,
    ]);
    expect((await rules({ divisionCode: '140522' })).length).toBe(13);
  });

  it('scope needs exactly one field; the error names them', async () => {
    const none = await gql(QUERY, { scope: {}, asOf: D });
    expect(none.errors?.[0]?.message).toMatch(/scope: set exactly one of .*none is set/);
    const two = await gql(QUERY, { scope: { city: true, divisionCode: '140522' }, asOf: D });
    expect(two.errors?.[0]?.message).toMatch(/city, divisionCode are set/);
    const bad = await gql(QUERY, { scope: { city: true }, asOf: D, ruleIds: ['XYZ-9'] });
    expect(bad.errors?.[0]?.message).toMatch(/ruleIds: not checkable rule ids: XYZ-9/);
  });

  it('respects the jurisdiction: county police, operators, sector departments, auditors', async () => {
    const yc = { sub: 'yc', role: 'COUNTY_POLICE' as const, division: '140522' };
    const city = await findings({ city: true }, D, {}, yc);
    expect(city.edges.map((e) => e.node.ruleId)).toEqual([
      'ASM-1',
      'ASM-2',
      'ASM-3',
      'CRY-1',
      'DRL-1',
      'FIL-1',
      'FIL-2',
      'FIL-2',
      'GRD-1',
      'GRD-2',
      'INC-1',
      'RCT-1',
      'RCT-2',
    ]);
    expect((await findings({ divisionCode: '140525' }, D, {}, yc)).totalCount).toBe(0);
    const op = { sub: 'b', role: 'OPERATOR' as const, operator: 'opB' };
    const mine = await findings({ city: true }, D, {}, op);
    expect(mine.edges.map((e) => [e.node.ruleId, e.node.subjectName])).toEqual([
      ['CII-2', 'Zezhou Bank'],
      ['CII-3', null],
      ['CII-4', 'C3'],
      ['CII-7', 'Singapore'],
      ['CII-8', 'Core switches'],
      ['GRD-3', 'C3'],
      ['INC-1', 'Data leak'],
      ['SUP-2', 'C3'],
    ]);
    const dept = { sub: 'd', role: 'PROTECTION_DEPARTMENT' as const, sectors: ['ENERGY'] };
    expect((await findings({ city: true }, D, {}, dept)).totalCount).toBe(13);
    const auditor = { sub: 'a', role: 'AUDITOR' as const };
    expect((await findings({ city: true }, D, {}, auditor)).totalCount).toBe(0);
  });
});

describe('upcomingDeadlines', () => {
  const UP = `query($scope: ComplianceScope!, $asOf: Date, $withinDays: Int!) {
    upcomingDeadlines(scope: $scope, asOf: $asOf, withinDays: $withinDays) {
      totalCount edges { node { ruleId subjectId status dueOn } } } }`;
  it('lists duties due within the window and not met', async () => {
    const r = await gql<{ upcomingDeadlines: { edges: { node: Node }[] } }>(UP, {
      scope: { city: true },
      asOf: D,
      withinDays: 90,
    });
    expect(r.errors).toBeUndefined();
    expect(
      r.data?.upcomingDeadlines.edges.map((e) => [e.node.ruleId, e.node.subjectId, e.node.dueOn]),
    ).toEqual([
      ['ASM-1', sys('s3c'), '2026-01-10'],
      ['CRY-1', sys('s3c'), '2026-01-10'],
      ['RCT-1', encodeGlobalID('Finding', 'f3'), '2025-12-01'],
    ]);
  });
  it('bounds withinDays', async () => {
    const r = await gql(UP, { scope: { city: true }, asOf: D, withinDays: 367 });
    expect(r.errors?.[0]?.message).toMatch(/withinDays: must be an integer from 0 to 366/);
  });
});

describe('complianceEvaluation', () => {
  const EVAL = `query($year: Int!, $asOf: Date, $divisionCode: String, $first: Int, $after: String) {
    complianceEvaluation(year: $year, asOf: $asOf, divisionCode: $divisionCode) {
      asOf divisions { divisionCode operators systems compliantSystems share }
      operators(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { operatorName systems share compliantSystems { name } nonCompliantSystems { name } } } } } }`;
  // systems are listed by id: s2L (L2), s3a (A3), s3b (B3), sF1, sF2, sF3, sG
  it('per division and per operator: systems without blocker findings / all systems', async () => {
    const r = await gql<{ complianceEvaluation: Record<string, unknown> }>(EVAL, {
      year: 2025,
      asOf: D,
      first: 1,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.complianceEvaluation).toEqual({
      asOf: D,
      divisions: [
        { divisionCode: '140522', operators: 1, systems: 7, compliantSystems: 4, share: 4 / 7 },
        { divisionCode: '140525', operators: 1, systems: 1, compliantSystems: 0, share: 0 },
      ],
      operators: {
        pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
        edges: [
          {
            node: {
              operatorName: 'Yangcheng Power',
              systems: 7,
              share: 4 / 7,
              compliantSystems: [{ name: 'L2' }, { name: 'F2' }, { name: 'F3' }, { name: 'G' }],
              nonCompliantSystems: [{ name: 'A3' }, { name: 'B3' }, { name: 'F1' }],
            },
          },
        ],
      },
    });
    const ops = r.data?.complianceEvaluation.operators as { pageInfo: { endCursor: string } };
    const end = ops.pageInfo.endCursor;
    const next = await gql<{
      complianceEvaluation: { operators: { edges: { node: Record<string, unknown> }[] } };
    }>(EVAL, { year: 2025, asOf: D, first: 5, after: end });
    expect(next.data?.complianceEvaluation.operators.edges.map((e) => e.node)).toEqual([
      {
        operatorName: 'Zezhou Bank',
        systems: 1,
        share: 0,
        compliantSystems: [],
        nonCompliantSystems: [{ name: 'C3' }],
      },
    ]);
  });
  it('checks year, asOf and division', async () => {
    expect((await gql(EVAL, { year: 1999 })).errors?.[0]?.message).toMatch(/^year: must be from 2004/);
    expect((await gql(EVAL, { year: 2024, asOf: D })).errors?.[0]?.message).toMatch(/^asOf: must be in 2024/);
    expect((await gql(EVAL, { year: 2025, divisionCode: '999999' })).errors?.[0]?.message).toMatch(
      /^divisionCode/,
    );
  });
});

describe('complianceRules', () => {
  it('lists every rule of rules.md, blockers that cannot be checked say why', async () => {
    const r = await gql<{
      complianceRules: { id: string; checkable: boolean; notCheckableBecause: string | null }[];
    }>('{ complianceRules { id checkable notCheckableBecause } }');
    expect(r.data?.complianceRules.length).toBe(RULES.length);
    expect(r.data?.complianceRules.filter((x) => x.checkable).map((x) => x.id)).toEqual([
      'GRD-1',
      'GRD-2',
      'GRD-3',
      'FIL-1',
      'FIL-2',
      'FIL-3',
      'ASM-1',
      'ASM-2',
      'ASM-3',
      'ASM-4',
      'ASM-5',
      'ASM-6',
      'RCT-1',
      'RCT-2',
      'SUP-1',
      'SUP-2',
      'SUP-3',
      'SUP-4',
      'CRY-1',
      'CII-1',
      'CII-2',
      'CII-3',
      'CII-4',
      'CII-5',
      'CII-6',
      'CII-7',
      'CII-8',
      'CII-9',
      'MON-1',
      'MON-2',
      'INC-1',
      'DRL-1',
      'INS-1',
    ]);
    expect(
      r.data?.complianceRules.every((x) => x.checkable || (x.notCheckableBecause ?? '').length > 0),
    ).toBe(true);
  });
});

describe('CSV export link', () => {
  const LINK = `query($scope: ComplianceScope!, $asOf: Date) { complianceExport(scope: $scope, asOf: $asOf) { url expiresAt } }`;
  it('serves the findings as UTF-8 CSV with a BOM, for the caller’s jurisdiction only', async () => {
    const yc = { sub: 'yc', role: 'COUNTY_POLICE' as const, division: '140522' };
    const r = await gql<{ complianceExport: { url: string } }>(LINK, { scope: { city: true }, asOf: D }, yc);
    expect(r.errors).toBeUndefined();
    const res = await app.fetch(`http://localhost${r.data?.complianceExport.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes).toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(CSV_HEADERS);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'ASM-1',
      'ASM-2',
      'ASM-3',
      'CRY-1',
      'DRL-1',
      'FIL-1',
      'FIL-2',
      'FIL-2',
      'GRD-1',
      'GRD-2',
      'INC-1',
      // the later checks (compliance-checks-2.test.ts): s2L, s3a, sG never self-inspected; s3a, s3b
      // record no internet egress; vY serves s3b with no personnel recorded
      'INS-1',
      'INS-1',
      'INS-1',
      'MON-2',
      'MON-2',
      'RCT-1',
      'RCT-2',
      'SUP-1',
    ]);
  });
  it('refuses a tampered or missing token', async () => {
    const r = await gql<{ complianceExport: { url: string } }>(LINK, { scope: { city: true }, asOf: D });
    const url = r.data?.complianceExport.url as string;
    expect((await app.fetch(`http://localhost${url}x`)).status).toBe(401);
    expect((await app.fetch('http://localhost/compliance/export')).status).toBe(401);
  });
});

describe('supervised rectifications (挂牌督办) through the API', () => {
  const LIST = `mutation($input: ListSupervisedRectificationInput!) { listSupervisedRectification(input: $input) {
    __typename ... on MutationListSupervisedRectificationSuccess { data { id listedOn deadline } }
    ... on ValidationError { issues { field message } } } }`;
  const ADVANCE = `mutation($id: ID!, $input: AdvanceSupervisedRectificationInput!) { advanceSupervisedRectification(id: $id, input: $input) {
    __typename ... on MutationAdvanceSupervisedRectificationSuccess { data { delistedOn } }
    ... on ValidationError { issues { field message } } ... on NotFoundError { message } } }`;
  const rct2 = (asOf: string) => findings({ systemId: sys('sF2') }, asOf, { ruleIds: ['RCT-2'] }).then(brief);

  it('lists, advances and delists; the finding follows the dates', async () => {
    const bad = await gql<{ listSupervisedRectification: { __typename: string; issues: unknown[] } }>(LIST, {
      input: { systemId: sys('sF2'), title: 'x', listedOn: '2025-10-01', deadline: '2025-09-01' },
    });
    expect(bad.data?.listSupervisedRectification.__typename).toBe('ValidationError');
    expect(bad.data?.listSupervisedRectification.issues).toEqual([
      { field: 'input.deadline', message: expect.any(String) },
    ]);
    const r = await gql<{ listSupervisedRectification: { data: { id: string } } }>(LIST, {
      input: { systemId: sys('sF2'), title: 'Patch the VPN', listedOn: '2025-10-01', deadline: '2025-10-10' },
    });
    const id = r.data?.listSupervisedRectification.data.id as string;
    expect(id).toBeTruthy();
    expect((await rct2('2025-10-13')).map((x) => x.slice(2))).toEqual([['OVERDUE', '2025-10-10', 2, 3]]);
    const backwards = await gql<{
      advanceSupervisedRectification: { __typename: string; issues: unknown[] };
    }>(ADVANCE, { id, input: { verifiedOn: '2025-09-01' } });
    expect(backwards.data?.advanceSupervisedRectification.issues).toEqual([
      { field: 'input.verifiedOn', message: expect.any(String) },
    ]);
    const done = await gql<{ advanceSupervisedRectification: { data: { delistedOn: string } } }>(ADVANCE, {
      id,
      input: { rectifyingOn: '2025-10-02', verifiedOn: '2025-10-14', delistedOn: '2025-10-15' },
    });
    expect(done.data?.advanceSupervisedRectification.data.delistedOn).toBe('2025-10-15');
    expect(await rct2(D)).toEqual([]);
    // history: on 2025-10-13 it was still listed and overdue
    expect((await rct2('2025-10-13')).length).toBe(1);
  });
});

describe('change and cancellation filings (变更/撤销备案) through the API', () => {
  const RECORD = `mutation($input: RecordChangeFilingInput!) { recordChangeFiling(input: $input) {
    __typename ... on MutationRecordChangeFilingSuccess { data { id kind changedOn } }
    ... on ValidationError { issues { field message } } } }`;
  const FILE = `mutation($id: ID!, $filedOn: Date!) { fileChangeFiling(id: $id, filedOn: $filedOn) {
    __typename ... on MutationFileChangeFilingSuccess { data { filedOn } }
    ... on ValidationError { issues { field message } } } }`;
  const fil2 = (asOf: string) => findings({ systemId: sys('sF2') }, asOf, { ruleIds: ['FIL-2'] }).then(brief);

  it('records a change, finds it overdue, and files it', async () => {
    const bad = await gql<{ recordChangeFiling: { issues: unknown[] } }>(RECORD, {
      input: { systemId: sys('sF2'), kind: 'LEVEL_CHANGE', changedOn: '2025-09-26' },
    });
    expect(bad.data?.recordChangeFiling.issues).toEqual([
      { field: 'input.toLevel', message: expect.any(String) },
    ]);
    const r = await gql<{ recordChangeFiling: { data: { id: string } } }>(RECORD, {
      input: { systemId: sys('sF2'), kind: 'LEVEL_CHANGE', changedOn: '2025-09-26', toLevel: 3 },
    });
    const id = r.data?.recordChangeFiling.data.id as string;
    expect((await fil2(D)).map((x) => x.slice(2))).toEqual([['OVERDUE', '2025-10-16', 2, 4]]);
    const early = await gql<{ fileChangeFiling: { issues: unknown[] } }>(FILE, { id, filedOn: '2025-09-01' });
    expect(early.data?.fileChangeFiling.issues).toEqual([{ field: 'filedOn', message: expect.any(String) }]);
    const ok = await gql<{ fileChangeFiling: { data: { filedOn: string } } }>(FILE, {
      id,
      filedOn: '2025-10-17',
    });
    expect(ok.data?.fileChangeFiling.data.filedOn).toBe('2025-10-17');
    expect(await fil2(D)).toEqual([]);
    expect((await fil2('2025-10-16')).length).toBe(0);
    // filed a day late (2025-10-17): from the filing on, the duty is met (a late filing ends the finding)
    expect((await fil2('2025-10-17')).length).toBe(0);
  });
});

describe('CII-2: security body and head (专门安全管理机构及负责人)', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateOperatorInput!) { updateOperator(id: $id, input: $input) {
    __typename } }`;
  const cii2 = (asOf: string) =>
    findings({ operatorId: encodeGlobalID('Operator', 'opB') }, asOf, { ruleIds: ['CII-2'] }).then(brief);

  it('fires only while the operator runs a CII system (part of the CII from 2024-01-01)', async () => {
    expect(await cii2('2023-12-31')).toEqual([]);
    expect(await cii2('2024-01-01')).toEqual([
      ['CII-2', encodeGlobalID('Operator', 'opB'), 'UNMET', null, null, null],
    ]);
  });

  it('is met once the head is recorded through updateOperator; a missing body fires again', async () => {
    const id = encodeGlobalID('Operator', 'opB');
    const head = await gql<{ updateOperator: { __typename: string } }>(UPDATE, {
      id,
      input: { securityHead: 'Wang Wei' },
    });
    expect(head.data?.updateOperator.__typename).toBe('MutationUpdateOperatorSuccess');
    expect(await cii2(D)).toEqual([]);
    await gql(UPDATE, { id, input: { securityBody: null } });
    expect(await cii2(D)).toEqual([['CII-2', id, 'UNMET', null, null, null]]);
  });
});

describe('CII-8: security review before a procurement (网络安全审查)', () => {
  const RECORD = `mutation($input: RecordProcurementInput!) { recordProcurement(input: $input) {
    __typename ... on MutationRecordProcurementSuccess { data { id purchasedOn reviewPassedOn } }
    ... on ValidationError { issues { field message } } ... on NotFoundError { message } } }`;
  const REVIEW = `mutation($id: ID!, $on: Date!) { reviewProcurement(id: $id, reviewPassedOn: $on) {
    __typename ... on MutationReviewProcurementSuccess { data { reviewPassedOn } } } }`;
  const cii8 = (asOf: string) => findings({ systemId: sys('s3c') }, asOf, { ruleIds: ['CII-8'] }).then(brief);
  const pr1 = encodeGlobalID('Procurement', 'pr1');

  it('due on the purchase date: none on that day, overdue the next', async () => {
    expect(await cii8('2025-03-03')).toEqual([]);
    expect(await cii8('2025-03-04')).toEqual([['CII-8', pr1, 'OVERDUE', '2025-03-03', 1, 1]]);
  });

  it('records a procurement and its review through the API; the finding follows the dates', async () => {
    type R = { recordProcurement: { __typename: string; data?: { id: string }; issues?: unknown[] } };
    const bad = await gql<R>(RECORD, {
      input: { systemId: sys('s3c'), title: ' ', purchasedOn: '2025-10-01', affectsNationalSecurity: true },
    });
    expect(bad.data?.recordProcurement).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'input.title', message: 'is required' }],
    });
    const ok = await gql<R>(RECORD, {
      input: {
        systemId: sys('s3c'),
        title: 'Firewalls',
        purchasedOn: '2025-10-09',
        affectsNationalSecurity: true,
      },
    });
    expect(ok.data?.recordProcurement.__typename).toBe('MutationRecordProcurementSuccess');
    const id = ok.data?.recordProcurement.data?.id as string;
    expect((await cii8(D)).map((r) => r[1])).toEqual([pr1, id].sort());
    const reviewed = await gql<{ reviewProcurement: { __typename: string } }>(REVIEW, {
      id,
      on: '2025-10-15',
    });
    expect(reviewed.data?.reviewProcurement.__typename).toBe('MutationReviewProcurementSuccess');
    expect((await cii8(D)).map((r) => r[1])).toEqual([pr1]);
    // history: before the review it was a finding
    expect((await cii8('2025-10-14')).map((r) => r[1])).toEqual([pr1, id].sort());
  });
});

describe('INC-1: incidents reported to the filing police (网络安全事件报告)', () => {
  const RECORD = `mutation($input: RecordIncidentInput!) { recordIncident(input: $input) {
    __typename ... on MutationRecordIncidentSuccess { data { id discoveredAt reportedAt } }
    ... on ValidationError { issues { field message } } } }`;
  const REPORT = `mutation($id: ID!, $at: DateTime!) { reportIncident(id: $id, reportedAt: $at) {
    __typename ... on MutationReportIncidentSuccess { data { reportedAt } } } }`;
  const inc1 = (asOf: string) => findings({ systemId: sys('s3c') }, asOf, { ruleIds: ['INC-1'] }).then(brief);
  const i2 = encodeGlobalID('Incident', 'i2');
  type R = {
    recordIncident: {
      __typename: string;
      data?: { id: string };
      issues?: { field: string; message: string }[];
    };
  };

  it('a late report stays a finding from the day after the deadline; history before discovery is clean', async () => {
    expect(await inc1('2025-10-12')).toEqual([]);
    expect(await inc1('2025-10-13')).toEqual([]);
    expect(await inc1('2025-10-14')).toEqual([['INC-1', i2, 'OVERDUE', '2025-10-13', 1, 1]]);
  });

  it('validates instants and their order', async () => {
    const bad = await gql<R>(RECORD, {
      input: {
        systemId: sys('s3c'),
        title: 'Intrusion',
        severity: 'MAJOR',
        occurredAt: '2025-10-17 08:00',
        discoveredAt: '2025-10-16T23:30:00Z',
        reportedAt: '2025-10-16T23:00:00Z',
      },
    });
    expect(bad.data?.recordIncident.__typename).toBe('ValidationError');
    expect(bad.data?.recordIncident.issues?.map((i) => i.field)).toEqual([
      'input.occurredAt',
      'input.reportedAt',
    ]);
  });

  it('records an incident and its report through the API: 1 hour for a major incident of a CII system', async () => {
    const ok = await gql<R>(RECORD, {
      input: {
        systemId: sys('s3c'),
        title: 'Intrusion',
        severity: 'ESPECIALLY_MAJOR',
        occurredAt: '2025-10-16T23:00:00Z',
        discoveredAt: '2025-10-16T23:30:00Z',
      },
    });
    expect(ok.data?.recordIncident.__typename).toBe('MutationRecordIncidentSuccess');
    const id = ok.data?.recordIncident.data?.id as string;
    // discovered 07:30 on the 17th in Asia/Shanghai: due that day
    // ordered by database id: the new UUID sorts before 'i2'
    expect(await inc1(D)).toEqual([
      ['INC-1', id, 'OVERDUE', '2025-10-17', 1, 3],
      ['INC-1', i2, 'OVERDUE', '2025-10-13', 5, 7],
    ]);
    const reported = await gql<{ reportIncident: { __typename: string } }>(REPORT, {
      id,
      at: '2025-10-17T08:30:00+08:00',
    });
    expect(reported.data?.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
    expect(await inc1(D)).toEqual([['INC-1', i2, 'OVERDUE', '2025-10-13', 5, 7]]);
  });
});

describe('CII-7: data stored in China, cross-border transfers assessed (数据境内存储与出境评估)', () => {
  const RECORD = `mutation($input: RecordDataTransferInput!) { recordDataTransfer(input: $input) {
    __typename ... on MutationRecordDataTransferSuccess { data { id } } } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateDataTransferInput!) { updateDataTransfer(id: $id, input: $input) {
    __typename ... on ValidationError { issues { field message } } } }`;
  const cii7 = (asOf: string) => findings({ systemId: sys('s3c') }, asOf, { ruleIds: ['CII-7'] }).then(brief);
  const dt = (id: string) => encodeGlobalID('DataTransfer', id);

  it('a transfer is due its assessment when it starts; data stored abroad is a finding while stored', async () => {
    expect(await cii7('2025-06-02')).toEqual([['CII-7', dt('dt3'), 'UNMET', null, null, null]]);
    expect(await cii7('2025-09-30')).toEqual([
      ['CII-7', dt('dt1'), 'OVERDUE', '2025-06-02', 87, 120],
      ['CII-7', dt('dt3'), 'UNMET', null, null, null],
    ]);
    expect(await cii7('2025-10-01')).toEqual([['CII-7', dt('dt1'), 'OVERDUE', '2025-06-02', 87, 121]]);
    expect(await cii7('2023-12-31')).toEqual([]);
  });

  it('records, assesses and ends transfers through the API', async () => {
    const r = await gql<{ recordDataTransfer: { __typename: string; data: { id: string } } }>(RECORD, {
      input: {
        systemId: sys('s3c'),
        kind: 'STORED_ABROAD',
        dataCategory: 'PERSONAL_INFORMATION',
        destination: 'Oregon',
        startedOn: '2025-10-10',
      },
    });
    expect(r.data?.recordDataTransfer.__typename).toBe('MutationRecordDataTransferSuccess');
    const id = r.data?.recordDataTransfer.data.id as string;
    expect((await cii7(D)).map((x) => x[1]).sort()).toEqual([id, dt('dt1')].sort());
    const empty = await gql<{ updateDataTransfer: { issues: unknown[] } }>(UPDATE, { id, input: {} });
    expect(empty.data?.updateDataTransfer.issues).toEqual([
      { field: 'input', message: 'set assessedOn, endedOn or both' },
    ]);
    await gql(UPDATE, { id, input: { endedOn: '2025-10-15' } });
    await gql(UPDATE, { id: dt('dt1'), input: { assessedOn: '2025-10-16' } });
    expect(await cii7(D)).toEqual([]);
    expect((await cii7('2025-10-14')).map((x) => x[1]).sort()).toEqual([id, dt('dt1')].sort());
  });
});

describe('GRD-2 / GRD-3: expert review and approval of the grading (专家评审/核准)', () => {
  const RECORD = `mutation($input: RecordGradingReviewInput!) { recordGradingReview(input: $input) {
    __typename ... on MutationRecordGradingReviewSuccess { data { expertReviewedOn competentApprovedOn } }
    ... on ValidationError { issues { field message } } } }`;
  const grd = (id: string, asOf: string) =>
    findings({ systemId: sys(id) }, asOf, { ruleIds: ['GRD-2', 'GRD-3'] }).then(brief);

  it('due on the filing date: none that day, overdue the next', async () => {
    expect(await grd('s2L', '2022-05-05')).toEqual([]);
    expect(await grd('s2L', '2022-05-06')).toEqual([['GRD-2', sys('s2L'), 'OVERDUE', '2022-05-05', 1, 1]]);
  });

  it('records the dates through the API; approval before the review is refused', async () => {
    const bad = await gql<{ recordGradingReview: { issues: unknown[] } }>(RECORD, {
      input: { systemId: sys('s3c'), competentApprovedOn: '2019-09-01' },
    });
    expect(bad.data?.recordGradingReview.issues).toEqual([
      { field: 'input.competentApprovedOn', message: 'end date 2019-09-01 is before start date 2019-10-01' },
    ]);
    const ok = await gql<{ recordGradingReview: { data: unknown } }>(RECORD, {
      input: { systemId: sys('s3c'), competentApprovedOn: '2019-10-05' },
    });
    expect(ok.data?.recordGradingReview.data).toEqual({
      expertReviewedOn: '2019-10-01',
      competentApprovedOn: '2019-10-05',
    });
    expect(await grd('s3c', D)).toEqual([]);
    await gql(RECORD, { input: { systemId: sys('s2L'), expertReviewedOn: '2022-05-01' } });
    expect(await grd('s2L', D)).toEqual([]);
  });
});

describe('DRL-1: emergency drills (应急演练)', () => {
  const RECORD = `mutation($input: RecordDrillInput!) { recordDrill(input: $input) {
    __typename ... on MutationRecordDrillSuccess { data { heldOn } } ... on ValidationError { issues { field message } } } }`;
  const drl = (asOf: string) => findings({ systemId: sys('s3a') }, asOf, { ruleIds: ['DRL-1'] }).then(brief);

  it('due a year after go-live without a drill: none on the due date, overdue after', async () => {
    expect(await drl('2025-03-01')).toEqual([]);
    expect(await drl('2025-03-03')).toEqual([['DRL-1', sys('s3a'), 'OVERDUE', '2025-03-01', 1, 2]]);
  });

  it('a drill recorded through the API restarts the year', async () => {
    const bad = await gql<{ recordDrill: { issues: unknown[] } }>(RECORD, {
      input: { systemId: sys('s3a'), title: 'Failover', heldOn: '2025-02-30' },
    });
    expect(bad.data?.recordDrill.issues).toEqual([
      { field: 'input.heldOn', message: '"2025-02-30": is not a real calendar date' },
    ]);
    const ok = await gql<{ recordDrill: { __typename: string } }>(RECORD, {
      input: { systemId: sys('s3a'), title: 'Failover', heldOn: '2025-10-01' },
    });
    expect(ok.data?.recordDrill.__typename).toBe('MutationRecordDrillSuccess');
    expect(await drl(D)).toEqual([]);
    expect(await drl('2025-09-30')).toEqual([['DRL-1', sys('s3a'), 'OVERDUE', '2025-03-01', 149, 213]]);
  });
});
