/**
 * Who sees which compliance answers: a two-county graph (operator A in 140522, sector ENERGY, with
 * systems sA and sA2; operator B in 140524, sector HEALTH, with sB) and, per role, the exact findings
 * of `compliance`, `upcomingDeadlines`, `complianceEvaluation`, the CSV download and the lists of the
 * compliance inputs (monitoring registrations, egresses, devices, self-inspections, justifications).
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../server/auth.js';
import { CITY_REGISTRAR, testApp } from '../support/harness.js';

const { gql, db, app } = testApp();

const AS_OF = '2025-12-01';

const ROLES: Record<string, TokenClaims> = {
  CITY_POLICE: { sub: 'city-police', role: 'CITY_POLICE' },
  COUNTY_POLICE_A: { sub: 'police-a', role: 'COUNTY_POLICE', division: '140522' },
  COUNTY_POLICE_B: { sub: 'police-b', role: 'COUNTY_POLICE', division: '140524' },
  SECTOR_DEPARTMENT_ENERGY: { sub: 'energy', role: 'PROTECTION_DEPARTMENT', sectors: ['ENERGY'] },
  OPERATOR_B: { sub: 'ops-b', role: 'OPERATOR', operator: 'op-b' },
  REGISTRAR_CITY: CITY_REGISTRAR,
  REGISTRAR_A: { sub: 'registrar-a', role: 'REGISTRAR', division: '140522' },
  AUDITOR: { sub: 'auditor', role: 'AUDITOR' },
};

/*
 * sA (A, level 3, live 2024-01-01): egress gA with device dA feeding the platform since 2024-01-05;
 *   exposure eA justified (jA); A's operator-wide self-inspection on 2025-01-10 → INS-1 due 2026-01-10.
 * sA2 (A, level 3, live 2024-06-01): no egress → MON-2; covered by A's self-inspection (due 2026-01-10).
 * sB (B, level 3, live 2023-01-01): no egress → MON-2; never self-inspected → INS-1 due 2024-01-01;
 *   vM monitors it from 2025-01-01, registered only on 2025-02-01 → MON-1 due 2025-01-01.
 */
const GRAPH = `
CREATE (a:Operator {id: 'op-a', name: 'A', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (b:Operator {id: 'op-b', name: 'B', uscc: '91140524000000002B', divisionCode: '140524', sectorCode: 'HEALTH', inDevelopmentZone: false})
CREATE (a)-[:OPERATES]->(sA:System {id: 'sA', name: 'A1', protectionLevel: 3, status: 'LIVE', liveOn: date('2024-01-01')})
CREATE (a)-[:OPERATES]->(:System {id: 'sA2', name: 'A2', protectionLevel: 3, status: 'LIVE', liveOn: date('2024-06-01')})
CREATE (b)-[:OPERATES]->(sB:System {id: 'sB', name: 'B1', protectionLevel: 3, status: 'LIVE', liveOn: date('2023-01-01')})
CREATE (sA)-[:HAS_EGRESS]->(:InternetEgress {id: 'gA', name: 'A egress', from: date('2024-01-01')})-[:MONITORED_BY]->(:MonitoringDevice {id: 'dA', serialNumber: 'DEV-A', installedOn: date('2024-01-05'), platformConnectedOn: date('2024-01-05')})
CREATE (eA:Exposure {id: 'eA', ip: '203.0.113.1', port: 443, protocol: 'tcp', firstSeen: date('2025-01-01'), lastSeen: date('2025-11-01')})-[:EXPOSES]->(sA)
CREATE (eA)-[:JUSTIFIED_BY]->(:ExposureJustification {id: 'jA', reason: 'Portal', justifiedOn: date('2025-01-02')})
CREATE (a)-[:HAD_SELF_INSPECTION]->(:SelfInspection {id: 'siA', title: 'A yearly', heldOn: date('2025-01-10')})
CREATE (vM:Vendor {id: 'vM', name: 'Monitor M', uscc: '91140500000000003C', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vM)-[:SERVES {id: 'svMB', kind: 'MONITORING', remote: false, from: date('2025-01-01')}]->(sB)
CREATE (sB)-[:HAS_MONITORING_REGISTRATION]->(:MonitoringRegistration {id: 'mrB', registeredOn: date('2025-02-01')})-[:REGISTERS_VENDOR]->(vM)
`;

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
});

