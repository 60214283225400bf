/**
 * Compliance inputs, part 2: FIL-3 (filing acceptance and certificate), ASM-4 (report submissions),
 * ASM-5 (confidentiality agreement), ASM-6 (institution and assessor background checks), CII-1
 * (designation: department and notifications) and CII-6 (disaster backups). Each rule: fires, does
 * not fire, its boundary and an earlier asOf; the inputs go in through their mutations where there
 * is one, with their validation; reading them back respects personal data. Expected values worked
 * out by hand.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const RULES_2 = ['FIL-3', 'ASM-4', 'ASM-5', 'ASM-6', 'CII-1', 'CII-6'];
const D = '2025-10-20'; // a Monday

/*
 * opP Yangcheng Grid (140522, ENERGY, competent department NEA Shanxi), opQ Zezhou Credit (140525,
 * FINANCE, no competent department).
 * FIL-3 (systems of opP, created/updated through createSystem/updateSystem in the tests):
 *   sA filed 2025-09-25, accepted 2025-09-26, no certificate   → due WD(09-26, 10) = 2025-10-16
 *   sB accepted 2025-09-26, certificate 2025-10-16             → on time on the last day
 *   sC accepted 2025-09-26, certificate 2025-10-20             → overdue 10-17..10-19, met from 10-20
 * ASM-4/5/6 (assessments made here; dates and assessors through the mutations):
 *   s3P (opP): aP1 LEVEL 2025-03-01, no institution, nothing recorded (superseded by aP2)
 *              aP2 LEVEL 2025-06-02 by vI: police 06-10, department never → ASM-4 (opP has one);
 *              agreement signed 06-02 (on the day: met); vI's checks: PASSED 2022-06-02..2025-06-01
 *              and PASSED from 2025-06-03 → none valid on 06-02 → ASM-6 (vendor vI);
 *              assessors pX (PASSED 2024-01-01..2027-01-01) and pY (FAILED 2025-01-01) → ASM-6 (pY)
 *   s3Q (opQ): aQ1 LEVEL 2025-06-02 by vJ: police 06-10 (no department needed) → met from 06-10;
 *              agreement signed 06-03, after the assessment → ASM-5; vJ checked PASSED
 *              2022-06-02..2025-06-02 (valid on its last day) → no institution finding; no assessors
 *              → ASM-6 (NO_ASSESSORS)
 * CII-1: ciiA (s3Q from 2025-01-10) identified 2025-01-10 by depF, operator notified 01-15, police 01-20
 *        → a finding up to 01-19 only; ciiB (s3P from 2025-02-01) identified 2025-02-01 by no
 *        department, both notified 02-02 → always a finding
 * CII-6: s3Q backup from 2025-03-01 (recordDisasterBackup) → a finding 01-10..02-28 only;
 *        s3P backup 2025-01-01..2025-08-31 (ended with updateDisasterBackup) → a finding from 09-01
 */
