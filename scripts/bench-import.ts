/**
 * `npm run bench:import` — measures the inventory import on a large generated operators CSV (a
 * script, not a test): writes the file as a stream, imports it (validate + write), imports it again
 * (all rows unchanged), and reports wall time, rows/s and peak RSS per run in a Markdown table.
 *
 *   npm run bench:import -- [--rows 1000000] [--batch-size 5000] [--out bench/import-results.md]
 *
 * Without NEO4J_URI it uses its own local Neo4j instance `bench-import` (port 7695, data in
 * .neo4j/bench-import, WIPED first, stopped at the end). With NEO4J_URI it refuses a database that
 * holds data.
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
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '5000' },
    out: { type: 'string', default: 'bench/import-results.md' },
  },
});
const rows = Number(values.rows);
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
if (!external) {
  await stopNeo4j(INSTANCE);
  rmSync(join(root, '.neo4j', INSTANCE.name, 'data'), { recursive: true, force: true });
  await startNeo4j(INSTANCE);
}
const db = new Db(config.neo4j);
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const file = join(dir, 'operators.csv');

interface Run {
  name: string;
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

try {
  await migrate(db);
  const { nodes } = await countData(db);
  if (nodes > 0) throw new Error(`the database holds ${nodes} nodes: the benchmark needs an empty one`);
  log(`writing ${rows} rows to ${file}`);
  const gen = await measured(() => writeOperatorsCsv(file, rows));
  const bytes = statSync(file).size;
  log(`${(bytes / 2 ** 20).toFixed(1)} MiB in ${gen.seconds.toFixed(1)} s`);
  const baselineRssMb = process.memoryUsage.rss() / 2 ** 20;
  const ctx = createContext(db, config, principalFromClaims({ sub: 'bench-import', role: 'REGISTRAR' }));
  const runs: Run[] = [];
  for (const name of ['first import (all created)', 're-import (all unchanged)']) {
    log(name);
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
    runs.push({ name, seconds: m.seconds, ...m.result, peakRssMb: m.peakRssMb });
  }
  const table = [
    '| run | rows | seconds | rows/s | created | updated | unchanged | peak RSS (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${rows} | ${r.seconds.toFixed(1)} | ${Math.round(rows / r.seconds)} | ${r.created} | ${r.updated} | ${r.unchanged} | ${r.peakRssMb.toFixed(0)} |`,
    ),
  ];
  const report = [
    '# Inventory import benchmark',
    '',
    `Generated by \`npm run bench:import -- --rows ${rows} --batch-size ${batchSize}\` on ${new Date().toISOString().slice(0, 10)}:`,
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (shared with other work), Node ${process.version},`,
    `Neo4j ${external ? 'from NEO4J_URI' : `local instance (heap ${INSTANCE.heap}, page cache ${INSTANCE.pageCache})`}.`,
    `File: operators CSV with Chinese headers, ${(bytes / 2 ** 20).toFixed(1)} MiB; written in ${gen.seconds.toFixed(1)} s.`,
    `Node RSS before the import: ${baselineRssMb.toFixed(0)} MiB. Each run = pass 1 (stream + validate every row,`,
    'reference checks in batches) + pass 2 (stream again, one `UNWIND … MERGE` transaction per batch).',
    '',
    ...table,
    '',
    'Peak RSS stays flat in the file size apart from the set of natural keys kept for duplicate',
    'detection (one entry per distinct key: about 100 MB per million keys).',
    '',
  ].join('\n');
  writeFileSync(resolve(root, values.out), report);
  console.log(report);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  if (!external) await stopNeo4j(INSTANCE);
}
