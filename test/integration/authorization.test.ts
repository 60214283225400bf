/**
 * The authorization matrix: every role × an object inside and outside its jurisdiction × every way
 * to reach it that exists so far (root list, `node(id:)`, nested edge, count, vendor reach,
 * concentration, exposure paths), with the exact result. Compliance and export join when they land.
 *
 * The graph: two halves. A = operator in Yangcheng (140522), energy sector, with a CII system,
 * a vendor, its employee with access, an exposure, an assessment. B = the same in Lingchuan
 * (140524), finance sector, no CII.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

const SIDES = {
  A: { division: '140522', sector: 'ENERGY', name: 'A' },
  B: { division: '140524', sector: 'FINANCE', name: 'B' },
} as const;
type Side = keyof typeof SIDES;

const ROLE_CLAIMS: Record<string, TokenClaims> = {
  CITY_POLICE: { sub: 'city', role: 'CITY_POLICE' },
  COUNTY_POLICE_A: { sub: 'county-a', role: 'COUNTY_POLICE', division: '140522' },
  PROTECTION_DEPARTMENT_A: { sub: 'energy', role: 'PROTECTION_DEPARTMENT', sectors: ['ENERGY'] },
  OPERATOR_A: { sub: 'operator-a', role: 'OPERATOR', operator: 'op-A' },
  REGISTRAR_B: { sub: 'registrar-b', role: 'REGISTRAR', division: '140524' },
  AUDITOR: { sub: 'auditor', role: 'AUDITOR' },
};

/** Which halves each role may see. */
const VISIBLE: Record<string, Side[]> = {
  CITY_POLICE: ['A', 'B'],
  COUNTY_POLICE_A: ['A'],
  PROTECTION_DEPARTMENT_A: ['A'],
  OPERATOR_A: ['A'],
  REGISTRAR_B: ['B'],
  AUDITOR: [],
};
const SEES_PERSONAL_DATA = new Set(['CITY_POLICE', 'COUNTY_POLICE_A', 'REGISTRAR_B']);

/** Root list field, the type name, and the id of each half's object of that type. */
const OBJECTS = [
  { list: 'operators', type: 'Operator', id: (s: Side) => `op-${s}` },
  { list: 'systems', type: 'System', id: (s: Side) => `sys-${s}`, more: (s: Side) => [`sys2-${s}`] },
  { list: 'vendors', type: 'Vendor', id: (s: Side) => `vendor-${s}`, more: (s: Side) => [`subvendor-${s}`] },
  { list: 'persons', type: 'Person', id: (s: Side) => `person-${s}` },
  { list: 'exposures', type: 'Exposure', id: (s: Side) => `exp-${s}` },
  { list: 'assessments', type: 'Assessment', id: (s: Side) => `asm-${s}` },
  { list: 'products', type: 'Product', id: (s: Side) => `product-${s}` },
  { list: 'criticalInfrastructures', type: 'CriticalInfrastructure', id: (s: Side) => `cii-${s}` },
  { list: 'findings', type: 'Finding', id: (s: Side) => `finding-${s}` },
] as const;

/** Objects reachable by `node(id:)` only (relationships and dependent records). */
const NODE_ONLY = [
  { type: 'Service', id: (s: Side) => `svc-${s}` },
  { type: 'Employment', id: (s: Side) => `emp-${s}` },
  { type: 'Access', id: (s: Side) => `acc-${s}` },
  { type: 'BackgroundCheck', id: (s: Side) => `check-${s}` },
  { type: 'ProductUse', id: (s: Side) => `use-${s}` },
  { type: 'Supply', id: (s: Side) => `supply-${s}` },
  { type: 'SystemLink', id: (s: Side) => `link-${s}` },
  { type: 'Subcontract', id: (s: Side) => `subcontract-${s}` },
  { type: 'CiiMembership', id: (s: Side) => `member-${s}` },
] as const;