const sys = (id: string) => encodeGlobalID('System', id);
const A = ['A1', 'A2'];

interface Expected {
  compliance: string[];
  upcoming: string[];
  divisions: [string, number, number][];
  csvOperators: string[];
  registrations: string[];
  egresses: string[];
  devices: string[];
  selfInspections: string[];
  justifications: string[];
}

const SEES_A: Omit<Expected, 'compliance' | 'upcoming'> = {
  divisions: [['140522', 1, 2]],
  csvOperators: ['A'],
  registrations: [],
  egresses: ['A egress'],
  devices: ['DEV-A'],
  selfInspections: ['2025-01-10'],
  justifications: ['2025-01-02'],
};
const SEES_B: Omit<Expected, 'compliance' | 'upcoming'> = {
  divisions: [['140524', 1, 1]],
  csvOperators: ['B'],
  registrations: ['2025-02-01'],
  egresses: [],
  devices: [],
  selfInspections: [],
  justifications: [],
};
const A_FINDINGS = ['MON-2/sA2/no-egress'];
const B_FINDINGS = ['INS-1/sB/', 'MON-1/vM/sB', 'MON-2/sB/no-egress'];
const A_UPCOMING = ['INS-1/sA/', 'INS-1/sA2/'];
const ALL: Expected = {
  compliance: [...A_FINDINGS, ...B_FINDINGS].sort(),
  upcoming: A_UPCOMING,
  divisions: [...SEES_A.divisions, ...SEES_B.divisions],
  csvOperators: ['A', 'B'],
  registrations: SEES_B.registrations,
  egresses: SEES_A.egresses,
  devices: SEES_A.devices,
  selfInspections: SEES_A.selfInspections,
  justifications: SEES_A.justifications,
};
const ONLY_A: Expected = { ...SEES_A, compliance: A_FINDINGS, upcoming: A_UPCOMING };
const ONLY_B: Expected = { ...SEES_B, compliance: B_FINDINGS, upcoming: [] };
const NOTHING: Expected = {
  compliance: [],
  upcoming: [],
  divisions: [],
  csvOperators: [],
  registrations: [],
  egresses: [],
  devices: [],
  selfInspections: [],
  justifications: [],
};

const EXPECTED: Record<string, Expected> = {
  CITY_POLICE: ALL,
  COUNTY_POLICE_A: ONLY_A,
  COUNTY_POLICE_B: ONLY_B,
  SECTOR_DEPARTMENT_ENERGY: ONLY_A,
  OPERATOR_B: ONLY_B,
  REGISTRAR_CITY: ALL,
  REGISTRAR_A: ONLY_A,
  AUDITOR: NOTHING,
};

const RULES = ['INS-1', 'MON-1', 'MON-2'];

const QUERY = /* GraphQL */ `
  query V($asOf: Date, $ruleIds: [String!]) {
    compliance(scope: { city: true }, asOf: $asOf, ruleIds: $ruleIds, first: 500) { edges { node { key } } }
    all: compliance(scope: { city: true }, asOf: $asOf, first: 500) { totalCount edges { node { ruleId subjectId } } }
    upcomingDeadlines(scope: { city: true }, asOf: $asOf, withinDays: 60) { edges { node { key dueOn } } }
    complianceEvaluation(year: 2025, asOf: $asOf) { divisions { divisionCode operators systems } }
    complianceExport(scope: { city: true }, asOf: $asOf) { url }
    monitoringRegistrations { totalCount edges { node { registeredOn } } }
    internetEgresses { totalCount edges { node { name } } }
    monitoringDevices { totalCount edges { node { serialNumber } } }
    selfInspections { totalCount edges { node { heldOn } } }
    exposureJustifications { totalCount edges { node { justifiedOn } } }
  }
`;

