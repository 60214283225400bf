/**
 * The later compliance checks: SUP-1 (partial), SUP-3, SUP-4, CII-5, CII-9, MON-1, MON-2, INS-1, on a
 * small hand-made graph, and their inputs through the API (monitoring registrations, internet
 * egresses and monitoring devices, self-inspections, exposure justifications). Each rule fires, does
 * not fire, its boundary day, and an earlier asOf. Expected values worked out by hand.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { complianceFindings } from '../../server/compliance/engine.js';
import { CITY_SCOPE } from '../../server/principal.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

const D = '2025-10-20'; // a Monday

/*
 * opA Yangcheng Power (140522, ENERGY): s3 level 3 live 2024-01-01; s2 level 2 live 2022-01-01;
 *   sX level 3 live 2020-01-01, decommissioned 2025-01-01.
 * opB Zezhou Bank (140525, FINANCE): sC level 2 live 2023-01-01, part of the CII cii1 from 2024-06-01.
 * Vendors: vR registered 2020; vU unregistered; vL registered only on 2026-01-10; vM (monitoring)
 *   registered 2020.
 * Services: vR OPERATIONS s3 from 2024-01-01 (its pR has access to s3); vU TECHNICAL_SERVICE s3 from
 *   2025-01-01 (nobody recorded) → SUP-1; vL DESIGN sC from 2025-06-01; vR REMOTE_OPERATIONS sC from
 *   2025-02-01, never evaluated; vM MONITORING s3 from 2025-03-01 (registered the same day), sC from
 *   2025-05-01 (registered 2025-05-10 through the API: late), s2 from 2025-09-01 (never registered).
 * Persons: pR (vR) access s3, check PASSED until 2026-06-30; pN (opB) access sC, no check; pF access
 *   s2 (level 2, not CII), check FAILED → no SUP-3.
 * Products: s3 uses prU (uncertified) from 2024-06-01, prC (certified), prB (blank certification)
 *   2025-01-01..2025-10-19; sC (level 2) uses prU → no SUP-4.
 * Exposures of sC: eA never justified; eB justified 2025-02-01 until 2025-10-19; eC justified
 *   2025-03-01 through the API; eE first seen 2025-11-01. eD of s3 (not CII) never justified → none.
 * Egresses: s3 g1 (device d1 installed 2024-01-10, feeding the platform from 2024-01-15), g2 from
 *   2025-01-01 (device d2 removed 2025-10-19), g4 from 2025-06-01 through the API (device never
 *   connected to the platform); sC g3 only from 2025-11-01; sX gX without device.
 * Self-inspections: opA operator-wide on 2024-02-29 (leap day); s2 on its own 2025-06-01 (API).
 */
