/** Values from the driver become plain JSON-able values: dates as `YYYY-MM-DD`, maps and lists converted in place. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toParams, toPlain } from '../../server/neo4j.js';

describe('toPlain', () => {
  it('formats dates as YYYY-MM-DD, the same as the driver, at any depth', () => {
    const dates = [
      new neo4j.types.Date(2025, 2, 28),
      new neo4j.types.Date(2024, 12, 9),
      new neo4j.types.Date(9999, 1, 1),
    ];
    expect(dates.map((d) => toPlain(d))).toEqual(['2025-02-28', '2024-12-09', '9999-01-01']);
    for (const d of dates) expect(toPlain(d)).toBe(d.toString());
    // Outside four-digit years the driver's own format is kept.
    expect(toPlain(new neo4j.types.Date(999, 1, 1))).toBe(new neo4j.types.Date(999, 1, 1).toString());
    expect(toPlain({ hops: [{ from: new neo4j.types.Date(2020, 1, 5), to: null }] })).toEqual({
      hops: [{ from: '2020-01-05', to: null }],
    });
  });

  it('converts records in place: the same objects come back, undefined becomes null', () => {
    const inner = { at: new neo4j.types.Date(2021, 7, 1), n: 3, gone: undefined };
    const row = { list: [inner, 'x'], count: neo4j.int(42) };
    const plain = toPlain(row) as typeof row;
    expect(plain).toBe(row);
    expect(plain.list[0]).toBe(inner);
    expect(plain).toEqual({ list: [{ at: '2021-07-01', n: 3, gone: null }, 'x'], count: 42 });
  });

  it('copies driver objects that are not plain maps (nodes) into plain objects', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['System'],
      { id: 's1', liveOn: new neo4j.types.Date(2022, 3, 4) },
      'e1',
    );
    expect(toPlain(node)).toEqual({
      identity: 1,
      labels: ['System'],
      properties: { id: 's1', liveOn: '2022-03-04' },
      elementId: 'e1',
    });
  });

  it('sends whole numbers as integers', () => {
    expect(neo4j.isInt((toParams({ first: 51 }) as { first: unknown }).first)).toBe(true);
    expect(toParams({ ratio: 0.5 })).toEqual({ ratio: 0.5 });
  });
});
