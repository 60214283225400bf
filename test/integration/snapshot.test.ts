import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import { countData, deleteAllData } from '../../server/maintenance.js';
import { NO_SCOPE } from '../../server/principal.js';
import { exportSnapshot, restoreSnapshot, SnapshotError } from '../../server/snapshot/snapshot.js';
import { encodeProps } from '../../server/snapshot/values.js';
import { testDb } from '../support/db.js';

const { db, config } = testDb();
const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
afterAll(() => driver.close());

/**
 * Every node (labels + typed properties, keyed by its `id`) and relationship (type, endpoints by id,
 * typed properties), read with a lossless driver and typed through the snapshot encoding (which tags
 * Integer/Date/DateTime), sorted: two graphs are equal exactly when these are.
 */
async function dump() {
  const session = driver.session({ database: config.neo4j.database });
  try {
    const nodes = await session.run(
      'MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS labels, properties(n) AS props',
    );
    const rels = await session.run(
      'MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props',
    );
    const n = nodes.records
      .map((r) => JSON.stringify([[...r.get('labels')].sort(), encodeProps(r.get('props'))]))
      .sort();
    const e = rels.records
      .map((r) => JSON.stringify([r.get('type'), r.get('from'), r.get('to'), encodeProps(r.get('props'))]))
      .sort();
    return { nodes: n, relationships: e };
  } finally {
    await session.close();
  }
}

describe('snapshot export and restore', () => {
  let before: Awaited<ReturnType<typeof dump>>;
  const file = join(dir, 'city.jsonl');

  beforeAll(async () => {
    await loadDemoData(db, generateDemoData(), config.residentIdKey);
    // Types the demo data does not hold: a float, a datetime with zone and offset, an integer list,
    // a float that is integral, a big integer.
    await driver.executeQuery(
      `MATCH (o:Operator) WITH o ORDER BY o.id LIMIT 1
       SET o.testFloat = 2.0, o.testRatio = 0.25, o.testBig = 9007199254740993,
           o.testAt = datetime('2026-11-01T08:30:00.123456789+08:00'),
           o.testZoned = datetime({year: 2026, month: 3, day: 1, hour: 9, timezone: 'Asia/Shanghai'}),
           o.testLocal = localdatetime('2026-11-01T08:30:00'),
           o.testInts = [1, 2, 3], o.testDates = [date('2026-01-01')], o.testEmpty = '', o.testTrue = true`,
      {},
      { database: config.neo4j.database },
    );
    before = await dump();
  });

  it('round-trips the whole demo city exactly (every node, relationship and typed property)', async () => {
    const header = await exportSnapshot(db, file, null);
    expect(header.counts).toEqual({ nodes: before.nodes.length, relationships: before.relationships.length });
    expect(before.nodes.length).toBeGreaterThan(2_500);
    await deleteAllData(db);
    expect((await countData(db)).nodes).toBe(0);
    const restored = await restoreSnapshot(db, file);
    expect(restored).toMatchObject({
      nodes: before.nodes.length,
      relationships: before.relationships.length,
    });
    const after = await dump();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    // The typed values survived as their types (not only as equal JSON).
    const { records } = await driver.executeQuery(
      `MATCH (o:Operator) WHERE o.testFloat IS NOT NULL
       RETURN valueType(o.testFloat) AS f, valueType(o.testBig) AS b, valueType(o.testAt) AS at,
              valueType(o.testInts) AS ints, valueType(o.testDates) AS dates, o.testBig = 9007199254740993 AS big,
              o.testZoned = datetime({year: 2026, month: 3, day: 1, hour: 9, timezone: 'Asia/Shanghai'}) AS zoned`,
      {},
      { database: config.neo4j.database },
    );
    expect(records[0]?.toObject()).toEqual({
      f: 'FLOAT NOT NULL',
      b: 'INTEGER NOT NULL',
      at: 'ZONED DATETIME NOT NULL',
      ints: 'LIST<INTEGER NOT NULL> NOT NULL',
      dates: 'LIST<DATE NOT NULL> NOT NULL',
      big: true,
      zoned: true,
    });
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const counts = await countData(db);
    await expect(restoreSnapshot(db, file)).rejects.toThrow(
      /restore needs an empty database; this one holds/,
    );
    expect(await countData(db)).toEqual(counts);
  });

  it('refuses labels and relationship types outside the model, and a truncated file, leaving the database empty', async () => {
    await deleteAllData(db);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const bad = lines.map((l) =>
      l.replace('"labels":["Sector"]', '"labels":["Sector`) DETACH DELETE n //"]'),
    );
    writeFileSync(join(dir, 'bad-label.jsonl'), `${bad.join('\n')}\n`);
    await expect(restoreSnapshot(db, join(dir, 'bad-label.jsonl'))).rejects.toThrow(/unknown node label/);
    const badType = lines.map((l) => l.replace('"type":"OPERATES"', '"type":"OWNS"'));
    writeFileSync(join(dir, 'bad-type.jsonl'), `${badType.join('\n')}\n`);
    await expect(restoreSnapshot(db, join(dir, 'bad-type.jsonl'))).rejects.toThrow(
      /unknown relationship type "OWNS"/,
    );
    writeFileSync(join(dir, 'truncated.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    await expect(restoreSnapshot(db, join(dir, 'truncated.jsonl'))).rejects.toThrow(SnapshotError);
    expect(await countData(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('exports one county: its operators, their systems and what is attached, nothing of other counties', async () => {
    await restoreSnapshot(db, file);
    const division = '140522';
    const out = join(dir, 'county.jsonl');
    const header = await exportSnapshot(db, out, { ...NO_SCOPE, divisionCodes: [division] });
    const records = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const nodes = records.filter((r) => 'node' in r);
    const operators = nodes.filter((r) => r.labels.includes('Operator'));
    const { records: expected } = await driver.executeQuery(
      `MATCH (o:Operator {divisionCode: $division}) OPTIONAL MATCH (o)-[:OPERATES]->(s:System)
       RETURN count(DISTINCT o) AS operators, count(DISTINCT s) AS systems`,
      { division },
      { database: config.neo4j.database },
    );
    expect(operators.length).toBe(neo4j.integer.toNumber(expected[0]?.get('operators')));
    expect(operators.length).toBeGreaterThan(0);
    expect(operators.every((o) => o.props.divisionCode === division)).toBe(true);
    expect(nodes.filter((r) => r.labels.includes('System')).length).toBe(
      neo4j.integer.toNumber(expected[0]?.get('systems')),
    );
    expect(header.counts.nodes).toBe(nodes.length);
    // Restoring the county alone into an empty database gives exactly those records.
    await deleteAllData(db);
    const restored = await restoreSnapshot(db, out);
    expect(restored.nodes).toBe(header.counts.nodes);
    expect(restored.relationships).toBe(header.counts.relationships);
  });
});