const GRAPH = `
CREATE (opP:Operator {id: 'opP', name: 'Yangcheng Grid', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false, competentDepartment: 'NEA Shanxi'})
CREATE (opQ:Operator {id: 'opQ', name: 'Zezhou Credit', uscc: '91140525000000002B', divisionCode: '140525', sectorCode: 'FINANCE', inDevelopmentZone: false})
CREATE (opP)-[:OPERATES]->(s3P:System {id: 's3P', name: 'P3', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), filingNumber: '14052200001-20001', liveOn: date('2020-03-01')})
CREATE (opQ)-[:OPERATES]->(s3Q:System {id: 's3Q', name: 'Q3', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), filingNumber: '14052500001-20001', liveOn: date('2020-03-01')})
CREATE (vI:Vendor {id: 'vI', name: 'Inst I', uscc: '91140500000000003C', registrationStatus: 'REGISTERED', registeredOn: date('2015-01-01')})
CREATE (vJ:Vendor {id: 'vJ', name: 'Inst J', uscc: '91140500000000004D', registrationStatus: 'REGISTERED', registeredOn: date('2015-01-01')})
CREATE (:Assessment {id: 'aP1', kind: 'LEVEL', on: date('2025-03-01'), conclusion: 'GOOD'})-[:ASSESSES]->(s3P)
CREATE (vI)-[:PERFORMED]->(:Assessment {id: 'aP2', kind: 'LEVEL', on: date('2025-06-02'), conclusion: 'GOOD'})-[:ASSESSES]->(s3P)
CREATE (vJ)-[:PERFORMED]->(:Assessment {id: 'aQ1', kind: 'LEVEL', on: date('2025-06-02'), conclusion: 'GOOD'})-[:ASSESSES]->(s3Q)
CREATE (vI)-[:SERVES {id: 'svI', kind: 'LEVEL_ASSESSMENT', remote: false, from: date('2025-05-01')}]->(s3P)
CREATE (vJ)-[:SERVES {id: 'svJ', kind: 'LEVEL_ASSESSMENT', remote: false, from: date('2025-05-01')}]->(s3Q)
CREATE (pX:Person {id: 'pX', name: 'Assessor X', residentIdMasked: '140522********0011'})
CREATE (pY:Person {id: 'pY', name: 'Assessor Y', residentIdMasked: '140522********0022'})
CREATE (pX)-[:WORKS_FOR {id: 'wX', from: date('2020-01-01'), keyPosition: false}]->(vI)
CREATE (pY)-[:WORKS_FOR {id: 'wY', from: date('2020-01-01'), keyPosition: false}]->(vI)
CREATE (pX)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cX', status: 'PASSED', checkedOn: date('2024-01-01'), expiresOn: date('2027-01-01'), checkedBy: 'City PSB'})
CREATE (pY)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cY', status: 'FAILED', checkedOn: date('2025-01-01'), checkedBy: 'City PSB'})
CREATE (dep:ProtectionDepartment {id: 'depF', name: 'PBOC Jincheng', divisionCode: '140500'})
CREATE (ciiA:CriticalInfrastructure {id: 'ciiA', name: 'Credit', sectorCode: 'FINANCE', identifiedOn: date('2025-01-10'), operatorNotifiedOn: date('2025-01-15'), policeNotifiedOn: date('2025-01-20')})
CREATE (dep)-[:IDENTIFIED {on: date('2025-01-10')}]->(ciiA)
CREATE (ciiB:CriticalInfrastructure {id: 'ciiB', name: 'Grid', sectorCode: 'ENERGY', identifiedOn: date('2025-02-01'), operatorNotifiedOn: date('2025-02-02'), policeNotifiedOn: date('2025-02-02')})
CREATE (s3Q)-[:PART_OF {id: 'mQ', from: date('2025-01-10')}]->(ciiA)
CREATE (s3P)-[:PART_OF {id: 'mP', from: date('2025-02-01')}]->(ciiB)
`;

const ids = {
  opP: encodeGlobalID('Operator', 'opP'),
  aP1: encodeGlobalID('Assessment', 'aP1'),
  aP2: encodeGlobalID('Assessment', 'aP2'),
  aQ1: encodeGlobalID('Assessment', 'aQ1'),
  pX: encodeGlobalID('Person', 'pX'),
  pY: encodeGlobalID('Person', 'pY'),
  vI: encodeGlobalID('Vendor', 'vI'),
  vJ: encodeGlobalID('Vendor', 'vJ'),
  s3P: encodeGlobalID('System', 's3P'),
  s3Q: encodeGlobalID('System', 's3Q'),
};
const systems: Record<string, string> = {};

interface Result {
  __typename: string;
  message?: string;
  issues?: { field: string; message: string }[];
  data?: Record<string, unknown>;
}

async function mutate(name: string, args: string, vars: Record<string, unknown>, fields = 'id') {
  const doc = `mutation(${args}) { r: ${name}(${args
    .split(',')
    .map((a) => a.trim().split(':')[0]?.slice(1))
    .map((a) => `${a}: $${a}`)
    .join(', ')}) {
    __typename
    ... on ValidationError { message issues { field message } }
    ... on NotFoundError { message }
    ... on ConflictError { message }
    ... on ${`Mutation${name[0]?.toUpperCase()}${name.slice(1)}Success`} { data { ${fields} } }
  } }`;
  const r = await gql<{ r: Result }>(doc, vars);
  expect(r.errors).toBeUndefined();
  return r.data?.r as Result;
}

const ok = (r: Result) => {
  expect(r.__typename, JSON.stringify(r)).toMatch(/Success$/);
  return r.data as Record<string, unknown>;
};

