/**
 * System.supplyChain(depth, asOf): vendors by tier with depth cut, personnel with checks, products
 * with suppliers; validity windows at their boundaries; batching across systems; jurisdiction and
 * personal data.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const D = '2025-06-15'; // asOf of the tests
const YESTERDAY = '2025-06-14';

/*
 * The graph (asOf D = 2025-06-15; "..D-1" = ended yesterday, "D+1.." = starts tomorrow):
 *
 *   op1 Yangcheng Power (140522, ENERGY) ──OPERATES──▶ s1 Grid Control (level 3), s2 Office OA (level 2)
 *   op2 Zezhou Bank (140525, FINANCE)    ──OPERATES──▶ s3 Bank Core (level 3)
 *
 *   SERVES (vendor ─kind─▶ system):
 *     vA Alpha Ops ──OPERATIONS──▶ s1            vA ──DESIGN 2023-01-01..2023-12-31──▶ s1 (ended)
 *     vB Bravo Services ──TECHNICAL_SERVICE──▶ s1 vB ──OPERATIONS──▶ s2
 *     vE Echo Build ──CONSTRUCTION──▶ s1         vZ Zulu Monitor ──MONITORING ..D-1──▶ s1
 *     vX Xray Ops ──OPERATIONS──▶ s3
 *
 *   SUBCONTRACTS_TO (contractor ─▶ subcontractor):
 *     vA ─▶ vC Charlie Sub ─▶ vD Delta Sub ─▶ vG Golf Sub ─▶ vH Hotel Sub ─▶ vI India Sub
 *     vB ─▶ vC (a second way to vC: via is the least name, vA)
 *     vD ─▶ vE (vE serves s1 itself: stays tier 1)
 *     vA ─▶ vX ..D-1 (ended yesterday)         vB ─▶ vY Yankee Sub D+1.. (starts tomorrow)
 *
 *   Tiers of s1 at D: 1 vA vB vE · 2 vC (via vA) · 3 vD (via vC) · 4 vG · 5 vH · (6 vI never)
 *
 *   HAS_ACCESS to s1 (person, kinds; employer; latest check by D):
 *     pA Person A: ONSITE + REMOTE; works for vA; PASSED, expires on D (still valid)
 *     pB Person B: PRIVILEGED; works for vB; PASSED, expired D-1 (older FAILED check in 2020)
 *     pC Person C: ONSITE; works for op1 (operator staff); no check
 *     pD Person D: ONSITE ..D-1 (ended yesterday)
 *     pE Person E: ONSITE; FAILED 2025-01-01 (a PASSED check dated D+1 does not count yet)
 *
 *   USES by s1: prA Firewall X (CCRC-2024-001; supplied by vP Papa Supply, and by vQ Quebec ..D-1)
 *               prB Switch Y (no certification; supplied by vA)
 *               prC Old Router ..D-1 (ended yesterday)
 */
