/**
 * Vendor concentration (`vendorConcentration`): exact rankings and counts over a hand-built graph.
 *
 * T = today (Asia/Shanghai), Y = yesterday, M = 30 days ago; every window starts 2020-01-01.
 * Operators (sector, division): E1 (ENERGY, 140522), E2 (ENERGY, 140524), E3 (ENERGY, 140525),
 * F1 (FINANCE, 140522), X (FINANCE, 140502), W (WATER, 140581).
 *
 *   system  level operator  CII (PART_OF)
 *   s-e1a   3     E1        cii-grid (ENERGY)
 *   s-e1b   2     E1        cii-grid, ended Y
 *   s-e2a   4     E2        cii-gas (ENERGY)
 *   s-e2b   3     E2        —
 *   s-e3    1     E3        cii-grid, ended Y
 *   s-f1a   3     F1        cii-bank (FINANCE)
 *   s-x     2     X         cii-gas (ENERGY CII of a FINANCE operator)
 *   s-w5    3     W         cii-water (WATER)
 *   s-w6    3     W         cii-water2 (WATER)
 *
 *   Alpha ──SERVES──▶ s-e1a, s-e2a
 *     └─SUBCONTRACTS_TO─▶ Sub1 ──SERVES──▶ s-f1a                     (tier 1)
 *                          └─SUBCONTRACTS_TO─▶ Sub2 ◀─WORKS_FOR─ p-s2 ─HAS_ACCESS─▶ s-e2b   (tier 2)
 *   Beta ◀─WORKS_FOR─ p-b ─HAS_ACCESS─▶ s-e1a ;  Beta ──SERVES──▶ s-x
 *   Delta ──SERVES──▶ s-e1a, s-x
 *   Gamma ──SERVES──▶ s-e1b ;  Gamma ──SERVES (ended Y)──▶ s-e2a
 *     └─SUBCONTRACTS_TO (ended Y)─▶ Sub1
 *   W0 ─▶ W1 ─▶ W2 ─▶ W3 ─▶ W4 ─▶ W5 ─▶ W6   (SUBCONTRACTS_TO chain)
 *   W5 ──SERVES──▶ s-w5 ;  W6 ──SERVES──▶ s-w6   (W0 reaches s-w5 at tier 5, not s-w6 at tier 6)
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
});

const QUERY = /* GraphQL */ `
  query ($sectorCode: String, $divisionCode: String, $minLevel: Int, $asOf: Date, $first: Int, $after: String) {
    vendorConcentration(sectorCode: $sectorCode, divisionCode: $divisionCode, minLevel: $minLevel, asOf: $asOf,
      first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { vendor { name } ciiSystems levelOrAboveSystems operators systems directSystems
        viaSubcontractorsSystems shareOfSectorCii rank } }
    }
  }
`;

/** [name, ciiSystems, levelOrAboveSystems, operators, systems, direct, via, share, rank] per row. */
type Row = [string, number, number, number, number, number, number, number | null, number];

async function ranking(variables: Record<string, unknown>, as?: TokenClaims) {
  const r = await gql<Json>(QUERY, { first: 50, ...variables }, as);
  expect(r.errors).toBeUndefined();
  const c = r.data?.vendorConcentration;
  const rows: Row[] = c.edges.map(({ node: n }: Json) => [
    n.vendor.name,
    n.ciiSystems,
    n.levelOrAboveSystems,
    n.operators,
    n.systems,
    n.directSystems,
    n.viaSubcontractorsSystems,
    n.shareOfSectorCii,
    n.rank,
  ]);
  return { rows, totalCount: c.totalCount as number, pageInfo: c.pageInfo, statements: r.statements };
}

