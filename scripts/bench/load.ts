/**
 * Loads the synthetic graph with batched `UNWIND $rows` statements (cypher/bench/*.cypher), several
 * write transactions at a time, and measures throughput: nodes/s while the node statements run
 * (they create nodes only), relationships/s while the relationship statements run, and the whole
 * load.
 *
 * Each batch is its own transaction (the database was empty; a failed run is wiped by the next).
 * Relationship batches running side by side may deadlock on shared nodes: the driver retries
 * those transient errors.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { bench, schemaMigrations } from '../../server/cypher.generated.js';
import type { Statement } from '../../server/cypher-statement.js';
import { toParams } from '../../server/neo4j.js';
import type { BenchData, Row } from './generate.js';

type LoadStatement = Statement<{ rows: readonly Record<string, unknown>[] }>;
type Part = Exclude<keyof BenchData, 'picks'>;

/**
 * One statement over the rows of one generated part: how many nodes and relationships each row
 * makes. Node statements create nodes only, so nodes/s measures node creation; the relationships
 * of those rows (OPERATES, IN_SECTOR, HAS_CHECK, …) are made by relationship statements.
 */
interface LoadStep {
  part: Part;
  statement: LoadStatement;
  nodesPerRow: number;
  relationshipsPerRow: number;
}

const nodes = (part: Part, statement: LoadStatement): LoadStep => ({
  part,
  statement,
  nodesPerRow: 1,
  relationshipsPerRow: 0,
});
const relationships = (part: Part, statement: LoadStatement, perRow = 1): LoadStep => ({
  part,
  statement,
  nodesPerRow: 0,
  relationshipsPerRow: perRow,
});

/**
 * Node statements depend on nothing (no MATCH), so they form one stage whose batches share one pool
 * of concurrent transactions (the database works on one batch while Node serialises the next).
 */
const NODE_STAGES: readonly (readonly LoadStep[])[] = [
  [
    nodes('sectors', bench.sectors),
    nodes('departments', bench.departments),
    nodes('policeUnits', bench.policeUnits),
    nodes('operators', bench.operators),
    nodes('vendors', bench.vendors),
    nodes('persons', bench.persons),
    nodes('products', bench.products),
    nodes('systems', bench.systems),
    nodes('checks', bench.backgroundChecks),
    nodes('ciis', bench.criticalInfrastructures),
    nodes('exposures', bench.exposures),
  ],
];

/**
 * Relationship statements one after another: batches of one statement touch disjoint rows (the
 * small ones onto a few shared nodes, such as IN_SECTOR, fit in one batch).
 */
const RELATIONSHIP_STAGES: readonly (readonly LoadStep[])[] = [
  [relationships('departments', bench.departmentSectors)],
  [relationships('operators', bench.operatorSectors)],
  [relationships('systems', bench.systemOperators)],
  [relationships('checks', bench.personChecks)],
  [relationships('ciis', bench.ciiSectors, 2)],
  [relationships('exposures', bench.exposureSystems)],
  [relationships('memberships', bench.memberships)],
  [relationships('services', bench.services)],
  [relationships('subcontracts', bench.subcontracts)],
  [relationships('vendorEmployments', bench.vendorEmployments)],
  [relationships('operatorEmployments', bench.operatorEmployments)],
  [relationships('accesses', bench.accesses)],
  [relationships('supplies', bench.supplies)],
  [relationships('productUses', bench.productUses)],
  [relationships('links', bench.links)],
];

export interface PhaseStats {
  nodes: number;
  relationships: number;
  seconds: number;
}

export interface StatementStats {
  part: Part;
  /** The statement's name (a part has a node statement and may have a relationship one). */
  statement: string;
  nodes: number;
  relationships: number;
  rows: number;
  batches: number;
  seconds: number;
}

export interface LoadStats {
  nodePhase: PhaseStats;
  relationshipPhase: PhaseStats;
  total: PhaseStats;
  statements: StatementStats[];
  batchSize: number;
  concurrency: number;
  /** Transactions the driver had to retry (deadlocks between concurrent batches). */
  retries: number;
  /** Secondary indexes/constraints dropped before the node statements and rebuilt after them. */
  deferredIndexes: string[];
  /** Seconds the rebuild took (counted in the node phase). */
  indexSeconds: number;
  /** The untimed load (and deletion) that warmed the database up first, if any. */
  warmup?: LoadWarmup | null;
}

export interface LoadWarmup {
  scale: number;
  nodes: number;
  relationships: number;
  loadSeconds: number;
  /** The node phase's rate during the warm-up: roughly what a cold database does. */
  nodesPerSecond: number;
  deleteSeconds: number;
}

export interface LoadOptions {
  /** Drop the secondary node indexes before the load and rebuild them after the node statements. */
  deferIndexes: boolean;
  batchSize: number;
  concurrency: number;
  database: string;
  log: (message: string) => void;
}

/** A driver for loading: long transactions allowed, transient errors retried for up to 2 minutes. */
export function loaderDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 120_000,
    userAgent: 'mlps-registry-bench',
  });
}

async function runBatch(
  driver: Driver,
  statement: LoadStatement,
  batch: readonly Row[],
  options: LoadOptions,
  counters: { retries: number },
): Promise<void> {
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    let attempts = 0;
    const count = await session.executeWrite(
      async (tx) => {
        if (attempts++ > 0) counters.retries++;
        const result = await tx.run(statement.text, toParams({ rows: batch }) as Record<string, unknown>);
        return Number(result.records[0]?.get('count') ?? 0);
      },
      { timeout: 300_000, metadata: { app: 'mlps-registry-bench', statement: statement.name } },
    );
    if (count !== batch.length) {
      throw new Error(
        `${statement.name}: wrote ${count} of ${batch.length} rows (a referenced node is missing)`,
      );
    }
  } finally {
    await session.close();
  }
}

