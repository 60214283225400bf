/**
 * The README's example questions, asked through the API of the demo city, with answers worked out
 * independently from the generator's records.
 */
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import { cidrContains } from '../../server/validation/identifiers.js';
import {
  CiiSystemsOfSectorDocument,
  ExposuresInRangeDocument,
  HighLevelSystemsOfCountyWithAccessDocument,
} from '../generated/graphql.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();
const data = generateDemoData();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const activeOn = (w: { from: string; to: string | null }, d: string) =>
  w.from <= d && (w.to === null || w.to >= d);

beforeAll(async () => {
  await loadDemoData(db, data, config.residentIdKey);
});

describe('README example queries on the demo city', () => {
  it('lists the CII systems of the energy sector with their operators and vendors', async () => {
    const operatorById = new Map(data.operators.map((o) => [o.id, o]));
    const expected = data.systems
      .filter((s) => operatorById.get(s.operatorId)?.sectorCode === 'ENERGY')
      .filter((s) => data.memberships.some((m) => m.systemId === s.id && activeOn(m, today)))
      .map((s) => s.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    const r = await gql<{
      systems: {
        totalCount: number;
        edges: {
          node: {
            name: string;
            operator: { name: string };
            vendors: { edges: { node: { name: string } }[] };
          };
        }[];
      };
    }>(print(CiiSystemsOfSectorDocument), { sectorCode: 'ENERGY', first: 100 });
    expect(r.errors).toBeUndefined();
    const got = r.data?.systems.edges.map((e) => e.node) ?? [];
    expect(r.data?.systems.totalCount).toBe(expected.length);
    expect(got.map((s) => s.name).sort()).toEqual(expected);

    const vendorById = new Map(data.vendors.map((v) => [v.id, v.name]));
    for (const system of got) {
      const record = data.systems.find(
        (s) => s.name === system.name && operatorById.get(s.operatorId)?.name === system.operator.name,
      );
      const vendors = [
        ...new Set(
          data.services.filter((s) => s.systemId === record?.id).map((s) => vendorById.get(s.vendorId)),
        ),
      ];
      expect(system.vendors.edges.map((e) => e.node.name).sort()).toEqual(vendors.sort());
    }
  });

  it('lists level ≥ 3 systems of Yangcheng with who could access them on the demo date', async () => {
    const operatorById = new Map(data.operators.map((o) => [o.id, o]));
    const systems = data.systems.filter(
      (s) => operatorById.get(s.operatorId)?.divisionCode === '140522' && (s.protectionLevel ?? 0) >= 3,
    );
    const r = await gql<{
      systems: { totalCount: number; edges: { node: { name: string; accesses: { edges: unknown[] } } }[] };
    }>(print(HighLevelSystemsOfCountyWithAccessDocument), { divisionCode: '140522', activeOn: '2026-11-01' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.systems.totalCount).toBe(systems.length);
    const accessCount = data.accesses.filter(
      (a) => systems.some((s) => s.id === a.systemId) && activeOn(a, '2026-11-01'),
    ).length;
    const got = (r.data?.systems.edges ?? []).reduce((n, e) => n + e.node.accesses.edges.length, 0);
    expect(got).toBe(accessCount);
  });

  it('finds the exposed services in an address range', async () => {
    const cidr = '218.26.0.0/16';
    const expected = data.exposures.filter((e) => cidrContains(cidr, e.ip));
    expect(expected.length).toBeGreaterThan(0);
    const r = await gql<{ exposures: { totalCount: number; edges: { node: { ip: string } }[] } }>(
      print(ExposuresInRangeDocument),
      { cidr, first: 500 },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.exposures.totalCount).toBe(expected.length);
    expect(r.data?.exposures.edges.map((e) => e.node.ip).sort()).toEqual(expected.map((e) => e.ip).sort());
  });
});
