/**
 * Latency measurement of one GraphQL query in several modes, interleaved per iteration so that
 * drift (GC, page cache, JIT) hits every mode alike:
 * - raw: the Cypher statements the API ran for these variables (captured from the app's own Db,
 *   with the very same parameters), replayed with a separate driver — statements the API sent
 *   concurrently are replayed concurrently, the others one after the other;
 * - in-process: `app.fetch` of the document (yoga, auth, limits, audit, resolvers, JSON);
 * - HTTP: a real `fetch` to `serve()` on a loopback port (adds Node's HTTP stack and the socket).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Statement } from '../../server/cypher-statement.js';
import { Db, type Row, type Tx, toParams } from '../../server/neo4j.js';

type AnyStatement = Statement<unknown>;

interface CapturedRun {
  kind: 'run';
  statement: AnyStatement;
  params: unknown;
  start: number;
  end: number;
}
interface CapturedTx {
  kind: 'tx';
  name: string;
  mode: 'read' | 'write';
  items: { statement: AnyStatement; params: unknown }[];
  start: number;
  end: number;
}
export type Captured = CapturedRun | CapturedTx;

/** The app's Db, which can record the statements (and parameters) a request sends. */
export class RecordingDb extends Db {
  private recording: Captured[] | null = null;

  /**
   * Runs `work` while recording; returns what it sent, and the error it failed with (what was sent
   * until then is kept: the statement that timed out can still be profiled). Requests must not
   * overlap meanwhile.
   */
  async capture(work: () => Promise<void>): Promise<{ captured: Captured[]; error: Error | null }> {
    const captured: Captured[] = [];
    this.recording = captured;
    try {
      await work();
      return { captured, error: null };
    } catch (error) {
      return { captured, error: error instanceof Error ? error : new Error(String(error)) };
    } finally {
      this.recording = null;
    }
  }

  override async run<P>(statement: Statement<P>, params: P): Promise<Row[]> {
    const recording = this.recording;
    if (!recording) return super.run(statement, params);
    const start = performance.now();
    try {
      return await super.run(statement, params);
    } finally {
      recording.push({
        kind: 'run',
        statement: statement as AnyStatement,
        params,
        start,
        end: performance.now(),
      });
    }
  }

  override readTransaction<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.recordTransaction('read', name, work);
  }

  private async recordTransaction<T>(mode: 'read' | 'write', name: string, work: (tx: Tx) => Promise<T>) {
    const recording = this.recording;
    if (!recording) return super.readTransaction(name, work);
    const items: CapturedTx['items'] = [];
    const start = performance.now();
    try {
      return await super.readTransaction(name, (tx) =>
        work({
          run: <P>(statement: Statement<P>, params: P) => {
            items.push({ statement: statement as AnyStatement, params });
            return tx.run(statement, params);
          },
        }),
      );
    } finally {
      recording.push({ kind: 'tx', name, mode, items, start, end: performance.now() });
    }
  }
}

/**
 * Groups captured statements into waves: a statement that started before every statement of the
 * current wave had finished was sent concurrently with them (e.g. DataLoader batches of one tick).
 */