const createSystem = (input: Record<string, unknown>) =>
  mutate(
    'createSystem',
    '$input: CreateSystemInput!',
    { input },
    'id filingAcceptedOn filingCertificateIssuedOn',
  );
const engagement = (assessmentId: string, input: Record<string, unknown>) =>
  mutate(
    'recordAssessmentEngagement',
    '$assessmentId: ID!, $input: RecordAssessmentEngagementInput!',
    { assessmentId, input },
    'id reportSubmittedToPoliceOn reportSubmittedToDepartmentOn confidentialityAgreementSignedOn',
  );
const assessor = (name: 'addAssessor' | 'removeAssessor', assessmentId: string, personId: string) =>
  mutate(name, '$input: AssessorInput!', { input: { assessmentId, personId } });
const institutionCheck = (input: Record<string, unknown>) =>
  mutate('recordInstitutionCheck', '$input: RecordInstitutionCheckInput!', { input }, 'id status checkedOn');

const FILING = {
  operatorId: encodeGlobalID('Operator', 'opP'),
  protectionLevel: 2,
  status: 'UNDER_CONSTRUCTION',
  levelDeterminedOn: '2025-09-20',
  filedOn: '2025-09-25',
};

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
  for (const [key, n, extra] of [
    ['sA', 1, { filingAcceptedOn: '2025-09-26' }],
    ['sB', 2, { filingAcceptedOn: '2025-09-26', filingCertificateIssuedOn: '2025-10-16' }],
    ['sC', 3, { filingAcceptedOn: '2025-09-26' }],
  ] as const) {
    const data = ok(
      await createSystem({ ...FILING, name: key, filingNumber: `14052200001-2500${n}`, ...extra }),
    );
    systems[key] = data.id as string;
  }
  // sC's certificate comes later, through updateSystem.
  ok(
    await mutate(
      'updateSystem',
      '$id: ID!, $input: UpdateSystemInput!',
      { id: systems.sC, input: { filingCertificateIssuedOn: '2025-10-20' } },
      'filingCertificateIssuedOn',
    ),
  );
  ok(
    await engagement(ids.aP2, {
      reportSubmittedToPoliceOn: '2025-06-10',
      confidentialityAgreementSignedOn: '2025-06-02',
    }),
  );
  ok(await engagement(ids.aQ1, { reportSubmittedToPoliceOn: '2025-06-10' }));
  ok(await engagement(ids.aQ1, { confidentialityAgreementSignedOn: '2025-06-03' }));
  ok(await assessor('addAssessor', ids.aP2, ids.pX));
  ok(await assessor('addAssessor', ids.aP2, ids.pY));
  for (const input of [
    {
      vendorId: ids.vI,
      status: 'PASSED',
      checkedOn: '2022-06-02',
      expiresOn: '2025-06-01',
      checkedBy: 'City PSB',
    },
    {
      vendorId: ids.vI,
      status: 'PASSED',
      checkedOn: '2025-06-03',
      expiresOn: '2028-06-02',
      checkedBy: 'City PSB',
    },
    {
      vendorId: ids.vJ,
      status: 'PASSED',
      checkedOn: '2022-06-02',
      expiresOn: '2025-06-02',
      checkedBy: 'City PSB',
    },
  ])
    ok(await institutionCheck(input));
  ok(
    await mutate('recordDisasterBackup', '$input: RecordDisasterBackupInput!', {
      input: { systemId: ids.s3Q, kind: 'REMOTE', site: 'Taiyuan', establishedOn: '2025-03-01' },
    }),
  );
  const p = ok(
    await mutate('recordDisasterBackup', '$input: RecordDisasterBackupInput!', {
      input: {
        systemId: ids.s3P,
        kind: 'SAME_CITY',
        site: 'Jincheng DC 2',
        establishedOn: '2025-01-01',
        lastVerifiedOn: '2025-05-01',
      },
    }),
  );
  ok(
    await mutate(
      'updateDisasterBackup',
      '$id: ID!, $input: UpdateDisasterBackupInput!',
      { id: p.id, input: { endedOn: '2025-08-31' } },
      'endedOn',
    ),
  );
});