const GRAPH = `
CREATE (opA:Operator {id: 'opA', name: 'Yangcheng Power', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (opB:Operator {id: 'opB', name: 'Zezhou Bank', uscc: '91140525000000002B', divisionCode: '140525', sectorCode: 'FINANCE', inDevelopmentZone: false})
CREATE (opA)-[:OPERATES]->(s3:System {id: 's3', name: 'S3', protectionLevel: 3, status: 'LIVE', liveOn: date('2024-01-01')})
CREATE (opA)-[:OPERATES]->(s2:System {id: 's2', name: 'S2', protectionLevel: 2, status: 'LIVE', liveOn: date('2022-01-01')})
CREATE (opA)-[:OPERATES]->(sX:System {id: 'sX', name: 'SX', protectionLevel: 3, status: 'DECOMMISSIONED', liveOn: date('2020-01-01'), decommissionedOn: date('2025-01-01')})
CREATE (opB)-[:OPERATES]->(sC:System {id: 'sC', name: 'SC', protectionLevel: 2, status: 'LIVE', liveOn: date('2023-01-01')})
CREATE (cii:CriticalInfrastructure {id: 'cii1', name: 'Payments', sectorCode: 'FINANCE', identifiedOn: date('2024-05-01')})
CREATE (sC)-[:PART_OF {id: 'm1', from: date('2024-06-01')}]->(cii)
CREATE (vR:Vendor {id: 'vR', name: 'Registered R', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vU:Vendor {id: 'vU', name: 'Unregistered U', registrationStatus: 'UNREGISTERED'})
CREATE (vL:Vendor {id: 'vL', name: 'Late L', registrationStatus: 'REGISTERED', registeredOn: date('2026-01-10')})
CREATE (vM:Vendor {id: 'vM', name: 'Monitor M', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vR)-[:SERVES {id: 'svR3', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s3)
CREATE (vU)-[:SERVES {id: 'svU3', kind: 'TECHNICAL_SERVICE', remote: false, from: date('2025-01-01')}]->(s3)
CREATE (vL)-[:SERVES {id: 'svLC', kind: 'DESIGN', remote: false, from: date('2025-06-01')}]->(sC)
CREATE (vR)-[:SERVES {id: 'svRC', kind: 'REMOTE_OPERATIONS', remote: true, from: date('2025-02-01')}]->(sC)
CREATE (vM)-[:SERVES {id: 'svM3', kind: 'MONITORING', remote: false, from: date('2025-03-01')}]->(s3)
CREATE (vM)-[:SERVES {id: 'svMC', kind: 'MONITORING', remote: false, from: date('2025-05-01')}]->(sC)
CREATE (vM)-[:SERVES {id: 'svM2', kind: 'MONITORING', remote: false, from: date('2025-09-01')}]->(s2)
CREATE (s3)-[:HAS_MONITORING_REGISTRATION]->(:MonitoringRegistration {id: 'mr3', registeredOn: date('2025-03-01')})-[:REGISTERS_VENDOR]->(vM)
CREATE (pR:Person {id: 'pR', name: 'R Staff', residentIdMasked: '140522********0011'})
CREATE (pN:Person {id: 'pN', name: 'No Check', residentIdMasked: '140525********0022'})
CREATE (pF:Person {id: 'pF', name: 'Failed Check', residentIdMasked: '140522********0033'})
CREATE (pR)-[:WORKS_FOR {id: 'wR', from: date('2024-01-01'), keyPosition: false}]->(vR)
CREATE (pN)-[:WORKS_FOR {id: 'wN', from: date('2024-01-01'), keyPosition: false}]->(opB)
CREATE (pR)-[:HAS_ACCESS {id: 'aR', kind: 'ONSITE', from: date('2024-01-01')}]->(s3)
CREATE (pN)-[:HAS_ACCESS {id: 'aN', kind: 'PRIVILEGED', from: date('2025-01-01')}]->(sC)
CREATE (pF)-[:HAS_ACCESS {id: 'aF', kind: 'ONSITE', from: date('2024-01-01')}]->(s2)
CREATE (pR)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cR', status: 'PASSED', checkedOn: date('2024-01-01'), expiresOn: date('2026-06-30'), checkedBy: 'City PSB'})
CREATE (pF)-[:HAS_CHECK]->(:BackgroundCheck {id: 'cF', status: 'FAILED', checkedOn: date('2025-01-01'), checkedBy: 'City PSB'})
CREATE (prU:Product {id: 'prU', name: 'Uncertified U'})
CREATE (prC:Product {id: 'prC', name: 'Certified C', certification: 'CCRC-2024'})
CREATE (prB:Product {id: 'prB', name: 'Blank B', certification: '  '})
CREATE (s3)-[:USES {id: 'u1', from: date('2024-06-01')}]->(prU)
CREATE (s3)-[:USES {id: 'u2', from: date('2024-01-01')}]->(prC)
CREATE (s3)-[:USES {id: 'u3', from: date('2025-01-01'), to: date('2025-10-19')}]->(prB)
CREATE (sC)-[:USES {id: 'u4', from: date('2024-01-01')}]->(prU)
CREATE (:Exposure {id: 'eA', ip: '203.0.113.10', port: 443, protocol: 'tcp', firstSeen: date('2025-01-01'), lastSeen: date('2025-10-01')})-[:EXPOSES]->(sC)
CREATE (eB:Exposure {id: 'eB', ip: '203.0.113.11', port: 22, protocol: 'tcp', firstSeen: date('2025-01-01'), lastSeen: date('2025-10-01')})-[:EXPOSES]->(sC)
CREATE (eB)-[:JUSTIFIED_BY]->(:ExposureJustification {id: 'jB', reason: 'Vendor maintenance', justifiedOn: date('2025-02-01'), expiresOn: date('2025-10-19')})
CREATE (:Exposure {id: 'eC', ip: '203.0.113.12', port: 80, protocol: 'tcp', firstSeen: date('2025-01-01'), lastSeen: date('2025-10-01')})-[:EXPOSES]->(sC)
CREATE (:Exposure {id: 'eD', ip: '198.51.100.1', port: 443, protocol: 'tcp', firstSeen: date('2025-01-01'), lastSeen: date('2025-10-01')})-[:EXPOSES]->(s3)
CREATE (:Exposure {id: 'eE', ip: '203.0.113.13', port: 8443, protocol: 'tcp', firstSeen: date('2025-11-01'), lastSeen: date('2025-11-01')})-[:EXPOSES]->(sC)
CREATE (s3)-[:HAS_EGRESS]->(:InternetEgress {id: 'g1', name: 'Main', from: date('2024-01-01')})-[:MONITORED_BY]->(:MonitoringDevice {id: 'd1', serialNumber: 'D1', installedOn: date('2024-01-10'), platformConnectedOn: date('2024-01-15')})
CREATE (s3)-[:HAS_EGRESS]->(:InternetEgress {id: 'g2', name: 'Backup', from: date('2025-01-01')})-[:MONITORED_BY]->(:MonitoringDevice {id: 'd2', serialNumber: 'D2', installedOn: date('2025-01-05'), removedOn: date('2025-10-19'), platformConnectedOn: date('2025-01-05')})
CREATE (sC)-[:HAS_EGRESS]->(:InternetEgress {id: 'g3', name: 'Future', from: date('2025-11-01')})
CREATE (sX)-[:HAS_EGRESS]->(:InternetEgress {id: 'gX', name: 'Old', from: date('2020-01-01')})
CREATE (opA)-[:HAD_SELF_INSPECTION]->(:SelfInspection {id: 'si1', title: 'Annual self-inspection', heldOn: date('2024-02-29')})
`;