describe('vendorConcentration', () => {
  it('ranks every vendor today: direct vs through subcontractors, tiers 1..5, ties by name', async () => {
    const r = await ranking({});
    expect(r.rows).toEqual([
      ['Alpha', 3, 4, 3, 4, 2, 2, 0.5, 1],
      ['W1', 2, 2, 1, 2, 0, 2, 2 / 6, 2],
      ['W2', 2, 2, 1, 2, 0, 2, 2 / 6, 2],
      ['W3', 2, 2, 1, 2, 0, 2, 2 / 6, 2],
      ['W4', 2, 2, 1, 2, 0, 2, 2 / 6, 2],
      ['W5', 2, 2, 1, 2, 1, 1, 2 / 6, 2],
      ['Beta', 2, 1, 2, 2, 2, 0, 2 / 6, 7],
      ['Delta', 2, 1, 2, 2, 2, 0, 2 / 6, 7],
      ['Sub1', 1, 2, 2, 2, 1, 1, 1 / 6, 9],
      ['W0', 1, 1, 1, 1, 0, 1, 1 / 6, 10],
      ['W6', 1, 1, 1, 1, 1, 0, 1 / 6, 10],
      ['Sub2', 0, 1, 1, 1, 1, 0, 0, 12],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 13],
    ]);
    expect(r.totalCount).toBe(13);
    expect(r.pageInfo.hasNextPage).toBe(false);
    // One statement for the page; the total comes with it.
    expect(r.statements).toEqual(['concentration/page']);
  });

  it('service and subcontract ended yesterday: not counted today, counted yesterday and last month', async () => {
    for (const asOf of [YESTERDAY, LAST_MONTH]) {
      const r = await ranking({ asOf, first: 3 });
      expect(r.rows).toEqual([
        ['Alpha', 3, 4, 3, 4, 2, 2, 3 / 8, 1],
        // s-e1b and s-e2a direct (s-e1b still CII, level 2), s-f1a via Sub1, s-e2b via Sub2.
        ['Gamma', 3, 3, 3, 4, 2, 2, 3 / 8, 2],
        ['W1', 2, 2, 1, 2, 0, 2, 2 / 8, 3],
      ]);
      expect(r.totalCount).toBe(13);
    }
    const today = await ranking({ asOf: TODAY });
    expect(today.rows.find((row) => row[0] === 'Gamma')).toEqual(['Gamma', 0, 0, 1, 1, 1, 0, 0, 13]);
  });

  it('sector filter: operator in the sector or system part of a CII of the sector', async () => {
    const r = await ranking({ sectorCode: 'energy' });
    expect(r.rows).toEqual([
      // s-e1a, s-e2a direct, s-e2b via Sub2 (s-f1a is FINANCE).
      ['Alpha', 2, 3, 2, 3, 2, 1, 2 / 3, 1],
      // s-x: FINANCE operator, ENERGY CII.
      ['Beta', 2, 1, 2, 2, 2, 0, 2 / 3, 2],
      ['Delta', 2, 1, 2, 2, 2, 0, 2 / 3, 2],
      ['Sub1', 0, 1, 1, 1, 0, 1, 0, 4],
      ['Sub2', 0, 1, 1, 1, 1, 0, 0, 4],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 6],
    ]);
    expect(r.totalCount).toBe(6);
    expect(r.statements).toEqual(['sectors/byCodes', 'concentration/page']);

    const finance = await ranking({ sectorCode: 'FINANCE' });
    expect(finance.rows).toEqual([
      // s-f1a (CII) and s-x (operator X is FINANCE, CII is ENERGY: still a CII system).
      ['Alpha', 1, 1, 1, 1, 0, 1, 0.5, 1],
      ['Sub1', 1, 1, 1, 1, 1, 0, 0.5, 1],
      ['Beta', 1, 0, 1, 1, 1, 0, 0.5, 3],
      ['Delta', 1, 0, 1, 1, 1, 0, 0.5, 3],
    ]);
  });

  it('division filter, and sector and division together', async () => {
    const r = await ranking({ divisionCode: '140522' });
    expect(r.rows).toEqual([
      ['Alpha', 2, 2, 2, 2, 1, 1, 1, 1],
      ['Beta', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Delta', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Sub1', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 5],
    ]);
    expect(r.totalCount).toBe(5);

    const both = await ranking({ sectorCode: 'ENERGY', divisionCode: '140522' });
    expect(both.rows).toEqual([
      ['Alpha', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Beta', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Delta', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 4],
    ]);

    // A sector with CII but no vendor: no rows, the share's denominator never shows.
    const empty = await ranking({ divisionCode: '140525' });
    expect(empty.rows).toEqual([]);
    expect(empty.totalCount).toBe(0);
  });

  it('minLevel changes levelOrAboveSystems and the order', async () => {
    const r = await ranking({ minLevel: 4 });
    expect(r.rows.map((row) => [row[0], row[2], row[8]])).toEqual([
      ['Alpha', 1, 1],
      ['Beta', 0, 2],
      ['Delta', 0, 2],
      ['W1', 0, 4],
      ['W2', 0, 4],
      ['W3', 0, 4],
      ['W4', 0, 4],
      ['W5', 0, 4],
      ['Sub1', 0, 9],
      ['W0', 0, 10],
      ['W6', 0, 10],
      ['Gamma', 0, 12],
      ['Sub2', 0, 12],
    ]);
    const all = await ranking({ minLevel: 1 });
    // Level 1: s-x (level 2) now counts, so Beta and Delta (2, 2, 2) pass the W chain (2, 2, 1).
    expect(all.rows.map((row) => [row[0], row[2], row[8]]).slice(0, 4)).toEqual([
      ['Alpha', 4, 1],
      ['Beta', 2, 2],
      ['Delta', 2, 2],
      ['W1', 2, 4],
    ]);
    expect(all.rows.find((row) => row[0] === 'Gamma')?.[2]).toBe(1);
  });

  it('pages across ties with first/after', async () => {
    const names: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const r: { data?: Json; errors?: unknown } = await gql<Json>(QUERY, { first: 3, after });
      expect(r.errors).toBeUndefined();
      const c: Json = r.data?.vendorConcentration;
      names.push(c.edges.map((e: Json) => `${e.node.vendor.name}#${e.node.rank}`));
      expect(c.totalCount).toBe(13);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(names).toEqual([
      ['Alpha#1', 'W1#2', 'W2#2'],
      ['W3#2', 'W4#2', 'W5#2'],
      ['Beta#7', 'Delta#7', 'Sub1#9'],
      ['W0#10', 'W6#10', 'Sub2#12'],
      ['Gamma#13'],
    ]);
  });

  it('totalCount of an empty page runs the count statement', async () => {
    const first = await gql<Json>(QUERY, { first: 13 });
    const end = first.data?.vendorConcentration.pageInfo.endCursor;
    const r = await gql<Json>(QUERY, { first: 5, after: end });
    expect(r.errors).toBeUndefined();
    expect(r.data?.vendorConcentration).toMatchObject({ totalCount: 13, edges: [] });
    expect(r.statements).toEqual(['concentration/page', 'concentration/count']);
    const zero = await gql<Json>(QUERY, { first: 0, sectorCode: 'ENERGY' });
    expect(zero.data?.vendorConcentration).toMatchObject({ totalCount: 6, edges: [] });
    expect(zero.statements).toEqual(['sectors/byCodes', 'concentration/count']);
  });

  it('county police: counts computed over its division only', async () => {
    const r = await ranking({}, COUNTY_POLICE);
    // Alpha city-wide: 3 CII, 4 systems, 3 operators; in 140522 only s-e1a and s-f1a.
    expect(r.rows).toEqual([
      ['Alpha', 2, 2, 2, 2, 1, 1, 1, 1],
      ['Beta', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Delta', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Sub1', 1, 1, 1, 1, 1, 0, 0.5, 2],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 5],
    ]);
    expect(r.totalCount).toBe(5);
    const second = await ranking({ first: 2 }, COUNTY_POLICE);
    expect(second.rows.map((row) => row[0])).toEqual(['Alpha', 'Beta']);
    // Another division than its own: nothing (the filter narrows the scope, never widens it).
    const other = await ranking({ divisionCode: '140524' }, COUNTY_POLICE);
    expect(other.rows).toEqual([]);
    expect(other.totalCount).toBe(0);
    const energy = await ranking({ sectorCode: 'ENERGY' }, COUNTY_POLICE);
    expect(energy.rows).toEqual([
      ['Alpha', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Beta', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Delta', 1, 1, 1, 1, 1, 0, 1, 1],
      ['Gamma', 0, 0, 1, 1, 1, 0, 0, 4],
    ]);
  });

  it.each([
    [{ sectorCode: 'energy!' }, 'sectorCode', 'sectorCode: "energy!" is not a sector code'],
    [{ sectorCode: 'MINING' }, 'sectorCode', 'sectorCode: no sector has the code "MINING"'],
    [{ divisionCode: '110000' }, 'divisionCode', 'divisionCode: "110000" is not a division of Jincheng'],
    [{ minLevel: 0 }, 'minLevel', 'minLevel: must be from 1 to 5, got 0'],
    [{ minLevel: 6 }, 'minLevel', 'minLevel: must be from 1 to 5, got 6'],
    [{ asOf: '2025-02-30' }, 'asOf', 'asOf: "2025-02-30": is not a real calendar date'],
  ])('bad argument %j → BAD_USER_INPUT on %s', async (variables, argument, message) => {
    const r = await gql<Json>(QUERY, variables);
    expect(r.data?.vendorConcentration ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.message).toContain(message);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.statements.filter((s) => s.startsWith('concentration/'))).toEqual([]);
  });
});