const QUERY = `query($scope: ComplianceScope!, $asOf: Date, $ruleIds: [String!]) {
  compliance(scope: $scope, asOf: $asOf, ruleIds: $ruleIds, first: 100) {
    totalCount
    edges { node { key ruleId severity status subjectType subjectId subjectName dueOn workingDaysOverdue calendarDaysOverdue facts { name value } } }
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
  facts: { name: string; value: string | null }[];
}

async function findings(
  scope: Record<string, unknown>,
  asOf: string,
  ruleIds: string[] = RULES_2,
  as?: Parameters<typeof gql>[2],
) {
  const r = await gql<{ compliance: { totalCount: number; edges: { node: Node }[] } }>(
    QUERY,
    { scope, asOf, ruleIds },
    as,
  );
  expect(r.errors).toBeUndefined();
  return (r.data?.compliance.edges ?? []).map((e) => e.node);
}
const brief = (nodes: Node[]) =>
  nodes.map((n) => [
    n.ruleId,
    n.key.split('/').slice(1).join('/'),
    n.status,
    n.dueOn,
    n.workingDaysOverdue,
    n.calendarDaysOverdue,
  ]);
const facts = (n: Node | undefined) => Object.fromEntries((n?.facts ?? []).map((f) => [f.name, f.value]));

describe('compliance inputs part 2: the city at D', () => {
  it('gives exactly the expected findings of the six rules', async () => {
    const nodes = await findings({ city: true }, D);
    const sA = systems.sA as string;
    const sAId = Buffer.from(sA, 'base64').toString().split(':')[1];
    expect(brief(nodes)).toEqual([
      ['ASM-4', 'aP2/', 'UNMET', null, null, null],
      ['ASM-5', 'aQ1/', 'UNMET', null, null, null],
      ['ASM-6', 'aQ1/NO_ASSESSORS', 'UNMET', null, null, null],
      ['ASM-6', 'pY/aP2', 'UNMET', null, null, null],
      ['ASM-6', 'vI/aP2', 'UNMET', null, null, null],
      ['CII-1', 'ciiB/opP', 'UNMET', null, null, null],
      ['CII-6', 's3P/', 'UNMET', null, null, null],
      ['FIL-3', `${sAId}/`, 'OVERDUE', '2025-10-16', 2, 4],
    ]);
    expect(nodes.map((n) => n.severity)).toEqual(Array(8).fill('MAJOR'));
    expect(nodes.map((n) => [n.subjectType, n.subjectId])).toEqual([
      ['Assessment', ids.aP2],
      ['Assessment', ids.aQ1],
      ['Assessment', ids.aQ1],
      ['Person', ids.pY],
      ['Vendor', ids.vI],
      ['CriticalInfrastructure', encodeGlobalID('CriticalInfrastructure', 'ciiB')],
      ['System', ids.s3P],
      ['System', sA],
    ]);
    expect(facts(nodes[0])).toEqual({
      assessedOn: '2025-06-02',
      competentDepartment: 'NEA Shanxi',
      reportSubmittedToDepartmentOn: null,
      reportSubmittedToPoliceOn: '2025-06-10',
    });
    expect(facts(nodes[1])).toEqual({
      assessedOn: '2025-06-02',
      confidentialityAgreementSignedOn: '2025-06-03',
      institution: 'Inst J',
    });
    expect(facts(nodes[3])).toMatchObject({ problem: 'ASSESSOR_NOT_CHECKED', checkStatus: 'FAILED' });
    expect(nodes[3]?.subjectName).toBe('Assessor Y');
    expect(facts(nodes[4])).toMatchObject({
      problem: 'INSTITUTION_NOT_CHECKED',
      checkStatus: 'PASSED',
      checkedOn: '2022-06-02',
      checkExpiresOn: '2025-06-01',
    });
    expect(facts(nodes[5])).toEqual({
      identifiedOn: '2025-02-01',
      operatorNotifiedOn: '2025-02-02',
      policeNotifiedOn: '2025-02-02',
      protectionDepartment: null,
    });
    expect(facts(nodes[6])).toEqual({
      ciiSince: '2025-02-01',
      lastBackupEndedOn: '2025-08-31',
      protectionLevel: '3',
    });
    expect(facts(nodes[7])).toMatchObject({
      filingAcceptedOn: '2025-09-26',
      filingCertificateIssuedOn: null,
    });
  });

  it('the catalogue lists the six rules as checkable', async () => {
    const r = await gql<{
      complianceRules: { id: string; checkable: boolean; notCheckableBecause: string | null }[];
    }>('{ complianceRules { id checkable notCheckableBecause } }');
    const rules = r.data?.complianceRules.filter((x) => RULES_2.includes(x.id));
    expect(rules?.map((x) => [x.id, x.checkable, x.notCheckableBecause]).sort()).toEqual(
      [...RULES_2].sort().map((id) => [id, true, null]),
    );
  });
});

describe('FIL-3: filing certificate within 10 working days of acceptance', () => {
  const at = (key: string, asOf: string) =>
    findings({ systemId: systems[key] }, asOf, ['FIL-3']).then((n) =>
      n.map((x) => [x.status, x.dueOn, x.workingDaysOverdue, x.calendarDaysOverdue]),
    );
  it('the 10th working day after 2025-09-26 (National Day, make-up workdays) is 2025-10-16', async () => {
    expect(await at('sA', '2025-10-16')).toEqual([]);
    expect(await at('sA', '2025-10-17')).toEqual([['OVERDUE', '2025-10-16', 1, 1]]);
  });
  it('a certificate on the last day is on time; a late one ends the finding when issued', async () => {
    expect(await at('sB', '2025-10-17')).toEqual([]);
    expect(await at('sC', '2025-10-19')).toEqual([['OVERDUE', '2025-10-16', 1, 3]]);
    expect(await at('sC', '2025-10-20')).toEqual([]);
  });
  it('earlier asOf: before the acceptance there is no duty', async () => {
    expect(await at('sA', '2025-09-25')).toEqual([]);
  });
  it('the upcoming certificate is listed by upcomingDeadlines', async () => {
    const r = await gql<{ upcomingDeadlines: { edges: { node: { ruleId: string; dueOn: string } }[] } }>(
      `query($scope: ComplianceScope!) { upcomingDeadlines(scope: $scope, asOf: "2025-10-01", withinDays: 30, first: 50) {
        edges { node { ruleId dueOn } } } }`,
      { scope: { systemId: systems.sA } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.upcomingDeadlines.edges.map((e) => e.node)).toEqual([
      { ruleId: 'FIL-3', dueOn: '2025-10-16' },
    ]);
  });
  it('validates the order filed → accepted → certificate', async () => {
    const base = { ...FILING, name: 'bad', filingNumber: '14052200001-25009' };
    const issues = async (extra: Record<string, unknown>) =>
      (await createSystem({ ...base, ...extra })).issues;
    expect(await issues({ filingAcceptedOn: '2025-09-24' })).toEqual([
      { field: 'input.filingAcceptedOn', message: expect.any(String) },
    ]);
    expect(await issues({ filingAcceptedOn: '2025-09-26', filingCertificateIssuedOn: '2025-09-25' })).toEqual(
      [{ field: 'input.filingCertificateIssuedOn', message: expect.any(String) }],
    );
    expect(await issues({ filingCertificateIssuedOn: '2025-09-30' })).toEqual([
      { field: 'input.filingCertificateIssuedOn', message: 'needs the acceptance date (filingAcceptedOn)' },
    ]);
    const { filedOn: _, filingNumber: __, ...unfiled } = base;
    expect((await createSystem({ ...unfiled, filingAcceptedOn: '2025-09-26' })).issues).toEqual([
      { field: 'input.filingAcceptedOn', message: 'needs the filing date (filedOn)' },
    ]);
    // moving the filing after the acceptance is refused as well
    const moved = await mutate('updateSystem', '$id: ID!, $input: UpdateSystemInput!', {
      id: systems.sB,
      input: { filedOn: '2025-09-27' },
    });
    expect(moved.issues).toEqual([{ field: 'input.filingAcceptedOn', message: expect.any(String) }]);
  });
});

describe('ASM-4: report submitted to the police and the competent department', () => {
  it('the police submission date is the boundary; no department needed without one', async () => {
    expect(brief(await findings({ systemId: ids.s3Q }, '2025-06-09', ['ASM-4']))).toEqual([
      ['ASM-4', 'aQ1/', 'UNMET', null, null, null],
    ]);
    expect(await findings({ systemId: ids.s3Q }, '2025-06-10', ['ASM-4'])).toEqual([]);
  });
  it('earlier asOf: the assessment in force then (aP1, nothing submitted) is checked', async () => {
    expect(brief(await findings({ systemId: ids.s3P }, '2025-05-01', ['ASM-4']))).toEqual([
      ['ASM-4', 'aP1/', 'UNMET', null, null, null],
    ]);
    expect(await findings({ systemId: ids.s3P }, '2025-02-28', ['ASM-4'])).toEqual([]);
  });
  it('validates: at least one date, none before the assessment, the assessment must exist', async () => {
    expect((await engagement(ids.aQ1, {})).issues?.map((i) => i.field)).toEqual(['input']);
    expect((await engagement(ids.aQ1, { reportSubmittedToPoliceOn: '2025-06-01' })).issues).toEqual([
      { field: 'input.reportSubmittedToPoliceOn', message: expect.any(String) },
    ]);
    expect(
      (await engagement(encodeGlobalID('Assessment', 'nope'), { reportSubmittedToPoliceOn: '2025-06-10' }))
        .__typename,
    ).toBe('NotFoundError');
  });
});

describe('ASM-5: confidentiality agreement on or before the assessment', () => {
  it('signed on the day is met, signed the day after is a finding', async () => {
    expect(brief(await findings({ city: true }, '2025-06-05', ['ASM-5']))).toEqual([
      ['ASM-5', 'aQ1/', 'UNMET', null, null, null],
    ]);
  });
  it('earlier asOf: aP1 without any agreement', async () => {
    expect(brief(await findings({ city: true }, '2025-05-01', ['ASM-5']))).toEqual([
      ['ASM-5', 'aP1/', 'UNMET', null, null, null],
    ]);
  });
});

describe('ASM-6: institution and assessors background-checked', () => {
  it('an institution check valid on its last day is enough', async () => {
    const q = await findings({ systemId: ids.s3Q }, D, ['ASM-6']);
    expect(brief(q)).toEqual([['ASM-6', 'aQ1/NO_ASSESSORS', 'UNMET', null, null, null]]);
  });
  it('adding a checked assessor ends NO_ASSESSORS; the duplicate is a conflict; removing restores it', async () => {
    ok(await assessor('addAssessor', ids.aQ1, ids.pX));
    expect(await findings({ systemId: ids.s3Q }, D, ['ASM-6'])).toEqual([]);
    expect((await assessor('addAssessor', ids.aQ1, ids.pX)).__typename).toBe('ConflictError');
    ok(await assessor('removeAssessor', ids.aQ1, ids.pX));
    expect((await assessor('removeAssessor', ids.aQ1, ids.pX)).__typename).toBe('NotFoundError');
    expect(brief(await findings({ systemId: ids.s3Q }, D, ['ASM-6']))).toEqual([
      ['ASM-6', 'aQ1/NO_ASSESSORS', 'UNMET', null, null, null],
    ]);
  });
  it('earlier asOf: aP1 had no institution and no assessors recorded', async () => {
    expect(brief(await findings({ systemId: ids.s3P }, '2025-05-01', ['ASM-6']))).toEqual([
      ['ASM-6', 'aP1/INSTITUTION_NOT_RECORDED', 'UNMET', null, null, null],
      ['ASM-6', 'aP1/NO_ASSESSORS', 'UNMET', null, null, null],
    ]);
  });
  it('validates institution checks', async () => {
    const r = await institutionCheck({
      vendorId: ids.vJ,
      status: 'PASSED',
      checkedOn: '2025-06-02',
      expiresOn: '2025-06-01',
      checkedBy: ' ',
    });
    expect(r.issues?.map((i) => i.field).sort()).toEqual(['input.checkedBy', 'input.expiresOn']);
  });
  it('assessors are readable on the assessment; names only for police roles', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on Assessment { reportSubmittedToPoliceOn confidentialityAgreementSignedOn
      assessors(first: 10) { edges { node { id name } } } } } }`;
    const police = await gql<{ node: Record<string, unknown> }>(
      Q,
      { id: ids.aP2 },
      { sub: 'cp', role: 'CITY_POLICE' },
    );
    expect(police.data?.node).toEqual({
      reportSubmittedToPoliceOn: '2025-06-10',
      confidentialityAgreementSignedOn: '2025-06-02',
      assessors: {
        edges: [{ node: { id: ids.pX, name: 'Assessor X' } }, { node: { id: ids.pY, name: 'Assessor Y' } }],
      },
    });
    const dept = { sub: 'd', role: 'PROTECTION_DEPARTMENT' as const, sectors: ['ENERGY'] };
    const seen = await gql<{ node: { assessors: { edges: { node: { name: string | null } }[] } } }>(
      Q,
      { id: ids.aP2 },
      dept,
    );
    expect(seen.data?.node.assessors.edges.map((e) => e.node.name)).toEqual([null, null]);
    const asm6 = await findings({ city: true }, D, ['ASM-6'], dept);
    expect(asm6.map((n) => [n.subjectType, n.subjectName])).toEqual([
      ['Person', null],
      ['Vendor', 'Inst I'],
    ]);
    // the other county's police sees neither the assessment nor its findings
    const yc = { sub: 'zz', role: 'COUNTY_POLICE' as const, division: '140525' };
    expect((await gql<{ node: unknown }>(Q, { id: ids.aP2 }, yc)).data?.node).toBeNull();
    expect(brief(await findings({ city: true }, D, ['ASM-6'], yc))).toEqual([
      ['ASM-6', 'aQ1/NO_ASSESSORS', 'UNMET', null, null, null],
    ]);
  });
});