const gid = (type: string, id: string) => encodeGlobalID(type, id);
const ids: Record<string, string> = {};

async function mutate<T>(name: string, query: string, variables: Record<string, unknown>) {
  const r = await gql<Record<string, { __typename: string; data?: T; issues?: unknown }>>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data?.[name] as { __typename: string; data?: T; issues?: { field: string; message: string }[] };
}

const REGISTER = `mutation($input: RecordMonitoringRegistrationInput!) { recordMonitoringRegistration(input: $input) {
  __typename ... on MutationRecordMonitoringRegistrationSuccess { data { id systemId vendorId vendorName registeredOn reference } }
  ... on ValidationError { issues { field message } } } }`;
const EGRESS = `mutation($input: RecordInternetEgressInput!) { recordInternetEgress(input: $input) {
  __typename ... on MutationRecordInternetEgressSuccess { data { id systemId name address from to } }
  ... on ValidationError { issues { field message } } } }`;
const DEVICE = `mutation($input: RecordMonitoringDeviceInput!) { recordMonitoringDevice(input: $input) {
  __typename ... on MutationRecordMonitoringDeviceSuccess { data { id egressId systemId serialNumber installedOn removedOn platformConnectedOn } }
  ... on ValidationError { issues { field message } } } }`;
const INSPECT = `mutation($input: RecordSelfInspectionInput!) { recordSelfInspection(input: $input) {
  __typename ... on MutationRecordSelfInspectionSuccess { data { id operatorId systemId title heldOn } }
  ... on ValidationError { issues { field message } } } }`;