type Edges<T> = { edges: { node: T }[] };
interface Answer {
  compliance: Edges<{ key: string }>;
  all: Edges<{ ruleId: string; subjectId: string }> & { totalCount: number };
  upcomingDeadlines: Edges<{ key: string; dueOn: string | null }>;
  complianceEvaluation: { divisions: { divisionCode: string; operators: number; systems: number }[] };
  complianceExport: { url: string };
  monitoringRegistrations: { totalCount: number } & Edges<{ registeredOn: string }>;
  internetEgresses: { totalCount: number } & Edges<{ name: string }>;
  monitoringDevices: { totalCount: number } & Edges<{ serialNumber: string }>;
  selfInspections: { totalCount: number } & Edges<{ heldOn: string }>;
  exposureJustifications: { totalCount: number } & Edges<{ justifiedOn: string }>;
}

describe('compliance by role (two counties)', () => {
  for (const [role, expected] of Object.entries(EXPECTED)) {
    it(`${role} sees exactly its part`, async () => {
      const r = await gql<Answer>(QUERY, { asOf: AS_OF, ruleIds: RULES }, ROLES[role]);
      expect(r.errors).toBeUndefined();
      const d = r.data as Answer;
      const nodes = <T>(c: Edges<T>) => c.edges.map((e) => e.node);
      const res = await app.fetch(`http://localhost${d.complianceExport.url}`);
      expect(res.status).toBe(200);
      const rows = parse(await res.text(), { bom: true }) as string[][];
      // the CSV holds exactly the findings `compliance` answers for the same caller, scope and date
      expect(rows.slice(1).map((row) => `${row[0]} ${row[5]}`)).toEqual(
        nodes(d.all).map((n) => `${n.ruleId} ${decodeGlobalID(n.subjectId).id}`),
      );
      expect(rows.length - 1).toBe(d.all.totalCount);
      const systemsOfA = nodes(d.all).some((n) => [sys('sA'), sys('sA2')].includes(n.subjectId));
      expect(systemsOfA).toBe(expected.csvOperators.includes('A'));
      expect({
        compliance: nodes(d.compliance).map((n) => n.key),
        upcoming: nodes(d.upcomingDeadlines).map((n) => n.key),
        divisions: d.complianceEvaluation.divisions.map((x) => [x.divisionCode, x.operators, x.systems]),
        csvOperators: [...new Set(rows.slice(1).map((row) => row[7]))].sort(),
        registrations: nodes(d.monitoringRegistrations).map((n) => n.registeredOn),
        egresses: nodes(d.internetEgresses).map((n) => n.name),
        devices: nodes(d.monitoringDevices).map((n) => n.serialNumber),
        selfInspections: nodes(d.selfInspections).map((n) => n.heldOn),
        justifications: nodes(d.exposureJustifications).map((n) => n.justifiedOn),
      }).toEqual(expected);
      for (const list of [
        d.monitoringRegistrations,
        d.internetEgresses,
        d.monitoringDevices,
        d.selfInspections,
        d.exposureJustifications,
      ])
        expect(list.totalCount).toBe(list.edges.length);
      if (expected.upcoming.length > 0) {
        expect(nodes(d.upcomingDeadlines).map((n) => n.dueOn)).toEqual(['2026-01-10', '2026-01-10']);
      }
    });
  }

  it('A’s names of its systems never reach B’s roles', async () => {
    const r = await gql<Answer>(QUERY, { asOf: AS_OF, ruleIds: RULES }, ROLES.OPERATOR_B);
    const res = await app.fetch(`http://localhost${r.data?.complianceExport.url}`);
    const text = await res.text();
    for (const name of A) expect(text.includes(`,${name},`)).toBe(false);
  });

  it('a county registrar cannot record inputs for the other county', async () => {
    const q = /* GraphQL */ `mutation($input: RecordInternetEgressInput!) { recordInternetEgress(input: $input) { __typename } }`;
    const input = { systemId: sys('sB'), name: 'x', from: '2025-01-01' };
    const r = await gql<{ recordInternetEgress: { __typename: string } }>(q, { input }, ROLES.REGISTRAR_A);
    expect(r.data?.recordInternetEgress.__typename).toBe('NotFoundError');
    const police = await gql(q, { input }, ROLES.CITY_POLICE);
    expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