beforeAll(async () => {
  await db.driver.executeQuery(
    `UNWIND $sides AS side
     MERGE (sector:Sector {code: side.sector}) ON CREATE SET sector.id = 'sector-' + side.name, sector.name = side.sector, sector.nameEn = side.sector
     CREATE (o:Operator {id: 'op-' + side.name, name: 'Operator ' + side.name, uscc: 'USCC' + side.name,
       divisionCode: side.division, sectorCode: side.sector, inDevelopmentZone: false})-[:IN_SECTOR]->(sector)
     CREATE (o)-[:OPERATES]->(s:System {id: 'sys-' + side.name, name: 'System ' + side.name, status: 'LIVE', protectionLevel: 3})
     CREATE (v:Vendor {id: 'vendor-' + side.name, name: 'Vendor ' + side.name, uscc: 'V' + side.name, registrationStatus: 'REGISTERED'})
     CREATE (v)-[:SERVES {id: 'svc-' + side.name, kind: 'OPERATIONS', from: date('2024-01-01'), remote: false}]->(s)
     CREATE (p:Person {id: 'person-' + side.name, name: '张' + side.name, residentIdHash: 'hash-' + side.name,
       residentIdMasked: '140502********001' + side.name})
     CREATE (p)-[:WORKS_FOR {id: 'emp-' + side.name, from: date('2024-01-01'), keyPosition: false}]->(v)
     CREATE (p)-[:HAS_ACCESS {id: 'acc-' + side.name, kind: 'REMOTE', from: date('2024-01-01')}]->(s)
     CREATE (:Exposure {id: 'exp-' + side.name, ip: '218.26.0.' + side.name, ipKey: 'key-' + side.name, port: 443,
       protocol: 'tcp', firstSeen: date('2026-01-01'), lastSeen: date('2026-11-01')})-[:EXPOSES]->(s)
     CREATE (a:Assessment {id: 'asm-' + side.name, kind: 'LEVEL', on: date('2026-03-01'), conclusion: 'GOOD'})-[:ASSESSES]->(s)
     CREATE (v)-[:PERFORMED]->(a)
     CREATE (prod:Product {id: 'product-' + side.name, name: 'Product ' + side.name})
     CREATE (s)-[:USES {id: 'use-' + side.name, from: date('2024-01-01')}]->(prod)
     CREATE (v)-[:SUPPLIES {id: 'supply-' + side.name, from: date('2024-01-01')}]->(prod)
     CREATE (p)-[:HAS_CHECK]->(:BackgroundCheck {id: 'check-' + side.name, status: 'PASSED', checkedOn: date('2025-01-01'),
       checkedBy: 'police'})
     CREATE (a)-[:FOUND]->(:Finding {id: 'finding-' + side.name, title: 'Weak password ' + side.name, severity: 'HIGH',
       status: 'OPEN', dueOn: date('2026-06-01')})
     CREATE (s2:System {id: 'sys2-' + side.name, name: 'Backup ' + side.name, status: 'LIVE', protectionLevel: 2})
     CREATE (o)-[:OPERATES]->(s2)
     CREATE (s)-[:CONNECTS_TO {id: 'link-' + side.name, protocol: 'tcp', port: 1521, from: date('2024-01-01')}]->(s2)
     CREATE (sub:Vendor {id: 'subvendor-' + side.name, name: 'Subvendor ' + side.name, uscc: 'SV' + side.name,
       registrationStatus: 'PENDING'})
     CREATE (v)-[:SUBCONTRACTS_TO {id: 'subcontract-' + side.name, from: date('2024-01-01')}]->(sub)
     CREATE (cii:CriticalInfrastructure {id: 'cii-' + side.name, name: 'CII ' + side.name, sectorCode: side.sector})
     CREATE (cii)-[:IN_SECTOR]->(sector)
     CREATE (s)-[:PART_OF {id: 'member-' + side.name, from: date('2024-01-01')}]->(cii)`,
    { sides: Object.values(SIDES) },
    { database: config.neo4j.database },
  );
  // Exposure keys must be real for the CIDR-aware list: give them their real ipKey.
  const { ipKey } = await import('../../server/repositories/exposures.js');
  for (const side of ['A', 'B'] as const) {
    await db.driver.executeQuery(
      'MATCH (e:Exposure {id: $id}) SET e.ip = $ip, e.ipKey = $key',
      {
        id: `exp-${side}`,
        ip: `218.26.0.${side === 'A' ? 1 : 2}`,
        key: ipKey(`218.26.0.${side === 'A' ? 1 : 2}`),
      },
      { database: config.neo4j.database },
    );
  }
});

