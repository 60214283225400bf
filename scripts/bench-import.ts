/**
 * `npm run bench:import` — measures the inventory import on large generated operators CSVs (a
 * script, not a test): for each size, writes the file as a stream, imports it into an empty database
 * (validate + write), imports it again (all rows unchanged), and reports wall time, rows/s and peak
 * RSS per run in a Markdown table.
 *
 *   npm run bench:import -- [--rows 20000,200000,1000000] [--batch-size 5000] [--out bench/import-results.md]
 *
 * Without NEO4J_URI it uses its own local Neo4j instance `bench-import` (port 7695, data in
 * .neo4j/bench-import, WIPED before each size, stopped at the end). With NEO4J_URI it takes one size
 * and refuses a database that holds data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { principalFromClaims } from '../server/auth.js';
import { LOCAL_NEO4J, loadConfig } from '../server/config.js';
import { createContext } from '../server/context.js';
import { importInventory } from '../server/import/inventory/run.js';
import { writeOperatorsCsv } from '../server/import/inventory/synthetic.js';
import { countData } from '../server/maintenance.js';
import { migrate } from '../server/migrate.js';
import { Db } from '../server/neo4j.js';
import { type Instance, startNeo4j, stopNeo4j } from './neo4j.js';

const root = new URL('..', import.meta.url).pathname;
const INSTANCE: Instance = {
  name: 'bench-import',
  boltPort: 7695,
  password: LOCAL_NEO4J.password,
  heap: '2g',
  pageCache: '1g',
};

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000,200000,1000000' },
    'batch-size': { type: 'string', default: '5000' },
    out: { type: 'string', default: 'bench/import-results.md' },
  },
});
const sizes = values.rows.split(',').map(Number);
if (sizes.some((n) => !(Number.isInteger(n) && n > 0)))
  throw new Error('--rows: positive integers, comma-separated');
const batchSize = Number(values['batch-size']);
const log = (m: string) => console.error(`[bench:import] ${m}`);

const external = Boolean(process.env.NEO4J_URI?.trim());
const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'error' };
if (!external) {
  env.NEO4J_LOCAL_BOLT_PORT = String(INSTANCE.boltPort);
  env.AUTH_JWT_SECRET ??= randomBytes(32).toString('hex');
  env.RESIDENT_ID_HASH_KEY ??= randomBytes(16).toString('hex');
}
const config = loadConfig(env);
if (external && sizes.length > 1) throw new Error('with NEO4J_URI, give one --rows size');
/** A fresh empty database (the local instance is wiped and restarted). */
async function freshDb(): Promise<Db> {
  if (!external) {
    await stopNeo4j(INSTANCE);
    rmSync(join(root, '.neo4j', INSTANCE.name, 'data'), { recursive: true, force: true });
    await startNeo4j(INSTANCE);
  }
  return new Db(config.neo4j);
}
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const file = join(dir, 'operators.csv');

interface Run {
  name: string;
  rows: number;
  megabytes: number;
  baselineRssMb: number;
  seconds: number;
  created: number;
  updated: number;
  unchanged: number;
  peakRssMb: number;
}

/** Peak RSS sampled every 100 ms during `work`. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const runs: Run[] = [];
let db: Db | null = null;
try {
  for (const rows of sizes) {
    await db?.close();
    db = await freshDb();
    await migrate(db);
    const { nodes } = await countData(db);
    if (nodes > 0) throw new Error(`the database holds ${nodes} nodes: the benchmark needs an empty one`);
    log(`writing ${rows} rows to ${file}`);
    const gen = await measured(() => writeOperatorsCsv(file, rows));
    const bytes = statSync(file).size;
    log(`${(bytes / 2 ** 20).toFixed(1)} MiB in ${gen.seconds.toFixed(1)} s`);
    global.gc?.();
    const baselineRssMb = process.memoryUsage.rss() / 2 ** 20;
    const ctx = createContext(db, config, principalFromClaims({ sub: 'bench-import', role: 'REGISTRAR' }));
    for (const name of ['first import (all created)', 're-import (all unchanged)']) {
      log(`${rows} rows: ${name}`);
      let lastLog = 0;
      const m = await measured(() =>
        importInventory(ctx, {
          entity: 'operators',
          input: { path: file },
          fileName: 'operators.csv',
          format: 'csv',
          batchSize,
          onProgress: (phase, b) => {
            if (Date.now() - lastLog > 5_000) {
              lastLog = Date.now();
              log(`${phase} ${((100 * b) / bytes).toFixed(0)}%`);
            }
          },
        }),
      );
      if (m.result.badRowCount > 0)
        throw new Error(`bad rows: ${JSON.stringify(m.result.badRows.slice(0, 3))}`);
      runs.push({
        ...m.result,
        name,
        rows,
        megabytes: bytes / 2 ** 20,
        baselineRssMb,
        seconds: m.seconds,
        peakRssMb: m.peakRssMb,
      });
    }
  }
  const table = [
    '| rows | file (MiB) | run | seconds | rows/s | created | updated | unchanged | RSS before (MiB) | peak RSS (MiB) |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.rows} | ${r.megabytes.toFixed(1)} | ${r.name} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds)} | ${r.created} | ${r.updated} | ${r.unchanged} | ${r.baselineRssMb.toFixed(0)} | ${r.peakRssMb.toFixed(0)} |`,
    ),
  ];
  const report = [
    '# Inventory import benchmark',
    '',
    `Generated by \`npm run bench:import -- --rows ${sizes.join(',')} --batch-size ${batchSize}\` on ${new Date().toISOString().slice(0, 10)}:`,
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (shared with other work), Node ${process.version},`,
    `Neo4j ${external ? 'from NEO4J_URI' : `local instance (heap ${INSTANCE.heap}, page cache ${INSTANCE.pageCache}), wiped before each size`}.`,
    'Files: operators CSV with Chinese headers. Each run = pass 1 (stream + validate every row: cells,',
    'duplicates and shared values against the on-disk scratch store, references in batches) + pass 2',
    '(stream again, one `UNWIND … MERGE` transaction per batch). Peak RSS is sampled every 100 ms.',
    '',
    ...table,
    '',
  ].join('\n');
  writeFileSync(resolve(root, values.out), report);
  console.log(report);
} finally {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
  if (!external) await stopNeo4j(INSTANCE);
}
