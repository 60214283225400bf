/**
 * The sector map: `sector(code:)`, `Sector.ciiOperators`, `Sector.securityBodies` and
 * `Sector.sharedVendors`, exact lists over a hand-built graph (test/support/concentration-graph.ts,
 * plus security bodies).
 *
 * T = today (Asia/Shanghai), Y = yesterday, M = 30 days ago; every window starts 2020-01-01.
 * Operators (sector, division, 专门安全管理机构 / 负责人): E1 (ENERGY, 140522, 网络安全部 / 王强),
 * E2 (ENERGY, 140524, none), E3 (ENERGY, 140525, none), F1 (FINANCE, 140522, 安全办 / none),
 * X (FINANCE, 140502, 信息安全中心 / 李明), W (WATER, 140581, none).
 *
 *   system  operator  CII (PART_OF)                 served by (SERVES)
 *   s-e1a   E1        CII grid (ENERGY)             Alpha, Delta   (+ Beta's staff: access, not a service)
 *   s-e1b   E1        CII grid, ended Y             Gamma
 *   s-e2a   E2        CII gas (ENERGY)              Alpha, Gamma (ended Y)
 *   s-e2b   E2        —                             (Sub2's staff)
 *   s-e3    E3        CII grid, ended Y             —
 *   s-f1a   F1        CII bank (FINANCE)            Sub1
 *   s-x     X         CII gas (ENERGY)              Beta, Delta
 *   s-w5    W         CII water (WATER)             W5
 *   s-w6    W         CII water2 (WATER)            W6
 *
 *   Alpha ─SUBCONTRACTS_TO─▶ Sub1 ─▶ Sub2 ;  Gamma ─SUBCONTRACTS_TO (ended Y)─▶ Sub1
 *   W0 ─▶ W1 ─▶ W2 ─▶ W3 ─▶ W4 ─▶ W5 ─▶ W6   (W0 reaches s-w5 at tier 5, s-w6 at tier 6: not followed)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../server/auth.js';
import { todayInChina } from '../../server/repositories/common.js';
import { createConcentrationGraph } from '../support/concentration-graph.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const TODAY = todayInChina();
const YESTERDAY = shift(TODAY, -1);
const LAST_MONTH = shift(TODAY, -30);

const COUNTY_POLICE: TokenClaims = { sub: 'county', role: 'COUNTY_POLICE', division: '140522' };

// biome-ignore lint/suspicious/noExplicitAny: response shapes are pinned by exact assertions instead
type Json = Record<string, any>;

beforeAll(async () => {
  await createConcentrationGraph(db, config, YESTERDAY);
  await db.driver.executeQuery(
    `UNWIND [['E1', '网络安全部', '王强'], ['X', '信息安全中心', '李明'], ['F1', '安全办', null]] AS b
     MATCH (o:Operator {id: 'op-' + b[0]})
     SET o.securityBody = b[1], o.securityHead = b[2]`,
    {},
    { database: config.neo4j.database },
  );
});

const SHARED = /* GraphQL */ `
  query ($code: String!, $asOf: Date, $minCii: Int, $first: Int, $after: String) {
    sector(code: $code) {
      sharedVendors(asOf: $asOf, minCii: $minCii, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { vendor { name } criticalInfrastructures { name } systems } }
      }
    }
  }
`;

/** `name: CII names… (systems)` per shared vendor. */
async function shared(variables: Record<string, unknown>, as?: TokenClaims) {
  const r = await gql<Json>(SHARED, variables, as);
  expect(r.errors).toBeUndefined();
  const c = r.data?.sector.sharedVendors;
  return {
    rows: c.edges.map(
      ({ node: n }: Json) =>
        `${n.vendor.name}: ${n.criticalInfrastructures.map((x: Json) => x.name).join(', ')} (${n.systems})`,
    ) as string[],
    pageInfo: c.pageInfo,
    statements: r.statements,
  };
}

const OPERATORS = /* GraphQL */ `
  query ($code: String!, $first: Int, $after: String) {
    sector(code: $code) {
      ciiOperators(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name } } }
      securityBodies { operator { name } securityBody securityHead missing }
    }
  }
`;