const JUSTIFY = `mutation($input: JustifyExposureInput!) { justifyExposure(input: $input) {
  __typename ... on MutationJustifyExposureSuccess { data { id exposureId reason justifiedOn expiresOn } }
  ... on ValidationError { issues { field message } } ... on NotFoundError { message } } }`;

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
  const reg = await mutate<{ id: string }>('recordMonitoringRegistration', REGISTER, {
    input: { systemId: gid('System', 'sC'), vendorId: gid('Vendor', 'vM'), registeredOn: '2025-05-10' },
  });
  expect(reg.__typename).toBe('MutationRecordMonitoringRegistrationSuccess');
  const g4 = await mutate<{ id: string }>('recordInternetEgress', EGRESS, {
    input: {
      systemId: gid('System', 's3'),
      name: 'Branch line',
      address: '198.51.100.0/28',
      from: '2025-06-01',
    },
  });
  ids.g4 = decodeGlobalID(g4.data?.id as string).id;
  const dev = await mutate<{ id: string }>('recordMonitoringDevice', DEVICE, {
    input: { egressId: g4.data?.id, serialNumber: 'D4', installedOn: '2025-06-02' },
  });
  expect(dev.__typename).toBe('MutationRecordMonitoringDeviceSuccess');
  ids.d4 = dev.data?.id as string;
  const si = await mutate<{ id: string }>('recordSelfInspection', INSPECT, {
    input: { systemId: gid('System', 's2'), title: 'S2 self-inspection', heldOn: '2025-06-01' },
  });
  expect(si.__typename).toBe('MutationRecordSelfInspectionSuccess');
  const j = await mutate<{ id: string }>('justifyExposure', JUSTIFY, {
    input: { exposureId: gid('Exposure', 'eC'), reason: 'Public web portal', justifiedOn: '2025-03-01' },
  });
  expect(j.__typename).toBe('MutationJustifyExposureSuccess');
});

const QUERY = `query($scope: ComplianceScope!, $asOf: Date, $ruleIds: [String!]) {
  compliance(scope: $scope, asOf: $asOf, ruleIds: $ruleIds, first: 500) {
    edges { node { key status subjectType subjectName dueOn calendarDaysOverdue facts { name value } } } } }`;

interface Node {
  key: string;
  status: string;
  subjectType: string;
  subjectName: string | null;
  dueOn: string | null;
  calendarDaysOverdue: number | null;
  facts: { name: string; value: string | null }[];
}

async function found(ruleId: string, asOf: string, scope: Record<string, unknown> = { city: true }) {
  const r = await gql<{ compliance: { edges: { node: Node }[] } }>(QUERY, { scope, asOf, ruleIds: [ruleId] });
  expect(r.errors).toBeUndefined();
  return r.data?.compliance.edges.map((e) => e.node) ?? [];
}
const keys = async (ruleId: string, asOf: string, scope?: Record<string, unknown>) =>
  (await found(ruleId, asOf, scope)).map((n) => n.key);
const fact = (n: Node | undefined, name: string) => n?.facts.find((f) => f.name === name)?.value;

describe('SUP-1 (partial): a vendor serving a level ≥ 3 system with nobody recorded', () => {
  it('fires for vU on s3 only; vR has its staff pR with access; none before vU served', async () => {
    const [n, ...rest] = await found('SUP-1', D);
    expect(rest).toEqual([]);
    expect(n?.key).toBe('SUP-1/vU/s3');
    expect(n?.status).toBe('UNMET');
    expect(n?.subjectName).toBe('Unregistered U');
    expect(fact(n, 'services')).toBe('TECHNICAL_SERVICE');
    expect(fact(n, 'servesSince')).toBe('2025-01-01');
    expect(await keys('SUP-1', '2024-12-31')).toEqual([]);
    expect(await keys('SUP-1', '2025-01-01')).toEqual(['SUP-1/vU/s3']);
  });
});