/** Runs the batches of a stage's statements through one pool; each statement's time spans its first to last batch. */
async function runStage(
  driver: Driver,
  data: BenchData,
  stage: readonly LoadStep[],
  options: LoadOptions,
  counters: { retries: number },
): Promise<StatementStats[]> {
  const queues = stage.map((step) => {
    const rows = data[step.part];
    const batches: Row[][] = [];
    for (let i = 0; i < rows.length; i += options.batchSize)
      batches.push(rows.slice(i, i + options.batchSize));
    return { ...step, rows: rows.length, batches, started: 0, finished: 0, left: batches.length };
  });
  // Round-robin over the statements, so each progresses from the start.
  const work: { q: (typeof queues)[number]; batch: Row[] }[] = [];
  const total = queues.reduce((a, q) => a + q.batches.length, 0);
  for (let i = 0; work.length < total; i++)
    for (const q of queues) if (i < q.batches.length) work.push({ q, batch: q.batches[i] as Row[] });
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const { q, batch } = work[next++] as (typeof work)[number];
      if (!q.started) q.started = performance.now();
      await runBatch(driver, q.statement, batch, options, counters);
      if (--q.left === 0) q.finished = performance.now();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, work.length)) }, worker));
  return queues.map((q) => ({
    part: q.part,
    statement: q.statement.name,
    nodes: q.rows * q.nodesPerRow,
    relationships: q.rows * q.relationshipsPerRow,
    rows: q.rows,
    batches: q.batches.length,
    seconds: ((q.finished || performance.now()) - (q.started || started)) / 1000,
  }));
}

async function runPlan(
  driver: Driver,
  data: BenchData,
  stages: readonly (readonly LoadStep[])[],
  options: LoadOptions,
  counters: { retries: number },
  statements: StatementStats[],
): Promise<PhaseStats> {
  const started = performance.now();
  let nodes = 0;
  let relationships = 0;
  for (const stage of stages) {
    for (const stats of await runStage(driver, data, stage, options, counters)) {
      statements.push(stats);
      nodes += stats.nodes;
      relationships += stats.relationships;
      options.log(
        `  ${stats.statement.padEnd(28)} ${String(stats.rows).padStart(8)} rows in ${stats.seconds.toFixed(1).padStart(6)} s (${Math.round(stats.rows / Math.max(stats.seconds, 1e-3))} rows/s)`,
      );
    }
  }
  return { nodes, relationships, seconds: (performance.now() - started) / 1000 };
}

/** Runs one statement on its own (schema commands cannot share a transaction with anything). */
async function runAlone(
  driver: Driver,
  database: string,
  text: string,
  params: Record<string, unknown> = {},
) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/**
 * A bulk load into an empty database builds secondary indexes once, after the nodes are in, as
 * neo4j-admin import does: the node indexes and constraints that no load statement looks nodes up
 * by are dropped first; `rebuild` re-applies every migration statement (all IF NOT EXISTS) and
 * waits until the indexes are online. Returns the names dropped.
 */
async function dropDeferrableSchema(driver: Driver, database: string): Promise<string[]> {
  const rows = await runAlone(driver, database, bench.deferrableSchema.text);
  for (const row of rows) {
    const statement = row.isConstraint ? bench.dropConstraint : bench.dropIndex;
    await runAlone(driver, database, statement.text, { name: String(row.name) });
  }
  return rows.map((r) => String(r.name));
}

async function rebuildSchema(driver: Driver, database: string): Promise<void> {
  for (const migration of schemaMigrations)
    for (const ddl of migration.statements) await runAlone(driver, database, ddl);
  await runAlone(driver, database, bench.awaitIndexes.text);
}

export async function loadBench(driver: Driver, data: BenchData, options: LoadOptions): Promise<LoadStats> {
  const counters = { retries: 0 };
  const statements: StatementStats[] = [];
  const deferred = options.deferIndexes ? await dropDeferrableSchema(driver, options.database) : [];
  options.log(
    `loading nodes (batches of ${options.batchSize}, ${options.concurrency} at a time${deferred.length ? `; ${deferred.length} secondary indexes/constraints built afterwards` : ''})…`,
  );
  const nodePhase = await runPlan(driver, data, NODE_STAGES, options, counters, statements);
  let indexSeconds = 0;
  if (deferred.length) {
    const started = performance.now();
    await rebuildSchema(driver, options.database);
    indexSeconds = (performance.now() - started) / 1000;
    // The node phase pays for the index build it deferred.
    nodePhase.seconds += indexSeconds;
    options.log(`  rebuilt ${deferred.length} indexes/constraints in ${indexSeconds.toFixed(1)} s`);
  }
  options.log('loading relationships…');
  const relationshipPhase = await runPlan(driver, data, RELATIONSHIP_STAGES, options, counters, statements);
  return {
    nodePhase,
    relationshipPhase,
    total: {
      nodes: nodePhase.nodes + relationshipPhase.nodes,
      relationships: nodePhase.relationships + relationshipPhase.relationships,
      seconds: nodePhase.seconds + relationshipPhase.seconds,
    },
    statements,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    retries: counters.retries,
    deferredIndexes: deferred,
    indexSeconds,
  };
}
