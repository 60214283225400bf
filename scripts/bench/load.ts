/**
 * Loads the synthetic graph with batched `UNWIND $rows` statements (cypher/bench/*.cypher), several
 * write transactions at a time, and measures throughput: nodes/s while the node statements run
 * (including the relationship each node is created with, e.g. OPERATES), relationships/s while the
 * relationship statements run, and the whole load.
 *
 * Each batch is its own transaction (the database was empty; a failed run is wiped by the next).
 * Relationship batches running side by side may deadlock on shared nodes: the driver retries
 * those transient errors.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { bench } from '../../server/cypher.generated.js';
import type { Statement } from '../../server/cypher-statement.js';
import { toParams } from '../../server/neo4j.js';
import { type BenchData, ROW_SHAPE, type Row } from './generate.js';

type LoadStatement = Statement<{ rows: readonly Record<string, unknown>[] }>;
type Part = Exclude<keyof BenchData, 'picks'>;

const NODE_PLAN: readonly [Part, LoadStatement][] = [
  ['sectors', bench.sectors],
  ['departments', bench.departments],
  ['policeUnits', bench.policeUnits],
  ['operators', bench.operators],
  ['vendors', bench.vendors],
  ['persons', bench.persons],
  ['products', bench.products],
  // These match nodes created above.
  ['systems', bench.systems],
  ['ciis', bench.criticalInfrastructures],
  ['checks', bench.backgroundChecks],
  ['exposures', bench.exposures],
];

const RELATIONSHIP_PLAN: readonly [Part, LoadStatement][] = [
  ['memberships', bench.memberships],
  ['services', bench.services],
  ['subcontracts', bench.subcontracts],
  ['vendorEmployments', bench.vendorEmployments],
  ['operatorEmployments', bench.operatorEmployments],
  ['accesses', bench.accesses],
  ['supplies', bench.supplies],
  ['productUses', bench.productUses],
  ['links', bench.links],
];

export interface PhaseStats {
  nodes: number;
  relationships: number;
  seconds: number;
}

export interface StatementStats {
  part: Part;
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
}

export interface LoadOptions {
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

async function runStatement(
  driver: Driver,
  part: Part,
  statement: LoadStatement,
  rows: readonly Row[],
  options: LoadOptions,
  counters: { retries: number },
): Promise<StatementStats> {
  const started = performance.now();
  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += options.batchSize) batches.push(rows.slice(i, i + options.batchSize));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as Row[];
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
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, worker));
  return { part, rows: rows.length, batches: batches.length, seconds: (performance.now() - started) / 1000 };
}

async function runPlan(
  driver: Driver,
  data: BenchData,
  plan: readonly [Part, LoadStatement][],
  options: LoadOptions,
  counters: { retries: number },
  statements: StatementStats[],
): Promise<PhaseStats> {
  const started = performance.now();
  let nodes = 0;
  let relationships = 0;
  for (const [part, statement] of plan) {
    const rows = data[part];
    const stats = await runStatement(driver, part, statement, rows, options, counters);
    statements.push(stats);
    nodes += rows.length * ROW_SHAPE[part].nodes;
    relationships += rows.length * ROW_SHAPE[part].relationships;
    options.log(
      `  ${part.padEnd(20)} ${String(rows.length).padStart(8)} rows in ${stats.seconds.toFixed(1).padStart(6)} s (${Math.round(rows.length / Math.max(stats.seconds, 1e-3))} rows/s)`,
    );
  }
  return { nodes, relationships, seconds: (performance.now() - started) / 1000 };
}

export async function loadBench(driver: Driver, data: BenchData, options: LoadOptions): Promise<LoadStats> {
  const counters = { retries: 0 };
  const statements: StatementStats[] = [];
  options.log(`loading nodes (batches of ${options.batchSize}, ${options.concurrency} at a time)…`);
  const nodePhase = await runPlan(driver, data, NODE_PLAN, options, counters, statements);
  options.log('loading relationships…');
  const relationshipPhase = await runPlan(driver, data, RELATIONSHIP_PLAN, options, counters, statements);
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
  };
}