describe('SUP-3: unregistered vendors and unchecked personnel of level ≥ 3 and CII systems', () => {
  it('fires for vU (s3), vL (sC, registered only later) and pN (sC, no check); not for pF (level 2)', async () => {
    expect(await keys('SUP-3', D)).toEqual(['SUP-3/pN/sC', 'SUP-3/vL/sC', 'SUP-3/vU/s3']);
    const pN = (await found('SUP-3', D)).find((n) => n.key === 'SUP-3/pN/sC');
    expect(pN?.subjectType).toBe('Person');
    expect(fact(pN, 'aspect')).toBe('UNCHECKED_PERSONNEL');
    expect(fact(pN, 'cii')).toBe('true');
  });
  it('boundary: pR’s check holds through 2026-06-30; vL counts as registered from 2026-01-10', async () => {
    expect(await keys('SUP-3', '2026-06-30')).toEqual(['SUP-3/pN/sC', 'SUP-3/vU/s3']);
    expect(await keys('SUP-3', '2026-07-01')).toEqual(['SUP-3/pN/sC', 'SUP-3/pR/s3', 'SUP-3/vU/s3']);
  });
  it('earlier asOf: before sC joined the CII (2024-06-01) and before vU served, nothing', async () => {
    expect(await keys('SUP-3', '2024-05-31')).toEqual([]);
  });
  it('a vendor scope keeps that vendor and its own staff', async () => {
    expect(await keys('SUP-3', D, { vendorId: gid('Vendor', 'vU') })).toEqual(['SUP-3/vU/s3']);
    expect(await keys('SUP-3', '2026-07-01', { vendorId: gid('Vendor', 'vR') })).toEqual(['SUP-3/pR/s3']);
  });
  it('a person’s name is hidden from non-police roles', async () => {
    const op = { sub: 'b', role: 'OPERATOR' as const, operator: 'opB' };
    const r = await gql<{ compliance: { edges: { node: Node }[] } }>(
      QUERY,
      { scope: { city: true }, asOf: D, ruleIds: ['SUP-3'] },
      op,
    );
    expect(r.data?.compliance.edges.map((e) => [e.node.key, e.node.subjectName])).toEqual([
      ['SUP-3/pN/sC', null],
      ['SUP-3/vL/sC', 'Late L'],
    ]);
  });
});

describe('SUP-4: uncertified products in use on level ≥ 3 systems', () => {
  it('fires for prU on s3; not for the certified prC, nor on sC (level 2)', async () => {
    const [n, ...rest] = await found('SUP-4', D);
    expect(rest).toEqual([]);
    expect(n?.key).toBe('SUP-4/s3/prU');
    expect(fact(n, 'inUseSince')).toBe('2024-06-01');
  });
  it('boundary: the blank-certified prB counts up to its last day of use, 2025-10-19', async () => {
    expect(await keys('SUP-4', '2025-10-19')).toEqual(['SUP-4/s3/prB', 'SUP-4/s3/prU']);
  });
  it('earlier asOf: before prU was in use, nothing', async () => {
    expect(await keys('SUP-4', '2024-05-31')).toEqual([]);
  });
});

describe('CII-5: unjustified internet exposures of CII systems', () => {
  it('fires for eA (never justified) and eB (justification ended 2025-10-19); not eC, eD (not CII), eE (later)', async () => {
    expect(await keys('CII-5', D)).toEqual(['CII-5/eA/', 'CII-5/eB/']);
    const eB = (await found('CII-5', D)).find((n) => n.key === 'CII-5/eB/');
    expect(eB?.subjectType).toBe('Exposure');
    expect(eB?.subjectName).toBe('203.0.113.11:22/tcp');
    expect(fact(eB, 'lastJustificationExpiredOn')).toBe('2025-10-19');
  });
  it('boundary: on 2025-10-19 eB is still justified', async () => {
    expect(await keys('CII-5', '2025-10-19')).toEqual(['CII-5/eA/']);
  });
  it('earlier asOf: eC’s justification of 2025-03-01 (API) is not there on 2025-02-15; before the CII, nothing', async () => {
    expect(await keys('CII-5', '2025-02-15')).toEqual(['CII-5/eA/', 'CII-5/eC/']);
    expect(await keys('CII-5', '2024-05-31')).toEqual([]);
  });
});

