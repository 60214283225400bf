/**
 * `npm run bench` — load a synthetic graph and measure the registry's heavy queries (a script, not
 * a test). See bench/README.md.
 *
 *   npm run bench -- [--scale 1] [--iterations 30] [--min-seconds 20] [--warmup 5] [--seed 4] [--replace]
 *                    [--batch-size 10000] [--concurrency 2] [--indexed-load] [--load-warmup 0.2 | --no-load-warmup] [--only <text>] [--skip-load]
 *                    [--no-profile] [--keep-running] [--out bench/results.md]
 *
 * Without NEO4J_URI it uses the project's own `bench` Neo4j instance (port 7690, data in
 * .neo4j/bench, never the dev or test data) and WIPES it first. With NEO4J_URI it refuses to touch a
 * database that holds data unless --replace is given.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { schema } from '../schema/index.js';
import { buildApp } from '../server/app.js';
import { issueToken } from '../server/auth.js';
import { type Config, loadConfig } from '../server/config.js';
import { bench, maintenance } from '../server/cypher.generated.js';
import { serve } from '../server/main.js';
import { migrate } from '../server/migrate.js';
import type { Db } from '../server/neo4j.js';
import { todayInChina } from '../server/repositories/common.js';
import { type BenchData, generateBench, ROW_SHAPE } from './bench/generate.js';
import { type LoadOptions, type LoadWarmup, loadBench, loaderDriver } from './bench/load.js';
import {
  type Captured,
  type ProfileSummary,
  percentiles,
  pooledPercentiles,
  RawReplayer,
  RecordingDb,
  statementNames,
  waves,
} from './bench/measure.js';
import { availability, type BenchQuery, benchQueries } from './bench/queries.js';
import {
  MODE_TITLES,
  MODES,
  type Mode,
  type QueryResult,
  type Report,
  renderMarkdown,
} from './bench/report.js';
import { INSTANCES, startNeo4j, stopNeo4j } from './neo4j.js';

const root = new URL('..', import.meta.url).pathname;

interface Options {
  scale: number;
  iterations: number;
  /** Keep iterating a query until it has been timed for this long (fast queries get more samples). */
  minSeconds: number;
  warmup: number;
  seed: number;
  replace: boolean;
  batchSize: number;
  concurrency: number;
  deferIndexes: boolean;
  /** Scale of the graph loaded and deleted before the timed load (0: time a cold database). */
  loadWarmupScale: number;
  only: string | null;
  skipLoad: boolean;
  profile: boolean;
  keepRunning: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    scale: 1,
    iterations: 30,
    minSeconds: 20,
    warmup: 5,
    seed: 4,
    replace: false,
    batchSize: 10_000,
    concurrency: 2,
    deferIndexes: true,
    loadWarmupScale: 0.2,
    only: null,
    skipLoad: false,
    profile: true,
    keepRunning: false,
    out: join(root, 'bench', 'results.md'),
  };
  const number = (flag: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min || n > max)
      throw new Error(`${flag} needs a number from ${min} to ${max}, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => argv[++i];
    switch (flag) {
      case '--scale':
        o.scale = number(flag, value(), 0.0001, 10);
        break;
      case '--iterations':
        o.iterations = Math.round(number(flag, value(), 1, 100_000));
        break;
      case '--min-seconds':
        o.minSeconds = number(flag, value(), 0, 3_600);
        break;
      case '--warmup':
        o.warmup = Math.round(number(flag, value(), 0, 1_000));
        break;
      case '--seed':
        o.seed = Math.round(number(flag, value(), 0, 2 ** 32 - 1));
        break;
      case '--batch-size':
        o.batchSize = Math.round(number(flag, value(), 100, 100_000));
        break;
      case '--indexed-load':
        o.deferIndexes = false;
        break;
      case '--load-warmup':
        o.loadWarmupScale = number(flag, value(), 0, 10);
        break;
      case '--no-load-warmup':
        o.loadWarmupScale = 0;
        break;
      case '--concurrency':
        o.concurrency = Math.round(number(flag, value(), 1, 16));
        break;
      case '--only':
        o.only = value() ?? null;
        break;
      case '--out':
        o.out = value() ?? o.out;
        break;
      case '--replace':
        o.replace = true;
        break;
      case '--skip-load':
        o.skipLoad = true;
        break;
      case '--no-profile':
        o.profile = false;
        break;
      case '--keep-running':
        o.keepRunning = true;
        break;
      case '--help':
      case '-h':
        console.log(
          'usage: npm run bench -- [--scale 1] [--iterations 30] [--min-seconds 20] [--warmup 5] [--seed 4] [--replace] [--batch-size 10000] [--concurrency 2] [--indexed-load] [--load-warmup 0.2 | --no-load-warmup] [--only <text>] [--skip-load] [--no-profile] [--keep-running] [--out bench/results.md]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${flag} (see --help)`);
    }
  }
  return o;
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** The configuration of the bench's own app: its own audit directories, no rate limit. */
function benchConfig(): Config {
  const external = Boolean(process.env.NEO4J_URI?.trim());
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'error', SEED_DEMO: 'false' };
  if (!external) env.NEO4J_LOCAL_BOLT_PORT = String(INSTANCES.bench.boltPort);
  // The bench signs its own tokens for its own app: a throw-away HS256 secret unless one is set.
  env.AUTH_JWT_SECRET ??= randomBytes(32).toString('hex');
  delete env.AUTH_JWT_PUBLIC_KEY;
  env.RESIDENT_ID_HASH_KEY ??= randomBytes(16).toString('hex');
  return loadConfig(env);
}