const GRAPH = `
CREATE (op1:Operator {id: 'op1', name: 'Yangcheng Power', uscc: '91140522000000001A', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (op2:Operator {id: 'op2', name: 'Zezhou Bank', uscc: '91140525000000002B', divisionCode: '140525', sectorCode: 'FINANCE', inDevelopmentZone: false})
CREATE (s1:System {id: 's1', name: 'Grid Control', protectionLevel: 3, status: 'LIVE'})
CREATE (s2:System {id: 's2', name: 'Office OA', protectionLevel: 2, status: 'LIVE'})
CREATE (s3:System {id: 's3', name: 'Bank Core', protectionLevel: 3, status: 'LIVE'})
CREATE (op1)-[:OPERATES]->(s1), (op1)-[:OPERATES]->(s2), (op2)-[:OPERATES]->(s3)
CREATE (vA:Vendor {id: 'vA', name: 'Alpha Ops', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vB:Vendor {id: 'vB', name: 'Bravo Services', registrationStatus: 'PENDING'})
CREATE (vC:Vendor {id: 'vC', name: 'Charlie Sub', registrationStatus: 'UNREGISTERED'})
CREATE (vD:Vendor {id: 'vD', name: 'Delta Sub', registrationStatus: 'REGISTERED', registeredOn: date('2021-01-01')})
CREATE (vE:Vendor {id: 'vE', name: 'Echo Build', registrationStatus: 'REGISTERED', registeredOn: date('2021-01-01')})
CREATE (vG:Vendor {id: 'vG', name: 'Golf Sub', registrationStatus: 'REVOKED'})
CREATE (vH:Vendor {id: 'vH', name: 'Hotel Sub', registrationStatus: 'UNREGISTERED'})
CREATE (vI:Vendor {id: 'vI', name: 'India Sub', registrationStatus: 'UNREGISTERED'})
CREATE (vX:Vendor {id: 'vX', name: 'Xray Ops', registrationStatus: 'UNREGISTERED'})
CREATE (vY:Vendor {id: 'vY', name: 'Yankee Sub', registrationStatus: 'UNREGISTERED'})
CREATE (vZ:Vendor {id: 'vZ', name: 'Zulu Monitor', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vP:Vendor {id: 'vP', name: 'Papa Supply', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vQ:Vendor {id: 'vQ', name: 'Quebec Supply', registrationStatus: 'REGISTERED', registeredOn: date('2020-01-01')})
CREATE (vA)-[:SERVES {id: 'sv1', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s1)
CREATE (vA)-[:SERVES {id: 'sv2', kind: 'DESIGN', remote: false, from: date('2023-01-01'), to: date('2023-12-31')}]->(s1)
CREATE (vB)-[:SERVES {id: 'sv3', kind: 'TECHNICAL_SERVICE', remote: false, from: date('2024-03-01')}]->(s1)
CREATE (vB)-[:SERVES {id: 'sv4', kind: 'OPERATIONS', remote: false, from: date('2024-03-01')}]->(s2)
CREATE (vE)-[:SERVES {id: 'sv5', kind: 'CONSTRUCTION', remote: false, from: date('2024-01-01')}]->(s1)
CREATE (vZ)-[:SERVES {id: 'sv6', kind: 'MONITORING', remote: false, from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(s1)
CREATE (vX)-[:SERVES {id: 'sv7', kind: 'OPERATIONS', remote: false, from: date('2024-01-01')}]->(s3)
CREATE (vA)-[:SUBCONTRACTS_TO {id: 'sc1', from: date('2024-01-01')}]->(vC)
CREATE (vB)-[:SUBCONTRACTS_TO {id: 'sc2', from: date('2024-01-01')}]->(vC)
CREATE (vC)-[:SUBCONTRACTS_TO {id: 'sc3', from: date('2024-01-01')}]->(vD)
CREATE (vD)-[:SUBCONTRACTS_TO {id: 'sc4', from: date('2024-01-01')}]->(vG)
CREATE (vG)-[:SUBCONTRACTS_TO {id: 'sc5', from: date('2024-01-01')}]->(vH)
CREATE (vH)-[:SUBCONTRACTS_TO {id: 'sc6', from: date('2024-01-01')}]->(vI)
CREATE (vD)-[:SUBCONTRACTS_TO {id: 'sc7', from: date('2024-01-01')}]->(vE)
CREATE (vA)-[:SUBCONTRACTS_TO {id: 'sc8', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(vX)
CREATE (vB)-[:SUBCONTRACTS_TO {id: 'sc9', from: date('2025-06-16')}]->(vY)
CREATE (pA:Person {id: 'pA', name: 'Person A', residentIdMasked: '140522********0011'})
CREATE (pB:Person {id: 'pB', name: 'Person B', residentIdMasked: '140522********0022'})
CREATE (pC:Person {id: 'pC', name: 'Person C', residentIdMasked: '140522********0033'})
CREATE (pD:Person {id: 'pD', name: 'Person D', residentIdMasked: '140522********0044'})
CREATE (pE:Person {id: 'pE', name: 'Person E', residentIdMasked: '140522********0055'})
CREATE (pA)-[:WORKS_FOR {id: 'w1', from: date('2023-01-01'), keyPosition: false}]->(vA)
CREATE (pB)-[:WORKS_FOR {id: 'w2', from: date('2023-01-01'), keyPosition: false}]->(vB)
CREATE (pC)-[:WORKS_FOR {id: 'w3', from: date('2023-01-01'), keyPosition: true}]->(op1)
CREATE (pA)-[:HAS_ACCESS {id: 'a1', kind: 'REMOTE', from: date('2024-01-01')}]->(s1)
CREATE (pA)-[:HAS_ACCESS {id: 'a2', kind: 'ONSITE', from: date('2024-01-01')}]->(s1)
CREATE (pB)-[:HAS_ACCESS {id: 'a3', kind: 'PRIVILEGED', from: date('2024-01-01')}]->(s1)
CREATE (pC)-[:HAS_ACCESS {id: 'a4', kind: 'ONSITE', from: date('2024-01-01')}]->(s1)
CREATE (pD)-[:HAS_ACCESS {id: 'a5', kind: 'ONSITE', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(s1)
CREATE (pE)-[:HAS_ACCESS {id: 'a6', kind: 'ONSITE', from: date('2024-01-01')}]->(s1)
CREATE (pA)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c1', status: 'PASSED', checkedOn: date('2024-01-01'), expiresOn: date('${D}'), checkedBy: 'City PSB'})
CREATE (pB)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c2', status: 'FAILED', checkedOn: date('2020-01-01'), checkedBy: 'City PSB'})
CREATE (pB)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c3', status: 'PASSED', checkedOn: date('2023-01-01'), expiresOn: date('${YESTERDAY}'), checkedBy: 'City PSB'})
CREATE (pE)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c4', status: 'FAILED', checkedOn: date('2025-01-01'), checkedBy: 'City PSB'})
CREATE (pE)-[:HAS_CHECK]->(:BackgroundCheck {id: 'c5', status: 'PASSED', checkedOn: date('2025-06-16'), checkedBy: 'City PSB'})
CREATE (prA:Product {id: 'prA', name: 'Firewall X', certification: 'CCRC-2024-001'})
CREATE (prB:Product {id: 'prB', name: 'Switch Y'})
CREATE (prC:Product {id: 'prC', name: 'Old Router'})
CREATE (s1)-[:USES {id: 'u1', from: date('2024-01-01')}]->(prA)
CREATE (s1)-[:USES {id: 'u2', from: date('2024-01-01')}]->(prB)
CREATE (s1)-[:USES {id: 'u3', from: date('2024-01-01'), to: date('${YESTERDAY}')}]->(prC)
CREATE (vP)-[:SUPPLIES {id: 'su1', from: date('2023-01-01')}]->(prA)
CREATE (vQ)-[:SUPPLIES {id: 'su2', from: date('2023-01-01'), to: date('${YESTERDAY}')}]->(prA)
CREATE (vA)-[:SUPPLIES {id: 'su3', from: date('2023-01-01')}]->(prB)
`;