describe('CII-9: SUP-1..3 for CII systems whatever their level', () => {
  it('reports each aspect on sC (level 2)', async () => {
    expect(await keys('CII-9', D)).toEqual([
      'CII-9/pN/UNCHECKED_PERSONNEL:sC',
      'CII-9/vL/NO_PERSONNEL_RECORDED:sC',
      'CII-9/vL/UNREGISTERED_VENDOR:sC',
      'CII-9/vR/NO_PERSONNEL_RECORDED:sC',
      'CII-9/vR/REMOTE_OPS_UNEVALUATED:sC:svRC',
    ]);
  });
  it('later: vL is registered; earlier: sC is not part of the CII yet', async () => {
    expect(await keys('CII-9', '2026-07-01')).toEqual([
      'CII-9/pN/UNCHECKED_PERSONNEL:sC',
      'CII-9/vL/NO_PERSONNEL_RECORDED:sC',
      'CII-9/vR/NO_PERSONNEL_RECORDED:sC',
      'CII-9/vR/REMOTE_OPS_UNEVALUATED:sC:svRC',
    ]);
    expect(await keys('CII-9', '2024-05-31')).toEqual([]);
  });
});

describe('MON-1: third-party monitoring reported to the police before it starts', () => {
  it('fires for s2 (never registered) and sC (registered 9 days late); s3 registered on the first day', async () => {
    const n = await found('MON-1', D);
    expect(n.map((x) => [x.key, x.status, x.dueOn, x.calendarDaysOverdue, fact(x, 'registeredOn')])).toEqual([
      ['MON-1/vM/s2', 'OVERDUE', '2025-09-01', 49, null],
      ['MON-1/vM/sC', 'OVERDUE', '2025-05-01', 172, '2025-05-10'],
    ]);
  });
  it('boundary: on the day monitoring starts it is not yet overdue', async () => {
    expect(await keys('MON-1', '2025-05-01')).toEqual([]);
  });
  it('earlier asOf: on 2025-05-05 the (later) registration does not exist yet', async () => {
    const n = await found('MON-1', '2025-05-05');
    expect(n.map((x) => [x.key, x.calendarDaysOverdue, fact(x, 'registeredOn')])).toEqual([
      ['MON-1/vM/sC', 4, null],
    ]);
  });
});

describe('MON-2: a monitoring device feeding the police platform at each internet egress', () => {
  it('fires for s3’s g2 (device removed 2025-10-19) and g4 (never connected), and sC (no egress)', async () => {
    const n = await found('MON-2', D);
    expect(n.map((x) => [x.key, fact(x, 'egresses')])).toEqual([
      [`MON-2/s3/${ids.g4}`, '3'],
      ['MON-2/s3/g2', '3'],
      ['MON-2/sC/no-egress', '0'],
    ]);
  });
  it('boundary: on 2025-10-19 d2 is still in place', async () => {
    expect(await keys('MON-2', '2025-10-19')).toEqual([`MON-2/s3/${ids.g4}`, 'MON-2/sC/no-egress']);
  });
  it('earlier asOf: sX before decommissioning; g1 before its device fed the platform (2024-01-15)', async () => {
    expect(await keys('MON-2', '2024-05-31')).toEqual(['MON-2/sX/gX']);
    expect(await keys('MON-2', '2024-01-14')).toEqual(['MON-2/s3/g1', 'MON-2/sX/gX']);
  });
});