describe('sector(code:)', () => {
  it('is the same as sectorByCode (any case), null for an unknown code', async () => {
    const r = await gql<Json>(`{
      a: sector(code: " energy ") { id code name }
      b: sectorByCode(code: "ENERGY") { id code name }
      c: sector(code: "MINING") { id }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.a).toEqual({ id: r.data?.b.id, code: 'ENERGY', name: '能源' });
    expect(r.data?.c).toBeNull();
  });
});

describe('Sector.ciiOperators and Sector.securityBodies', () => {
  it('lists the operators of CII systems valid today, by name (E3: membership ended yesterday)', async () => {
    const r = await gql<Json>(OPERATORS, { code: 'ENERGY' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.sector.ciiOperators.edges.map((e: Json) => e.node.name)).toEqual([
      'E1 运营者',
      'E2 运营者',
      'X 运营者',
    ]);
    expect(r.data?.sector.securityBodies).toEqual([
      { operator: { name: 'E1 运营者' }, securityBody: '网络安全部', securityHead: '王强', missing: false },
      { operator: { name: 'E2 运营者' }, securityBody: null, securityHead: null, missing: true },
      { operator: { name: 'X 运营者' }, securityBody: '信息安全中心', securityHead: '李明', missing: false },
    ]);
    const finance = await gql<Json>(OPERATORS, { code: 'FINANCE' });
    expect(finance.data?.sector).toEqual({
      ciiOperators: {
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        edges: [{ node: { name: 'F1 运营者' } }],
      },
      securityBodies: [
        { operator: { name: 'F1 运营者' }, securityBody: '安全办', securityHead: null, missing: false },
      ],
    });
  });

  it('pages the operators', async () => {
    const first = await gql<Json>(OPERATORS, { code: 'ENERGY', first: 2 });
    const page1 = first.data?.sector.ciiOperators;
    expect(page1.edges.map((e: Json) => e.node.name)).toEqual(['E1 运营者', 'E2 运营者']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Json>(OPERATORS, { code: 'ENERGY', first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data?.sector.ciiOperators;
    expect(page2.edges.map((e: Json) => e.node.name)).toEqual(['X 运营者']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('county police: only the operators of its division', async () => {
    const r = await gql<Json>(OPERATORS, { code: 'ENERGY' }, COUNTY_POLICE);
    expect(r.errors).toBeUndefined();
    expect(r.data?.sector.ciiOperators.edges.map((e: Json) => e.node.name)).toEqual(['E1 运营者']);
    expect(r.data?.sector.securityBodies.map((b: Json) => b.operator.name)).toEqual(['E1 运营者']);
  });
});

describe('Sector.sharedVendors', () => {
  it('vendors serving systems of at least minCii CII of the sector (default 2), today', async () => {
    expect((await shared({ code: 'ENERGY' })).rows).toEqual([
      'Alpha: CII gas, CII grid (2)',
      'Delta: CII gas, CII grid (2)',
    ]);
    // minCii boundary: 1 adds Beta (it serves s-x; its staff's access to s-e1a is not a service).
    expect((await shared({ code: 'ENERGY', minCii: 1 })).rows).toEqual([
      'Alpha: CII gas, CII grid (2)',
      'Delta: CII gas, CII grid (2)',
      'Beta: CII gas (1)',
    ]);
    expect((await shared({ code: 'ENERGY', minCii: 3 })).rows).toEqual([]);
  });

  it('as of last month and yesterday: Gamma (service and CII membership ended yesterday) counts', async () => {
    for (const asOf of [LAST_MONTH, YESTERDAY]) {
      expect((await shared({ code: 'ENERGY', asOf })).rows).toEqual([
        'Alpha: CII gas, CII grid (2)',
        'Delta: CII gas, CII grid (2)',
        'Gamma: CII gas, CII grid (2)',
      ]);
    }
    // Through a subcontract ended yesterday: Gamma serves FINANCE's CII via Sub1 only until then.
    expect((await shared({ code: 'FINANCE', minCii: 1 })).rows).toEqual([
      'Alpha: CII bank (1)',
      'Sub1: CII bank (1)',
    ]);
    expect((await shared({ code: 'FINANCE', minCii: 1, asOf: LAST_MONTH })).rows).toEqual([
      'Alpha: CII bank (1)',
      'Gamma: CII bank (1)',
      'Sub1: CII bank (1)',
    ]);
  });

  it('through subcontractors of tiers 1..5 only, by number of CII then name, paged', async () => {
    expect((await shared({ code: 'WATER' })).rows).toEqual([
      'W1: CII water, CII water2 (2)',
      'W2: CII water, CII water2 (2)',
      'W3: CII water, CII water2 (2)',
      'W4: CII water, CII water2 (2)',
      'W5: CII water, CII water2 (2)',
    ]);
    const page1 = await shared({ code: 'WATER', minCii: 1, first: 4 });
    expect(page1.rows).toEqual([
      'W1: CII water, CII water2 (2)',
      'W2: CII water, CII water2 (2)',
      'W3: CII water, CII water2 (2)',
      'W4: CII water, CII water2 (2)',
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await shared({ code: 'WATER', minCii: 1, first: 4, after: page1.pageInfo.endCursor });
    // W0 reaches s-w5 at tier 5; s-w6 would be tier 6.
    expect(page2.rows).toEqual(['W5: CII water, CII water2 (2)', 'W0: CII water (1)', 'W6: CII water2 (1)']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('county police: only systems of its division count', async () => {
    expect((await shared({ code: 'ENERGY' }, COUNTY_POLICE)).rows).toEqual([]);
    expect((await shared({ code: 'ENERGY', minCii: 1 }, COUNTY_POLICE)).rows).toEqual([
      'Alpha: CII grid (1)',
      'Delta: CII grid (1)',
    ]);
    expect((await shared({ code: 'WATER', minCii: 1 }, COUNTY_POLICE)).rows).toEqual([]);
  });

  it.each([
    [{ minCii: 0 }, 'minCii', 'minCii: must be from 1 to 10000, got 0'],
    [{ asOf: '2025-13-01' }, 'asOf', 'asOf: "2025-13-01": is not a real calendar date'],
  ])('bad argument %j → BAD_USER_INPUT on %s', async (variables, argument, message) => {
    const r = await gql<Json>(SHARED, { code: 'ENERGY', ...variables });
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.message).toContain(message);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.statements.filter((s) => s.startsWith('sector-map/'))).toEqual([]);
  });
});

describe('the whole map', () => {
  it('one statement per field for all sectors, next to the existing fields', async () => {
    const r = await gql<Json>(`{
      sectors(first: 10) { edges { node {
        code
        criticalInfrastructures { edges { node { name } } }
        protectionDepartments { edges { node { name } } }
        ciiOperators { edges { node { name } } }
        securityBodies { operator { name } missing }
        sharedVendors(minCii: 1) { edges { node { vendor { name } systems } } }
      } } }
    }`);
    expect(r.errors).toBeUndefined();
    const map = r.data?.sectors.edges.map(({ node: n }: Json) => ({
      code: n.code,
      cii: n.criticalInfrastructures.edges.map((e: Json) => e.node.name),
      departments: n.protectionDepartments.edges.length,
      operators: n.ciiOperators.edges.map((e: Json) => e.node.name),
      missing: n.securityBodies.filter((b: Json) => b.missing).map((b: Json) => b.operator.name),
      vendors: n.sharedVendors.edges.map((e: Json) => `${e.node.vendor.name} ${e.node.systems}`),
    }));
    expect(map).toEqual([
      {
        code: 'ENERGY',
        cii: ['CII gas', 'CII grid'],
        departments: 0,
        operators: ['E1 运营者', 'E2 运营者', 'X 运营者'],
        missing: ['E2 运营者'],
        vendors: ['Alpha 2', 'Delta 2', 'Beta 1'],
      },
      {
        code: 'FINANCE',
        cii: ['CII bank'],
        departments: 0,
        operators: ['F1 运营者'],
        missing: [],
        vendors: ['Alpha 1', 'Sub1 1'],
      },
      {
        code: 'WATER',
        cii: ['CII water', 'CII water2'],
        departments: 0,
        operators: ['W 运营者'],
        missing: ['W 运营者'],
        vendors: ['W1 2', 'W2 2', 'W3 2', 'W4 2', 'W5 2', 'W0 1', 'W6 1'],
      },
    ]);
    const mine = r.statements.filter((s) => s.startsWith('sector-map/')).sort();
    expect(mine).toEqual([
      'sector-map/ciiOperators',
      'sector-map/securityBodies',
      'sector-map/sharedVendors',
    ]);
  });
});