export function waves(captured: readonly Captured[]): Captured[][] {
  const sorted = [...captured].sort((a, b) => a.start - b.start);
  const out: Captured[][] = [];
  let current: Captured[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const c of sorted) {
    if (current.length && c.start >= firstEnd) {
      out.push(current);
      current = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    current.push(c);
    firstEnd = Math.min(firstEnd, c.end);
  }
  if (current.length) out.push(current);
  return out;
}

export function statementNames(captured: readonly Captured[]): string[] {
  return captured.flatMap((c) =>
    c.kind === 'run' ? [c.statement.name] : c.items.map((i) => i.statement.name),
  );
}

/** Replays captured statements with a plain driver: same text, same parameters, same routing. */
export class RawReplayer {
  constructor(
    readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  static create(uri: string, user: string, password: string, database: string, timeoutMs: number) {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: true,
      userAgent: 'mlps-registry-bench-raw',
    });
    return new RawReplayer(driver, database, timeoutMs);
  }

  async replay(plan: readonly Captured[][]): Promise<number> {
    let rows = 0;
    for (const wave of plan) {
      const counts = await Promise.all(wave.map((c) => this.replayOne(c)));
      for (const n of counts) rows += n;
    }
    return rows;
  }

  private async replayOne(c: Captured): Promise<number> {
    const transactionConfig = { timeout: this.timeoutMs, metadata: { app: 'mlps-registry-bench-raw' } };
    if (c.kind === 'run') {
      const result = await this.driver.executeQuery(
        c.statement.text,
        toParams(c.params) as Record<string, unknown>,
        {
          database: this.database,
          routing: c.statement.mode === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
          transactionConfig,
        },
      );
      for (const r of result.records) r.toObject();
      return result.records.length;
    }
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: c.mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await session.executeRead(async (tx) => {
        let n = 0;
        for (const item of c.items) {
          const result = await tx.run(item.statement.text, toParams(item.params) as Record<string, unknown>);
          for (const r of result.records) r.toObject();
          n += result.records.length;
        }
        return n;
      }, transactionConfig);
    } finally {
      await session.close();
    }
  }

  /** PROFILE of one captured statement: db hits, rows and the costliest operators. */
  async profile(c: Captured): Promise<ProfileSummary> {
    if (c.kind !== 'run') throw new Error('only single statements are profiled');
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const started = performance.now();
      const result = await session.run(
        `PROFILE ${c.statement.text}`,
        toParams(c.params) as Record<string, unknown>,
        { timeout: Math.max(this.timeoutMs, 120_000) },
      );
      const ms = performance.now() - started;
      const profile = result.summary.profile;
      if (!profile) throw new Error('no profile returned');
      const operators: ProfileOperator[] = [];
      const walk = (p: typeof profile) => {
        operators.push({
          operator: p.operatorType,
          dbHits: p.dbHits,
          rows: p.rows,
          details: String((p.arguments as Record<string, unknown>).Details ?? '').slice(0, 140),
        });
        for (const child of p.children) walk(child);
      };
      walk(profile);
      const totalDbHits = operators.reduce((a, o) => a + o.dbHits, 0);
      const top = [...operators].sort((a, b) => b.dbHits - a.dbHits || b.rows - a.rows).slice(0, 6);
      return { statement: c.statement.name, ms, totalDbHits, resultRows: result.records.length, top };
    } finally {
      await session.close();
    }
  }

  close() {
    return this.driver.close();
  }
}

export interface ProfileOperator {
  operator: string;
  dbHits: number;
  rows: number;
  details: string;
}

export interface ProfileSummary {
  statement: string;
  ms: number;
  totalDbHits: number;
  resultRows: number;
  top: ProfileOperator[];
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

/**
 * Nearest-rank percentiles of latencies in ms. With `weights` (one per sample), the rank is taken on
 * cumulative weight: a variant sampled more often than another can still count as much as it and no
 * more (weight 1/its sample count). Without weights every sample weighs 1 (plain nearest rank).
 */
export function percentiles(samples: readonly number[], weights?: readonly number[]): Percentiles {
  if (samples.length === 0)
    return { n: 0, p50: Number.NaN, p95: Number.NaN, mean: Number.NaN, max: Number.NaN };
  if (weights && weights.length !== samples.length) throw new Error('one weight per sample');
  const weightOf = (i: number) => weights?.[i] ?? 1;
  const order = samples.map((_, i) => i).sort((a, b) => (samples[a] as number) - (samples[b] as number));
  const total = order.reduce((sum, i) => sum + weightOf(i), 0);
  const at = (q: number) => {
    // Nearest rank: the first sample whose cumulative weight reaches q of the total (a relative
    // tolerance keeps sums of 1/n weights from missing an exact boundary).
    let cumulative = 0;
    for (const i of order) {
      cumulative += weightOf(i);
      if (cumulative >= q * total * (1 - 1e-9)) return samples[i] as number;
    }
    return samples[order[order.length - 1] as number] as number;
  };
  return {
    n: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: order.reduce((sum, i) => sum + (samples[i] as number) * weightOf(i), 0) / total,
    max: samples[order[order.length - 1] as number] as number,
  };
}

/** Percentiles over several variants' samples, each variant weighing the same however often it ran. */
export function pooledPercentiles(perVariant: readonly (readonly number[])[]): Percentiles {
  const present = perVariant.filter((s) => s.length > 0);
  return percentiles(
    present.flat(),
    present.flatMap((s) => s.map(() => 1 / s.length)),
  );
}