describe('INS-1: a self-inspection at least yearly', () => {
  it('fires for s3 (last: opA’s on the leap day 2024-02-29) and sC (never, live 2023-01-01)', async () => {
    const n = await found('INS-1', D);
    expect(n.map((x) => [x.key, x.dueOn, x.calendarDaysOverdue])).toEqual([
      ['INS-1/s3/', '2025-02-28', 234],
      ['INS-1/sC/', '2024-01-01', 658],
    ]);
  });
  it('boundary: the anniversary of 2024-02-29 is 2025-02-28', async () => {
    expect(await keys('INS-1', '2025-02-28')).toEqual(['INS-1/sC/']);
    expect(await keys('INS-1', '2025-03-01')).toEqual(['INS-1/s2/', 'INS-1/s3/', 'INS-1/sC/']);
  });
  it('the interval is configurable', async () => {
    const cfg = { ...config, compliance: { ...config.compliance, selfInspectionIntervalYears: 2 } };
    const f = await complianceFindings(
      { db, config: cfg, principal: { scope: CITY_SCOPE, seesPersonalData: true } },
      { city: true },
      D,
      ['INS-1'],
    );
    expect(f.map((x) => [x.id, x.dueOn])).toEqual([['INS-1/sC/', '2025-01-01']]);
  });
});