/** Generates the synthetic graph and (unless --skip-load) loads it; returns what outlives the rows. */
async function generateAndLoad(options: Options, config: Config, db: Db, asOf: string) {
  log(`generating the graph at scale ${options.scale} (seed ${options.seed})…`);
  const genStarted = performance.now();
  const data = generateBench(options.scale, options.seed, asOf);
  const generated = Object.fromEntries(
    Object.entries(data)
      .filter(([k]) => k !== 'picks')
      .map(([k, rows]) => [k, (rows as unknown[]).length]),
  );
  log(`generated in ${((performance.now() - genStarted) / 1000).toFixed(1)} s`);

  let load = null;
  if (!options.skipLoad) {
    const driver = loaderDriver(config.neo4j.uri, config.neo4j.user, config.neo4j.password);
    const loadOptions = {
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      deferIndexes: options.deferIndexes,
      database: config.neo4j.database,
      log,
    };
    try {
      const warmup = options.loadWarmupScale
        ? await warmUpLoad(
            driver,
            db,
            Math.min(options.loadWarmupScale, options.scale),
            options,
            loadOptions,
            asOf,
          )
        : null;
      load = { ...(await loadBench(driver, data, loadOptions)), warmup };
    } finally {
      await driver.close();
    }
    log(
      `loaded ${load.total.nodes} nodes and ${load.total.relationships} relationships in ${load.total.seconds.toFixed(1)} s (nodes ${Math.round(load.nodePhase.nodes / load.nodePhase.seconds)}/s, relationships ${Math.round(load.relationshipPhase.relationships / load.relationshipPhase.seconds)}/s)`,
    );
  }
  return { picks: data.picks, generated, expected: expectedCounts(data), load };
}

/**
 * A freshly started Neo4j runs its write path interpreted until the JIT has compiled it: on this
 * machine the first 10,000-row batch took 1.7 s and the tenth 0.25 s. A registry server that has
 * been up for a while is warm, so by default the timed load comes after loading a small graph
 * through the same statements and deleting it again (`--no-load-warmup` times the cold start).
 */