describe.each(Object.keys(ROLE_CLAIMS))('%s', (role) => {
  const claims = ROLE_CLAIMS[role] as TokenClaims;
  const visible = VISIBLE[role] as Side[];

  it.each(OBJECTS.map((o) => [o.list, o] as const))('%s: root list and count', async (_list, object) => {
    const r = await gql<Record<string, { totalCount: number; edges: { node: { id: string } }[] }>>(
      `{ ${object.list}(first: 50) { totalCount edges { node { id } } } }`,
      {},
      claims,
    );
    expect(r.errors).toBeUndefined();
    const more = 'more' in object ? object.more : () => [];
    const expected = visible
      .flatMap((s) => [object.id(s), ...more(s)])
      .map((id) => encodeGlobalID(object.type, id))
      .sort();
    expect(r.data?.[object.list]?.edges.map((e) => e.node.id).sort()).toEqual(expected);
    expect(r.data?.[object.list]?.totalCount).toBe(expected.length);
  });

  it.each([...OBJECTS, ...NODE_ONLY].map((o) => [o.type, o] as const))(
    '%s: node(id:) in and out of scope',
    async (_type, object) => {
      for (const side of ['A', 'B'] as const) {
        const id = encodeGlobalID(object.type, object.id(side));
        const r = await gql<{ node: { id: string } | null }>(
          'query ($id: ID!) { node(id: $id) { id } }',
          { id },
          claims,
        );
        expect(r.errors).toBeUndefined();
        // Out of scope answers exactly like a missing object.
        expect(r.data?.node).toEqual(visible.includes(side) ? { id } : null);
      }
    },
  );

  it('nested edges: operator → systems → vendors → personnel, exposures, accesses', async () => {
    const r = await gql<{
      operators: {
        edges: {
          node: {
            name: string;
            systems: {
              edges: {
                node: {
                  vendors: {
                    edges: {
                      node: { name: string; personnel: { edges: { node: { name: string | null } }[] } };
                    }[];
                  };
                  exposures: { edges: unknown[] };
                  accesses: {
                    edges: { node: { person: { name: string | null; residentIdMasked: string | null } } }[];
                  };
                };
              }[];
            };
          };
        }[];
      };
    }>(
      `{ operators(first: 10) { edges { node { name systems(first: 10) { edges { node {
          vendors(first: 10) { edges { node { name personnel(first: 10) { edges { node { name } } } } } }
          exposures(first: 10) { edges { node { id } } }
          accesses(first: 10) { edges { node { person { name residentIdMasked } } } }
      } } } } } } }`,
      {},
      claims,
    );
    expect(r.errors).toBeUndefined();
    const operators = r.data?.operators.edges ?? [];
    expect(operators.map((o) => o.node.name).sort()).toEqual(visible.map((s) => `Operator ${s}`));
    for (const { node } of operators) {
      const side = node.name.slice(-1);
      // Ordered by name: "Backup X" (no vendor), then "System X".
      expect(node.systems.edges).toHaveLength(2);
      const system = node.systems.edges[1];
      const vendors = system?.node.vendors.edges ?? [];
      expect(vendors.map((v) => v.node.name)).toEqual([`Vendor ${side}`]);
      const personName = SEES_PERSONAL_DATA.has(role) ? `张${side}` : null;
      expect(vendors[0]?.node.personnel.edges.map((p) => p.node.name)).toEqual([personName]);
      expect(system?.node.exposures.edges).toHaveLength(1);
      expect(system?.node.accesses.edges.map((a) => a.node.person)).toEqual([
        {
          name: personName,
          residentIdMasked: SEES_PERSONAL_DATA.has(role) ? `140502********001${side}` : null,
        },
      ]);
    }
  });

  it.each(['A', 'B'] as const)('vendorReach from vendor %s', async (side) => {
    const r = await gql<{
      vendorReach: {
        summary: { systems: number };
        systems: { edges: { node: { hops: number; system: { name: string } } }[] };
      } | null;
    }>(
      `query ($id: ID!) { vendorReach(vendorId: $id, maxHops: 1, asOf: "2026-11-01", first: 10) {
        summary { systems } systems { edges { node { hops system { name } } } } } }`,
      { id: encodeGlobalID('Vendor', `vendor-${side}`) },
      claims,
    );
    expect(r.errors).toBeUndefined();
    if (!visible.includes(side)) {
      expect(r.data?.vendorReach).toBeNull();
      return;
    }
    expect(r.data?.vendorReach?.summary.systems).toBe(2);
    expect(r.data?.vendorReach?.systems.edges.map((e) => [e.node.hops, e.node.system.name])).toEqual([
      [0, `System ${side}`],
      [1, `Backup ${side}`],
    ]);
  });

  it('vendorConcentration counts only systems in scope', async () => {
    const r = await gql<{
      vendorConcentration: {
        totalCount: number;
        edges: { node: { vendor: { name: string }; systems: number } }[];
      };
    }>(
      '{ vendorConcentration(minLevel: 1, asOf: "2026-11-01", first: 10) { totalCount edges { node { vendor { name } systems } } } }',
      {},
      claims,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.vendorConcentration.edges.map((e) => [e.node.vendor.name, e.node.systems])).toEqual(
      visible.map((side) => [`Vendor ${side}`, 1]),
    );
    expect(r.data?.vendorConcentration.totalCount).toBe(visible.length);
  });

  it('exposurePaths lists only exposures and targets in scope', async () => {
    const r = await gql<{
      exposurePaths: {
        edges: { node: { exposure: { id: string }; target: { name: string }; hops: number } }[];
      };
    }>(
      '{ exposurePaths(maxHops: 1, minLevel: 3, asOf: "2026-11-01", first: 10) { edges { node { exposure { id } target { name } hops } } } }',
      {},
      claims,
    );
    expect(r.errors).toBeUndefined();
    expect(
      r.data?.exposurePaths.edges.map((e) => [e.node.exposure.id, e.node.target.name, e.node.hops]),
    ).toEqual(visible.map((side) => [encodeGlobalID('Exposure', `exp-${side}`), `System ${side}`, 0]));
  });

  it('writes only as a registrar, and only within the registrar jurisdiction', async () => {
    const update = (id: string) =>
      gql<{ updateOperator: { __typename: string } }>(
        'mutation ($id: ID!) { updateOperator(id: $id, input: { contactPhone: "0356-1234567" }) { __typename } }',
        { id },
        claims,
      );
    const a = await update(encodeGlobalID('Operator', 'op-A'));
    const b = await update(encodeGlobalID('Operator', 'op-B'));
    if (claims.role !== 'REGISTRAR') {
      for (const r of [a, b]) {
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(r.statements).toEqual([]);
      }
    } else {
      expect(a.data?.updateOperator.__typename).toBe('NotFoundError');
      expect(b.data?.updateOperator.__typename).toBe('MutationUpdateOperatorSuccess');
    }
  });
});

