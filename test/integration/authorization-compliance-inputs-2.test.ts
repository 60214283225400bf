/**
 * Who sees the compliance inputs of part 2: disaster backups (System.disasterBackups), assessors and
 * engagement dates (Assessment.assessors, report/agreement dates), institution checks
 * (Vendor.institutionChecks), filing acceptance dates, and the findings of the six rules. A two-county
 * graph: operator A in 140522 (sector ENERGY) and operator B in 140524 (HEALTH), each with a system,
 * a backup, a LEVEL assessment by its own institution (serving that system) with one assessor.
 * Exact visible sets per role; personal data (assessor names) only for police roles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

const ROLES: Record<string, TokenClaims> = {
  CITY_POLICE: { sub: 'city-police', role: 'CITY_POLICE' },
  COUNTY_POLICE_A: { sub: 'police-a', role: 'COUNTY_POLICE', division: '140522' },
  COUNTY_POLICE_B: { sub: 'police-b', role: 'COUNTY_POLICE', division: '140524' },
  DEPARTMENT_ENERGY: { sub: 'energy', role: 'PROTECTION_DEPARTMENT', sectors: ['ENERGY'] },
  OPERATOR_B: { sub: 'ops-b', role: 'OPERATOR', operator: 'op-b' },
  AUDITOR: { sub: 'auditor', role: 'AUDITOR' },
};

beforeAll(async () => {
  await db.driver.executeQuery(
    `UNWIND [['a', '140522', 'ENERGY'], ['b', '140524', 'HEALTH']] AS x
     CREATE (o:Operator {id: 'op-' + x[0], name: toUpper(x[0]), divisionCode: x[1], sectorCode: x[2]})
       -[:OPERATES]->(s:System {id: 'sys-' + x[0], name: toUpper(x[0]) + '1', protectionLevel: 3, filedOn: date('2025-01-02'), filingAcceptedOn: date('2025-01-03')})
     CREATE (s)-[:HAS_BACKUP]->(:DisasterBackup {id: 'bk-' + x[0], kind: 'REMOTE', site: 'Site ' + x[0], establishedOn: date('2025-01-01')})
     CREATE (v:Vendor {id: 'v-' + x[0], name: 'Inst ' + x[0]})-[:SERVES {id: 'sv-' + x[0], kind: 'LEVEL_ASSESSMENT', from: date('2025-01-01')}]->(s)
     CREATE (v)-[:HAS_INSTITUTION_CHECK]->(:InstitutionCheck {id: 'ic-' + x[0], status: 'PASSED', checkedOn: date('2024-01-01'), checkedBy: 'PSB'})
     CREATE (v)-[:PERFORMED]->(a:Assessment {id: 'as-' + x[0], kind: 'LEVEL', on: date('2025-02-01'), reportSubmittedToPoliceOn: date('2025-02-05')})-[:ASSESSES]->(s)
     CREATE (p:Person {id: 'p-' + x[0], name: 'Assessor ' + x[0], residentIdMasked: '140522********001' + x[0]})-[:ASSESSOR_ON]->(a)
     CREATE (p)-[:WORKS_FOR {id: 'w-' + x[0], from: date('2020-01-01'), keyPosition: false}]->(v)
     CREATE (p)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c-' + x[0], status: 'PASSED', checkedOn: date('2024-01-01'), checkedBy: 'PSB'})`,
    {},
    { database: config.neo4j.database },
  );
});

const Q = `{
  systems(first: 10) { edges { node { name filingAcceptedOn disasterBackups(first: 5) { edges { node { site } } } } } }
  assessments(first: 10) { edges { node { reportSubmittedToPoliceOn assessors(first: 5) { edges { node { id name } } } } } }
  vendors(first: 10) { edges { node { name institutionChecks(first: 5) { edges { node { checkedBy } } } } } }
}`;

interface Seen {
  systems: {
    edges: {
      node: {
        name: string;
        filingAcceptedOn: string;
        disasterBackups: { edges: { node: { site: string } }[] };
      };
    }[];
  };
  assessments: {
    edges: {
      node: {
        reportSubmittedToPoliceOn: string;
        assessors: { edges: { node: { id: string; name: string | null } }[] };
      };
    }[];
  };
  vendors: {
    edges: { node: { name: string; institutionChecks: { edges: { node: { checkedBy: string } }[] } } }[];
  };
}

async function seen(role: TokenClaims) {
  const r = await gql<Seen>(Q, {}, role);
  expect(r.errors).toBeUndefined();
  const d = r.data as Seen;
  return {
    systems: d.systems.edges.map((e) => [
      e.node.name,
      e.node.filingAcceptedOn,
      e.node.disasterBackups.edges.map((b) => b.node.site),
    ]),
    assessors: d.assessments.edges.map((e) => [
      e.node.reportSubmittedToPoliceOn,
      e.node.assessors.edges.map((p) => [p.node.id, p.node.name]),
    ]),
    vendors: d.vendors.edges.map((e) => [e.node.name, e.node.institutionChecks.edges.length]),
  };
}

const A = {
  systems: [['A1', '2025-01-03', ['Site a']]],
  assessors: (name: string | null) => [['2025-02-05', [[encodeGlobalID('Person', 'p-a'), name]]]],
  vendors: [['Inst a', 1]],
};
const B = {
  systems: [['B1', '2025-01-03', ['Site b']]],
  assessors: (name: string | null) => [['2025-02-05', [[encodeGlobalID('Person', 'p-b'), name]]]],
  vendors: [['Inst b', 1]],
};

describe('compliance inputs part 2 by role', () => {
  it('city police: both counties, with names', async () => {
    expect(await seen(ROLES.CITY_POLICE as TokenClaims)).toEqual({
      systems: [...A.systems, ...B.systems],
      // newest first, then by id descending: as-b before as-a
      assessors: [...B.assessors('Assessor b'), ...A.assessors('Assessor a')],
      vendors: [...A.vendors, ...B.vendors],
    });
  });
  it('county police: own county only, with names', async () => {
    expect(await seen(ROLES.COUNTY_POLICE_A as TokenClaims)).toEqual({
      systems: A.systems,
      assessors: A.assessors('Assessor a'),
      vendors: A.vendors,
    });
    expect(await seen(ROLES.COUNTY_POLICE_B as TokenClaims)).toEqual({
      systems: B.systems,
      assessors: B.assessors('Assessor b'),
      vendors: B.vendors,
    });
  });
  it('protection department and operator: their own, without names', async () => {
    expect(await seen(ROLES.DEPARTMENT_ENERGY as TokenClaims)).toEqual({
      systems: A.systems,
      assessors: A.assessors(null),
      vendors: A.vendors,
    });
    expect(await seen(ROLES.OPERATOR_B as TokenClaims)).toEqual({
      systems: B.systems,
      assessors: B.assessors(null),
      vendors: B.vendors,
    });
  });
  it('auditor: nothing', async () => {
    expect(await seen(ROLES.AUDITOR as TokenClaims)).toEqual({ systems: [], assessors: [], vendors: [] });
  });
  it('findings of the six rules follow the same jurisdiction', async () => {
    // Both assessments lack an agreement (ASM-5) and both filings their certificate (FIL-3, due
    // WD(2025-01-03, 10) = 2025-01-17); institutions and assessors are checked, no CII.
    const q = `{ compliance(scope: {city: true}, asOf: "2025-03-01", ruleIds: ["FIL-3", "ASM-4", "ASM-5", "ASM-6", "CII-1", "CII-6"], first: 50) {
      edges { node { key } } } }`;
    const keys = async (role: TokenClaims) =>
      (
        await gql<{ compliance: { edges: { node: { key: string } }[] } }>(q, {}, role)
      ).data?.compliance.edges.map((e) => e.node.key);
    expect(await keys(ROLES.CITY_POLICE as TokenClaims)).toEqual([
      'ASM-5/as-a/',
      'ASM-5/as-b/',
      'FIL-3/sys-a/',
      'FIL-3/sys-b/',
    ]);
    expect(await keys(ROLES.COUNTY_POLICE_B as TokenClaims)).toEqual(['ASM-5/as-b/', 'FIL-3/sys-b/']);
    expect(await keys(ROLES.DEPARTMENT_ENERGY as TokenClaims)).toEqual(['ASM-5/as-a/', 'FIL-3/sys-a/']);
    expect(await keys(ROLES.AUDITOR as TokenClaims)).toEqual([]);
  });
});