async function warmUpLoad(
  driver: Driver,
  db: Db,
  scale: number,
  options: Options,
  loadOptions: LoadOptions,
  asOf: string,
): Promise<LoadWarmup> {
  log(`warming up the database: loading and deleting a graph at scale ${scale}…`);
  const started = performance.now();
  const data = generateBench(scale, options.seed + 1, asOf);
  const stats = await loadBench(driver, data, { ...loadOptions, log: () => undefined });
  const deleteStarted = performance.now();
  await deleteData(db);
  const warmup = {
    scale,
    nodes: stats.total.nodes,
    relationships: stats.total.relationships,
    loadSeconds: stats.total.seconds,
    nodesPerSecond: stats.nodePhase.nodes / stats.nodePhase.seconds,
    deleteSeconds: (performance.now() - deleteStarted) / 1000,
  };
  log(
    `  warm-up: ${warmup.nodes} nodes at ${Math.round(warmup.nodesPerSecond)}/s, deleted in ${warmup.deleteSeconds.toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
  );
  return warmup;
}

/** Deletes every data node (not the migration records), 10,000 a transaction. */
async function deleteData(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.run(maintenance.deleteDataBatch, { batch: 10_000 });
    if (Number(row?.deleted ?? 0) === 0) break;
  }
}

async function wipeLocalInstance(): Promise<void> {
  const instance = INSTANCES.bench;
  await stopNeo4j(instance);
  const dataDir = join(root, '.neo4j', instance.name, 'data');
  log(`wiping ${dataDir}`);
  rmSync(dataDir, { recursive: true, force: true });
}

async function counts(db: RecordingDb) {
  const [row] = await db.run(bench.counts, {});
  return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
}

/** Nodes and relationships the generated data makes (for --skip-load: is the loaded data this data?). */
function expectedCounts(data: BenchData) {
  let nodes = 0;
  let relationships = 0;
  for (const [part, shape] of Object.entries(ROW_SHAPE)) {
    const rows = (data[part as keyof typeof ROW_SHAPE] as unknown[]).length;
    nodes += rows * shape.nodes;
    relationships += rows * shape.relationships;
  }
  return { nodes, relationships };
}

type Caller = (query: BenchQuery, variables: Record<string, unknown>) => Promise<unknown>;

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function checkBody(body: GraphQLBody, status: number): GraphQLBody {
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(`HTTP ${status}: ${e?.extensions?.code ?? 'ERROR'} ${e?.message ?? ''}`.trim());
  }
  return body;
}

/**
 * POSTs over node:http on one keep-alive socket. The client shares the 2 cores with the server and
 * Neo4j, so it should cost as little as it can: undici's `fetch` took ~2.6 ms more per call than this
 * (a 2.5 kB supply-chain answer), all of it client-side CPU.
 */
function httpPoster(url: string, agent: Agent) {
  const target = new URL(url);
  return (headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; body: GraphQLBody }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as GraphQLBody });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
}

/** What the result says about its size, for the per-variant table (e.g. reach summary.systems). */
function describeResult(data: unknown): string | null {
  const top = data && typeof data === 'object' ? Object.values(data as Record<string, unknown>)[0] : null;
  if (!top || typeof top !== 'object') return null;
  const t = top as Record<string, unknown>;
  const summary = t.summary as Record<string, unknown> | undefined;
  const systems = t.systems as { edges?: unknown[] } | undefined;
  if (summary && typeof summary.systems === 'number')
    return `${summary.systems} systems reached, ${systems?.edges?.length ?? '?'} returned`;
  if (Array.isArray((t as { edges?: unknown[] }).edges)) {
    const total = typeof t.totalCount === 'number' ? `${t.totalCount} total, ` : '';
    return `${total}${(t.edges as unknown[]).length} returned`;
  }
  const json = JSON.stringify(top);
  return `${json.length.toLocaleString('en-US')} bytes of JSON`;
}

/** PROFILE of the slowest statement the first variant sent (even if the request failed on it). */
async function profileSlowest(
  captured: readonly Captured[],
  raw: RawReplayer,
  options: Options,
  errors: string[],
): Promise<ProfileSummary | null> {
  if (!options.profile) return null;
  const runs = captured.filter((c) => c.kind === 'run');
  const slowest = runs.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!slowest) return null;
  try {
    return await raw.profile(slowest);
  } catch (error) {
    errors.push(`PROFILE of ${slowest.statement.name} failed: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

function failed(
  query: BenchQuery,
  errors: string[],
  unmeasured: string[],
  profile: ProfileSummary | null,
): QueryResult {
  const none = Object.fromEntries(MODES.map((m) => [m, percentiles([])])) as QueryResult['overall'];
  return {
    name: query.name,
    document: query.document,
    statements: [],
    overall: none,
    variants: [],
    errors,
    unmeasured,
    failures: Object.fromEntries(MODES.map((m) => [m, 0])) as Record<Mode, number>,
    pairedRatio: Number.NaN,
    profile,
    profileOf: query.variants[0]?.label ?? '',
  };
}

async function measureQuery(
  query: BenchQuery,
  callers: Record<Exclude<Mode, 'raw'>, Caller>,
  db: RecordingDb,
  raw: RawReplayer,
  options: Options,
): Promise<QueryResult> {
  const errors: string[] = [];
  const plans: Captured[][][] = [];
  const reached: (string | null)[] = [];
  let statements: string[] = [];
  let firstCapture: Captured[] = [];
  // Capture what the API sends for each variant; a variant the API fails on is left out (and listed).
  const variants: BenchQuery['variants'] = [];
  const unmeasured: string[] = [];
  for (const variant of query.variants) {
    let data: unknown = null;
    const { captured, error } = await db.capture(async () => {
      data = await callers.inProcess(query, variant.variables);
    });
    if (firstCapture.length === 0) firstCapture = captured;
    if (error) {
      errors.push(
        `${variant.label}: not measured, the API answered with an error: ${error.message.split('\n')[0]}`,
      );
      unmeasured.push(variant.label);
      continue;
    }
    if (variants.length === 0) statements = statementNames(captured);
    variants.push(variant);
    plans.push(waves(captured));
    reached.push(describeResult(data));
  }
  if (variants.length === 0)
    return failed(query, errors, unmeasured, await profileSlowest(firstCapture, raw, options, errors));

  const samples = variants.map(
    () => Object.fromEntries(MODES.map((m) => [m, [] as number[]])) as Record<Mode, number[]>,
  );
  const failures = Object.fromEntries(MODES.map((m) => [m, 0])) as Record<Mode, number>;
  // API/raw of each iteration in which both succeeded (same variant, moments apart), per variant.
  const pairedRatios = variants.map(() => [] as number[]);
  // What one timed iteration of a variant (all modes) took.
  const iterationCost = variants.map(() => [] as number[]);
  let round = 0;
  const iterate = async (v: number, timed: boolean) => {
    const times: Partial<Record<Mode, number>> = {};
    const variant = variants[v] as BenchQuery['variants'][number];
    const plan = plans[v] ?? [];
    const sample = samples[v] as Record<Mode, number[]>;
    // The modes in rotating order, so none is always first after another query's work.
    const order = MODES.map((_, k) => MODES[(k + round) % MODES.length] as Mode);
    round++;
    const began = performance.now();
    for (const mode of order) {
      const t0 = performance.now();
      try {
        if (mode === 'raw') await raw.replay(plan);
        else await callers[mode](query, variant.variables);
        if (timed) {
          const elapsed = performance.now() - t0;
          sample[mode].push(elapsed);
          times[mode] = elapsed;
        }
      } catch (error) {
        if (timed) failures[mode]++;
        const cause = (error as Error).cause;
        const message = `${MODE_TITLES[mode]}, ${variant.label}: ${(error as Error).message.split('\n')[0]}${cause instanceof Error ? ` (${cause.message})` : ''}`;
        if (!errors.includes(message)) errors.push(message);
      }
    }
    if (timed) iterationCost[v]?.push(performance.now() - began);
    if (times.raw !== undefined && times.inProcess !== undefined)
      pairedRatios[v]?.push(times.inProcess / times.raw);
  };

  // Every variant is timed at least once (the sampled-vendor query has 30), in rotation.
  let iterations = Math.max(options.iterations, variants.length);
  const total = options.warmup + iterations;
  const started = performance.now();
  for (let i = 0; i < options.warmup + iterations; i++) {
    await iterate(i % variants.length, i >= options.warmup);
    // A very slow query (e.g. 6 hops from the largest vendor at full scale) is cut short after 5 minutes.
    if (i === options.warmup + 2 && total > 10) {
      const perIteration = (performance.now() - started) / (i + 1);
      const budget = 300_000;
      if (perIteration * total > budget) {
        iterations = Math.max(6, Math.floor(budget / perIteration) - options.warmup);
        log(
          `  ${query.name}: ~${Math.round(perIteration)} ms per iteration, cut to ${iterations} iterations`,
        );
      }
    }
  }
  // Cheap variants (an iteration of all modes under 1 s) go on, in rotation, until they have been
  // timed for --min-seconds in all, each up to 10× its share of --iterations: ten samples of a 25 ms
  // variant are too few for a stable p50 on a shared machine. The pooled percentiles weigh every
  // variant the same (pooledPercentiles), so the extra samples sharpen the estimate without changing
  // the mix; the largest vendor (seconds per call) keeps its share of --iterations.
  const share = Math.ceil(iterations / variants.length);
  const cheap = variants
    .map((_, v) => v)
    .filter((v) => {
      const costs = iterationCost[v] ?? [];
      return costs.length > 0 && percentiles(costs).p50 < 1_000;
    });
  const timedOnCheap = () =>
    cheap.reduce((sum, v) => sum + (iterationCost[v] ?? []).reduce((a, b) => a + b, 0), 0);
  for (let k = 0; timedOnCheap() < options.minSeconds * 1000; k++) {
    const open = cheap.filter((v) => (samples[v]?.raw.length ?? 0) < share * 10);
    if (open.length === 0) break;
    await iterate(open[k % open.length] as number, true);
  }

  const profile = await profileSlowest(firstCapture, raw, options, errors);

  const all = Object.fromEntries(
    MODES.map((m) => [m, pooledPercentiles(samples.map((s) => s[m]))]),
  ) as QueryResult['overall'];
  return {
    name: query.name,
    document: query.document,
    statements,
    overall: all,
    variants: variants.map((variant, v) => ({
      label: variant.label,
      reached: reached[v] ?? null,
      stats: Object.fromEntries(MODES.map((m) => [m, percentiles(samples[v]?.[m] ?? [])])) as Record<
        Mode,
        ReturnType<typeof percentiles>
      >,
    })),
    errors,
    unmeasured,
    failures,
    pairedRatio: pooledPercentiles(pairedRatios).p50,
    profile,
    profileOf: query.variants[0]?.label ?? '',
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const loadAtStart = loadavg()[0] ?? 0;
  const external = Boolean(process.env.NEO4J_URI?.trim());
  const config = benchConfig();
  const asOf = todayInChina();

  if (!external) {
    if (!options.skipLoad) await wipeLocalInstance();
    await startNeo4j(INSTANCES.bench);
  }
  const db = new RecordingDb(config.neo4j);
  const cleanups: (() => Promise<unknown>)[] = [() => db.close()];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    if (!external && !options.keepRunning) await stopNeo4j(INSTANCES.bench);
  };

  try {
    const before = await counts(db).catch(() => ({ nodes: 0, relationships: 0 }));
    if (external && before.nodes > 0 && !options.skipLoad) {
      if (!options.replace) {
        throw new Error(
          `NEO4J_URI ${config.neo4j.uri} holds ${before.nodes} nodes: refusing to wipe it. Pass --replace to delete its data, or --skip-load to measure the data already there.`,
        );
      }
      log(`--replace: deleting ${before.nodes} nodes at ${config.neo4j.uri}…`);
      await deleteData(db);
    }
    log('applying migrations…');
    const migrated = await migrate(db);
    if (migrated.applied.length) log(`applied migrations ${migrated.applied.join(', ')}`);

    // The generated rows (hundreds of MB at scale 1) are dropped once loaded: only the picks, the
    // counts and the load statistics outlive this call, so the measured app does not pay for
    // garbage collection of a heap the production server would never hold.
    const { picks, generated, expected, load } = await generateAndLoad(options, config, db, asOf);
    const after = await counts(db);
    log(`database: ${after.nodes} nodes, ${after.relationships} relationships`);
    if (after.nodes !== expected.nodes || after.relationships !== expected.relationships) {
      throw new Error(
        `the database holds ${after.nodes} nodes and ${after.relationships} relationships, the generated data ${expected.nodes} and ${expected.relationships}: ${options.skipLoad ? 'it was loaded with another --scale/--seed (or changed since); run without --skip-load' : 'the load is incomplete'}`,
      );
    }

    // The apps: production path, reads waiting for the audit's fdatasync too, and real HTTP.
    const diskAudit = mkdtempSync(join(tmpdir(), 'bench-audit-'));
    const syncReadsAudit = mkdtempSync(join(tmpdir(), 'bench-audit-sync-'));
    const httpAudit = mkdtempSync(join(tmpdir(), 'bench-audit-http-'));
    cleanups.push(async () => {
      for (const d of [diskAudit, syncReadsAudit, httpAudit]) rmSync(d, { recursive: true, force: true });
    });
    const appConfig = (directory: string, syncReads = config.audit.syncReads): Config => ({
      ...config,
      logLevel: 'error',
      hardening: { ...config.hardening, rateLimitPerMinute: 0 },
      audit: { ...config.audit, directory, syncReads },
    });
    const app = buildApp({ schema, db, config: appConfig(diskAudit) });
    const appSyncReads = buildApp({ schema, db, config: appConfig(syncReadsAudit, true) });
    const running = await serve({ ...appConfig(httpAudit), port: 0, host: '127.0.0.1' }, () => undefined);
    // Node's 5 s keep-alive would close the client's idle socket during a long PROFILE between two
    // queries, and the next POST on it fails ("other side closed"): keep connections for a minute.
    running.server.keepAliveTimeout = 60_000;
    cleanups.push(() => running.stop());
    const token = await issueToken(config.auth, { sub: 'bench', role: 'CITY_POLICE' });
    const headers = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    };
    const inProcess =
      (target: typeof app): Caller =>
      async (query, variables) => {
        const response = await target.fetch('http://localhost/graphql', {
          method: 'POST',
          // A fresh object each time: yoga's in-process fetch adds content-length to the one it gets.
          headers: { ...headers },
          body: JSON.stringify({ query: query.document, variables }),
        });
        return checkBody((await response.json()) as GraphQLBody, response.status).data;
      };
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(async () => agent.destroy());
    const post = httpPoster(`${running.url}/graphql`, agent);
    const callers: Record<Exclude<Mode, 'raw'>, Caller> = {
      inProcess: inProcess(app),
      inProcessSyncReads: inProcess(appSyncReads),
      http: async (query, variables) => {
        const answer = await post(headers, JSON.stringify({ query: query.document, variables }));
        return checkBody(answer.body, answer.status).data;
      },
    };
    const raw = RawReplayer.create(
      config.neo4j.uri,
      config.neo4j.user,
      config.neo4j.password,
      config.neo4j.database,
      config.neo4j.transactionTimeoutMs,
    );
    cleanups.push(() => raw.close());

    const present = availability(schema);
    const missing = Object.entries(present)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    const queries = benchQueries(schema, picks).filter((q) => !options.only || q.name.includes(options.only));
    const results: QueryResult[] = [];
    for (const query of queries) {
      log(`measuring ${query.name} (${query.variants.length} variants)…`);
      const result = await measureQuery(query, callers, db, raw, options);
      results.push(result);
      const o = result.overall;
      log(
        `  raw p50 ${o.raw.p50.toFixed(1)} p95 ${o.raw.p95.toFixed(1)} | API p50 ${o.inProcess.p50.toFixed(1)} p95 ${o.inProcess.p95.toFixed(1)} | HTTP p50 ${o.http.p50.toFixed(1)} p95 ${o.http.p95.toFixed(1)}${result.errors.length ? ` | ${result.errors.length} error(s)` : ''}`,
      );
    }

    const [version] = await db.run(bench.neo4jVersion, {});
    const instance = INSTANCES.bench;
    const report: Report = {
      machine: {
        date: new Date().toISOString(),
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryGiB: totalmem() / 2 ** 30,
        node: process.version,
        neo4j:
          `${String(version?.name ?? 'Neo4j')} ${String(version?.version ?? '?')} ${String(version?.edition ?? '')}`.trim(),
        neo4jMemory: external
          ? `external: ${config.neo4j.uri}`
          : `bench instance: heap ${process.env.NEO4J_HEAP ?? instance.heap}, page cache ${process.env.NEO4J_PAGECACHE ?? instance.pageCache}`,
        platform: `${platform()} ${release()}`,
        loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      },
      scale: options.scale,
      seed: options.seed,
      asOf,
      counts: after,
      generated,
      load,
      queries: results,
      missing,
      notes: [
        `Picked vendors (by SERVES count): ${picks.vendors.map((v) => `${v.label} ${v.serves}`).join(', ')}; supply chain of ${picks.level3Systems.length} level-3 systems; concentration in sector ${picks.sectorCode}.`,
        'Neo4j and Node share the same 2 cores: the API modes pay for their JavaScript on the cores the database also uses.',
      ],
      iterations: options.iterations,
      minSeconds: options.minSeconds,
    };
    const markdown = renderMarkdown(report);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, markdown);
    console.log(markdown);
    log(`wrote ${options.out}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