describe('CII-1: the designation names its department and records the notifications', () => {
  it('fires until the police are notified (boundary 2025-01-20)', async () => {
    expect(brief(await findings({ systemId: ids.s3Q }, '2025-01-19', ['CII-1']))).toEqual([
      ['CII-1', 'ciiA/opQ', 'UNMET', null, null, null],
    ]);
    expect(await findings({ systemId: ids.s3Q }, '2025-01-20', ['CII-1'])).toEqual([]);
  });
  it('earlier asOf: before the designation there is no duty', async () => {
    expect(await findings({ city: true }, '2025-01-09', ['CII-1'])).toEqual([]);
  });
  it('without a department it fires whatever the notifications', async () => {
    expect(brief(await findings({ operatorId: ids.opP }, '2025-03-01', ['CII-1']))).toEqual([
      ['CII-1', 'ciiB/opP', 'UNMET', null, null, null],
    ]);
  });
});

describe('CII-6: disaster backup of CII systems', () => {
  it('a backup in force from its first day', async () => {
    expect(brief(await findings({ systemId: ids.s3Q }, '2025-02-28', ['CII-6']))).toEqual([
      ['CII-6', 's3Q/', 'UNMET', null, null, null],
    ]);
    expect(await findings({ systemId: ids.s3Q }, '2025-03-01', ['CII-6'])).toEqual([]);
  });
  it('an ended backup counts up to its last day', async () => {
    expect(await findings({ systemId: ids.s3P }, '2025-08-31', ['CII-6'])).toEqual([]);
    expect(brief(await findings({ systemId: ids.s3P }, '2025-09-01', ['CII-6']))).toEqual([
      ['CII-6', 's3P/', 'UNMET', null, null, null],
    ]);
  });
  it('earlier asOf: not yet part of a CII, no duty', async () => {
    expect(await findings({ city: true }, '2025-01-09', ['CII-6'])).toEqual([]);
  });
  it('backups are readable on the system, filtered by activeOn', async () => {
    const Q = `query($id: ID!, $on: Date) { node(id: $id) { ... on System { disasterBackups(first: 5, activeOn: $on) {
      edges { node { kind site establishedOn endedOn lastVerifiedOn } } } } } }`;
    const all = await gql<{ node: { disasterBackups: { edges: { node: unknown }[] } } }>(Q, { id: ids.s3P });
    expect(all.data?.node.disasterBackups.edges.map((e) => e.node)).toEqual([
      {
        kind: 'SAME_CITY',
        site: 'Jincheng DC 2',
        establishedOn: '2025-01-01',
        endedOn: '2025-08-31',
        lastVerifiedOn: '2025-05-01',
      },
    ]);
    const later = await gql<{ node: { disasterBackups: { edges: unknown[] } } }>(Q, {
      id: ids.s3P,
      on: '2025-09-01',
    });
    expect(later.data?.node.disasterBackups.edges).toEqual([]);
  });
  it('validates backups: dates in order, the end not before the last verification', async () => {
    const r = await mutate('recordDisasterBackup', '$input: RecordDisasterBackupInput!', {
      input: {
        systemId: ids.s3Q,
        kind: 'REMOTE',
        site: ' ',
        establishedOn: '2025-03-01',
        endedOn: '2025-02-01',
      },
    });
    expect(r.issues?.map((i) => i.field).sort()).toEqual(['input.endedOn', 'input.site']);
  });
});