describe('personal data', () => {
  it('refuses name and ID-number searches to roles that may not see personal data', async () => {
    const r = await gql(
      '{ persons(filter: { search: "张" }) { totalCount } }',
      {},
      ROLE_CLAIMS.PROTECTION_DEPARTMENT_A,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.statements).toEqual([]);
  });

  it('keeps city reference data to city-wide registrars', async () => {
    const r = await gql(
      'mutation { createSector(input: { code: "MINING", name: "矿业", nameEn: "Mining" }) { __typename } }',
      {},
      ROLE_CLAIMS.REGISTRAR_B,
    );
    expect(r.errors?.[0]).toMatchObject({
      message: 'createSector changes city reference data: city-wide registrars only (you: division:140524)',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(r.statements).toEqual([]);
  });

  it('lets a registrar register operators only in its own division', async () => {
    const r = await gql<{
      createOperator: { __typename: string; issues?: { field: string; message: string }[] };
    }>(
      `mutation { createOperator(input: { uscc: "91140500MA0K000058", name: "越界", divisionCode: "140522" }) {
        __typename ... on ValidationError { issues { field message } } } }`,
      {},
      ROLE_CLAIMS.REGISTRAR_B,
    );
    expect(r.data?.createOperator).toEqual({
      __typename: 'ValidationError',
      issues: [
        { field: 'input.divisionCode', message: '"140522" is outside your jurisdiction (division:140524)' },
      ],
    });
  });
});