const gid = (type: string, id: string) => encodeGlobalID(type, id);

const VENDORS = `
  query ($id: ID!, $depth: Int, $asOf: Date) {
    node(id: $id) {
      ... on System {
        supplyChain(depth: $depth, asOf: $asOf) {
          depth asOf
          vendors { vendor { name } tier via { name } serviceKinds registrationStatus }
        }
      }
    }
  }`;

type Chain = {
  depth: number;
  asOf: string;
  vendors: { vendor: { name: string }; tier: number; via: { name: string } | null; serviceKinds: string[] }[];
};

async function vendorsOf(systemId: string, depth: number | undefined, asOf = D) {
  const res = await gql<{ node: { supplyChain: Chain } | null }>(VENDORS, {
    id: gid('System', systemId),
    asOf,
    ...(depth === undefined ? {} : { depth }),
  });
  expect(res.errors).toBeUndefined();
  return res.data?.node?.supplyChain;
}

/** `name tier via serviceKinds` per vendor, compact. */
const compact = (chain: Chain | undefined) =>
  chain?.vendors.map(
    (v) => `${v.tier} ${v.vendor.name} <${v.via?.name ?? '-'}> [${v.serviceKinds.join(',')}]`,
  );

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
});

describe('supply chain vendors', () => {
  const TIER1 = [
    '1 Alpha Ops <-> [OPERATIONS]',
    '1 Bravo Services <-> [TECHNICAL_SERVICE]',
    '1 Echo Build <-> [CONSTRUCTION]',
  ];

  it('follows subcontracts tier by tier, each vendor once at its smallest tier, cut at depth', async () => {
    expect(compact(await vendorsOf('s1', 1))).toEqual(TIER1);
    expect(compact(await vendorsOf('s1', 2))).toEqual([...TIER1, '2 Charlie Sub <Alpha Ops> []']);
    const byDefault = await vendorsOf('s1', undefined);
    expect(byDefault?.depth).toBe(3);
    expect(byDefault?.asOf).toBe(D);
    expect(compact(byDefault)).toEqual([
      ...TIER1,
      '2 Charlie Sub <Alpha Ops> []',
      '3 Delta Sub <Charlie Sub> []',
    ]);
    expect(compact(await vendorsOf('s1', 5))).toEqual([
      ...TIER1,
      '2 Charlie Sub <Alpha Ops> []',
      '3 Delta Sub <Charlie Sub> []',
      '4 Golf Sub <Delta Sub> []',
      '5 Hotel Sub <Golf Sub> []',
    ]);
  });

  it('answers each vendor with its registration status', async () => {
    const res = await gql<{
      node: { supplyChain: { vendors: { vendor: { name: string }; registrationStatus: string }[] } };
    }>(VENDORS, { id: gid('System', 's1'), depth: 2, asOf: D });
    expect(res.data?.node.supplyChain.vendors.map((v) => [v.vendor.name, v.registrationStatus])).toEqual([
      ['Alpha Ops', 'REGISTERED'],
      ['Bravo Services', 'PENDING'],
      ['Echo Build', 'REGISTERED'],
      ['Charlie Sub', 'UNREGISTERED'],
    ]);
  });

  it('counts services and subcontracts valid on asOf: ended yesterday counts then, not today; tomorrow not yet', async () => {
    // On D-1 the MONITORING service of vZ and the subcontract vA → vX are still in force.
    expect(compact(await vendorsOf('s1', 2, YESTERDAY))).toEqual([
      ...TIER1,
      '1 Zulu Monitor <-> [MONITORING]',
      '2 Charlie Sub <Alpha Ops> []',
      '2 Xray Ops <Alpha Ops> []',
    ]);
    // On D+1 vB → vY starts.
    expect(compact(await vendorsOf('s1', 2, '2025-06-16'))).toEqual([
      ...TIER1,
      '2 Charlie Sub <Alpha Ops> []',
      '2 Yankee Sub <Bravo Services> []',
    ]);
    // Before any service: nothing.
    expect(compact(await vendorsOf('s1', 3, '2023-12-31'))).toEqual(['1 Alpha Ops <-> [DESIGN]']);
  });

  it('refuses depth outside 1..5 and an impossible asOf with BAD_USER_INPUT naming the argument', async () => {
    for (const depth of [0, 6]) {
      const res = await gql(VENDORS, { id: gid('System', 's1'), depth, asOf: D });
      expect(res.errors?.[0]?.message).toBe(`depth: must be from 1 to 5, got ${depth}`);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.statements.filter((s) => s.startsWith('supply-chain/'))).toEqual([]);
    }
    const res = await gql(VENDORS, { id: gid('System', 's1'), depth: 2, asOf: '2025-02-30' });
    expect(res.errors?.[0]?.message).toMatch(/^asOf: /);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('uses the statement variant with the literal bound for the depth', async () => {
    const res = await gql(VENDORS, { id: gid('System', 's1'), depth: 4, asOf: D });
    expect(res.statements.filter((s) => s.startsWith('supply-chain/'))).toEqual(['supply-chain/vendors#3']);
  });
});

describe('supply chain personnel', () => {
  const PERSONNEL = `
    query ($id: ID!, $asOf: Date) {
      node(id: $id) {
        ... on System {
          supplyChain(asOf: $asOf) {
            personnel { person { id name } employer { name } accessKinds checkStatus checkExpiresOn checkValidAsOf }
          }
        }
      }
    }`;
  type Person = {
    person: { id: string; name: string | null };
    employer: { name: string } | null;
    accessKinds: string[];
    checkStatus: string | null;
    checkExpiresOn: string | null;
    checkValidAsOf: boolean | null;
  };

  it('lists persons with access on asOf, employer, kinds and the latest check done by asOf', async () => {
    const res = await gql<{ node: { supplyChain: { personnel: Person[] } } }>(PERSONNEL, {
      id: gid('System', 's1'),
      asOf: D,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.node.supplyChain.personnel).toEqual([
      {
        person: { id: gid('Person', 'pA'), name: 'Person A' },
        employer: { name: 'Alpha Ops' },
        accessKinds: ['ONSITE', 'REMOTE'],
        checkStatus: 'PASSED',
        checkExpiresOn: D,
        checkValidAsOf: true, // expires on asOf: still valid that day
      },
      {
        person: { id: gid('Person', 'pB'), name: 'Person B' },
        employer: { name: 'Bravo Services' },
        accessKinds: ['PRIVILEGED'],
        checkStatus: 'PASSED',
        checkExpiresOn: YESTERDAY,
        checkValidAsOf: false, // expired the day before
      },
      {
        person: { id: gid('Person', 'pC'), name: 'Person C' },
        employer: null, // operator staff
        accessKinds: ['ONSITE'],
        checkStatus: null,
        checkExpiresOn: null,
        checkValidAsOf: false,
      },
      {
        person: { id: gid('Person', 'pE'), name: 'Person E' },
        employer: null,
        accessKinds: ['ONSITE'],
        checkStatus: 'FAILED', // the PASSED check of D+1 is not yet done
        checkExpiresOn: null,
        checkValidAsOf: false,
      },
    ]);
  });

  it('on D+1: pA expired, pE passed; on D-1: pD still has access and pB is still valid', async () => {
    const next = await gql<{ node: { supplyChain: { personnel: Person[] } } }>(PERSONNEL, {
      id: gid('System', 's1'),
      asOf: '2025-06-16',
    });
    expect(
      next.data?.node.supplyChain.personnel.map((p) => [p.person.name, p.checkStatus, p.checkValidAsOf]),
    ).toEqual([
      ['Person A', 'PASSED', false],
      ['Person B', 'PASSED', false],
      ['Person C', null, false],
      ['Person E', 'PASSED', true],
    ]);
    const prev = await gql<{ node: { supplyChain: { personnel: Person[] } } }>(PERSONNEL, {
      id: gid('System', 's1'),
      asOf: YESTERDAY,
    });
    expect(
      prev.data?.node.supplyChain.personnel.map((p) => [p.person.name, p.checkStatus, p.checkValidAsOf]),
    ).toEqual([
      ['Person A', 'PASSED', true],
      ['Person B', 'PASSED', true],
      ['Person C', null, false],
      ['Person D', null, false],
      ['Person E', 'FAILED', false],
    ]);
  });

  it('answers persons without names to a protection department; police roles see them', async () => {
    const dept = { sub: 'dept', role: 'PROTECTION_DEPARTMENT' as const, sectors: ['ENERGY'] };
    const res = await gql<{ node: { supplyChain: { personnel: Person[] } } }>(
      PERSONNEL,
      { id: gid('System', 's1'), asOf: D },
      dept,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.node.supplyChain.personnel.map((p) => p.person)).toEqual(
      ['pA', 'pB', 'pC', 'pE'].map((id) => ({ id: gid('Person', id), name: null })),
    );
    const police = { sub: 'county', role: 'COUNTY_POLICE' as const, division: '140522' };
    const seen = await gql<{ node: { supplyChain: { personnel: Person[] } } }>(
      PERSONNEL,
      { id: gid('System', 's1'), asOf: D },
      police,
    );
    expect(seen.data?.node.supplyChain.personnel.map((p) => p.person.name)).toEqual([
      'Person A',
      'Person B',
      'Person C',
      'Person E',
    ]);
  });
});

describe('supply chain products', () => {
  const PRODUCTS = `
    query ($id: ID!, $asOf: Date) {
      node(id: $id) {
        ... on System { supplyChain(asOf: $asOf) { products { product { name } certification suppliers { name } } } }
      }
    }`;

  it('lists products in use on asOf with certification and current suppliers', async () => {
    const res = await gql<{ node: { supplyChain: { products: unknown[] } } }>(PRODUCTS, {
      id: gid('System', 's1'),
      asOf: D,
    });
    expect(res.data?.node.supplyChain.products).toEqual([
      {
        product: { name: 'Firewall X' },
        certification: 'CCRC-2024-001',
        suppliers: [{ name: 'Papa Supply' }],
      },
      { product: { name: 'Switch Y' }, certification: null, suppliers: [{ name: 'Alpha Ops' }] },
    ]);
    const prev = await gql<{ node: { supplyChain: { products: unknown[] } } }>(PRODUCTS, {
      id: gid('System', 's1'),
      asOf: YESTERDAY,
    });
    expect(prev.data?.node.supplyChain.products).toEqual([
      {
        product: { name: 'Firewall X' },
        certification: 'CCRC-2024-001',
        suppliers: [{ name: 'Papa Supply' }, { name: 'Quebec Supply' }],
      },
      { product: { name: 'Old Router' }, certification: null, suppliers: [] },
      { product: { name: 'Switch Y' }, certification: null, suppliers: [{ name: 'Alpha Ops' }] },
    ]);
  });
});

describe('batching and jurisdiction', () => {
  const ALL = `
    query ($asOf: Date) {
      systems(first: 50) {
        edges { node { name supplyChain(asOf: $asOf) {
          vendors { vendor { name } tier }
          personnel { person { id } }
          products { product { name } }
        } } }
      }
    }`;
  type All = {
    systems: {
      edges: {
        node: {
          name: string;
          supplyChain: {
            vendors: { vendor: { name: string }; tier: number }[];
            personnel: unknown[];
            products: unknown[];
          };
        };
      }[];
    };
  };

  it('runs one statement per part for all systems of a list', async () => {
    const res = await gql<All>(ALL, { asOf: D });
    expect(res.errors).toBeUndefined();
    const chains = Object.fromEntries(
      res.data?.systems.edges.map((e) => [
        e.node.name,
        e.node.supplyChain.vendors.map((v) => v.vendor.name),
      ]) ?? [],
    );
    expect(chains).toEqual({
      'Bank Core': ['Xray Ops'],
      'Grid Control': ['Alpha Ops', 'Bravo Services', 'Echo Build', 'Charlie Sub', 'Delta Sub'],
      'Office OA': ['Bravo Services', 'Charlie Sub', 'Delta Sub'],
    });
    expect(res.statements.filter((s) => s.startsWith('supply-chain/')).sort()).toEqual([
      'supply-chain/personnel',
      'supply-chain/products',
      'supply-chain/vendors#2',
    ]);
  });

  it('asks only for the parts selected', async () => {
    const res = await gql(
      `{ systems(first: 50) { edges { node { supplyChain { products { product { name } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.statements.filter((s) => s.startsWith('supply-chain/'))).toEqual(['supply-chain/products']);
  });

  it('keeps a county police caller to its division', async () => {
    const police = { sub: 'zezhou', role: 'COUNTY_POLICE' as const, division: '140525' };
    const res = await gql<All>(ALL, { asOf: D }, police);
    expect(res.errors).toBeUndefined();
    expect(
      res.data?.systems.edges.map((e) => [e.node.name, e.node.supplyChain.vendors.map((v) => v.vendor.name)]),
    ).toEqual([['Bank Core', ['Xray Ops']]]);
    const other = await gql<{ node: unknown }>(VENDORS, { id: gid('System', 's1'), asOf: D }, police);
    expect(other.data?.node).toBeNull();
  });
});