describe('inputs through the API', () => {
  it('validates before writing', async () => {
    const both = await mutate('recordSelfInspection', INSPECT, {
      input: { systemId: gid('System', 's2'), operatorId: gid('Operator', 'opA'), title: 'x', heldOn: D },
    });
    expect(both.issues).toEqual([
      {
        field: 'input.systemId',
        message: 'set exactly one of operatorId (an operator-wide self-inspection) and systemId',
      },
    ]);
    const order = await mutate('recordMonitoringDevice', DEVICE, {
      input: {
        egressId: gid('InternetEgress', 'g1'),
        serialNumber: 'D9',
        installedOn: '2025-06-02',
        removedOn: '2025-06-01',
      },
    });
    expect(order.__typename).toBe('ValidationError');
    expect(order.issues?.map((i) => i.field)).toEqual(['input.removedOn']);
    const unmatched = await gql<{ justifyExposure: { __typename: string } }>(JUSTIFY, {
      input: { exposureId: gid('Exposure', 'nope'), reason: 'x', justifiedOn: D },
    });
    expect(unmatched.data?.justifyExposure.__typename).toBe('NotFoundError');
  });

  it('lists the inputs in the caller’s jurisdiction', async () => {
    const r = await gql<Record<string, { edges: { node: Record<string, unknown> }[] }>>(`{
      monitoringRegistrations { edges { node { systemId vendorName registeredOn } } }
      internetEgresses { edges { node { systemId name from } } }
      monitoringDevices(systemId: "${gid('System', 's3')}") { edges { node { serialNumber installedOn removedOn platformConnectedOn } } }
      selfInspections { edges { node { operatorId systemId heldOn } } }
      exposureJustifications { edges { node { exposureId justifiedOn expiresOn } } }
    }`);
    expect(r.errors).toBeUndefined();
    const nodes = (k: string) => r.data?.[k]?.edges.map((e) => e.node);
    expect(nodes('monitoringRegistrations')).toEqual([
      { systemId: gid('System', 's3'), vendorName: 'Monitor M', registeredOn: '2025-03-01' },
      { systemId: gid('System', 'sC'), vendorName: 'Monitor M', registeredOn: '2025-05-10' },
    ]);
    expect(nodes('internetEgresses')).toEqual([
      { systemId: gid('System', 's3'), name: 'Branch line', from: '2025-06-01' },
      { systemId: gid('System', 's3'), name: 'Main', from: '2024-01-01' },
      { systemId: gid('System', 's3'), name: 'Backup', from: '2025-01-01' },
      { systemId: gid('System', 'sC'), name: 'Future', from: '2025-11-01' },
      { systemId: gid('System', 'sX'), name: 'Old', from: '2020-01-01' },
    ]);
    expect(nodes('monitoringDevices')).toEqual([
      { serialNumber: 'D1', installedOn: '2024-01-10', removedOn: null, platformConnectedOn: '2024-01-15' },
      {
        serialNumber: 'D2',
        installedOn: '2025-01-05',
        removedOn: '2025-10-19',
        platformConnectedOn: '2025-01-05',
      },
      { serialNumber: 'D4', installedOn: '2025-06-02', removedOn: null, platformConnectedOn: null },
    ]);
    expect(nodes('selfInspections')).toEqual([
      { operatorId: gid('Operator', 'opA'), systemId: null, heldOn: '2024-02-29' },
      { operatorId: null, systemId: gid('System', 's2'), heldOn: '2025-06-01' },
    ]);
    expect(nodes('exposureJustifications')).toEqual([
      { exposureId: gid('Exposure', 'eB'), justifiedOn: '2025-02-01', expiresOn: '2025-10-19' },
      { exposureId: gid('Exposure', 'eC'), justifiedOn: '2025-03-01', expiresOn: null },
    ]);
  });

  it('pages a list with a keyset cursor', async () => {
    const q = `query($after: String) { internetEgresses(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const a = await gql<{
      internetEgresses: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { name: string } }[];
      };
    }>(q, {});
    expect(a.data?.internetEgresses.edges.map((e) => e.node.name)).toEqual(['Branch line', 'Main']);
    expect(a.data?.internetEgresses.pageInfo.hasNextPage).toBe(true);
    expect(a.data?.internetEgresses.totalCount).toBe(5);
    const b = await gql<{ internetEgresses: { edges: { node: { name: string } }[] } }>(q, {
      after: a.data?.internetEgresses.pageInfo.endCursor,
    });
    expect(b.data?.internetEgresses.edges.map((e) => e.node.name)).toEqual(['Backup', 'Future']);
  });
});

describe('later dates of egresses and devices (runs last: it changes the graph)', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateMonitoringDeviceInput!) { updateMonitoringDevice(id: $id, input: $input) {
    __typename ... on MutationUpdateMonitoringDeviceSuccess { data { platformConnectedOn removedOn } }
    ... on ValidationError { issues { field message } } } }`;
  const END = `mutation($id: ID!, $to: Date!) { endInternetEgress(id: $id, to: $to) {
    __typename ... on MutationEndInternetEgressSuccess { data { name from to } }
    ... on ValidationError { issues { field message } } } }`;
  it('connecting g4’s device to the platform on D ends its finding from D; ending g2 on 2025-10-19 ends g2’s', async () => {
    const early = await mutate('updateMonitoringDevice', UPDATE, {
      id: ids.d4,
      input: { platformConnectedOn: '2025-06-01' },
    });
    expect(early.issues).toEqual([
      { field: 'input.platformConnectedOn', message: expect.stringContaining('2025-06-02') },
    ]);
    const up = await mutate('updateMonitoringDevice', UPDATE, {
      id: ids.d4,
      input: { platformConnectedOn: D },
    });
    expect(up.data).toEqual({ platformConnectedOn: D, removedOn: null });
    expect(await keys('MON-2', D)).toEqual(['MON-2/s3/g2', 'MON-2/sC/no-egress']);
    expect(await keys('MON-2', '2025-10-19')).toEqual([`MON-2/s3/${ids.g4}`, 'MON-2/sC/no-egress']);
    const bad = await mutate('endInternetEgress', END, { id: gid('InternetEgress', 'g2'), to: '2024-12-31' });
    expect(bad.issues?.map((i) => i.field)).toEqual(['to']);
    const end = await mutate('endInternetEgress', END, { id: gid('InternetEgress', 'g2'), to: '2025-10-19' });
    expect(end.data).toEqual({ name: 'Backup', from: '2025-01-01', to: '2025-10-19' });
    expect(await keys('MON-2', D)).toEqual(['MON-2/sC/no-egress']);
  });
});
