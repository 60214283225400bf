/**
 * The Neo4j client: one driver per process, named statements only, reads routed READ and writes
 * routed WRITE, every transaction with a timeout and its statement name as metadata. Rows are
 * turned into plain values at this boundary (Neo4j dates become `YYYY-MM-DD` strings).
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from './config.js';
import type { Statement } from './cypher-statement.js';

export type Row = Record<string, unknown>;

/** A uniqueness constraint rejected a write: a domain conflict, not a server fault. */
export class ConstraintConflict extends Error {
  constructor(
    message: string,
    readonly property: string | null,
  ) {
    super(message);
    this.name = 'ConstraintConflict';
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a driver date: the driver's own toString does this in 64-bit Integer arithmetic, far slower. */
function isoDate(date: { year: number; month: number; day: number }): string {
  const { year, month, day } = date;
  if (year < 1000 || year > 9999) return String(date);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  // Records, lists and maps from the driver are fresh objects owned by the caller: convert them in
  // place rather than copy (a reach page holds thousands of values; copies were garbage per request).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const row = value as Row;
    for (const key in row) {
      const v = row[key];
      if (v !== null && typeof v === 'object') row[key] = toPlain(v);
      else if (v === undefined) row[key] = null;
    }
    return row;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value)) return isoDate(value as unknown as { year: number; month: number; day: number });
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return String(value);
  const out: Row = {};
  for (const [k, v] of Object.entries(value as Row)) out[k] = toPlain(v);
  return out;
}

/**
 * JavaScript numbers go to Neo4j as floats; integral ones are sent as INTEGER so that LIMIT,
 * levels and ports compare and store as integers. Driver values (dates) pass through.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = toParams(v);
    return out;
  }
  return value;
}

function mapError(error: unknown): unknown {
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const property = /property `([^`]+)`/.exec(error.message)?.[1] ?? null;
    return new ConstraintConflict(error.message, property);
  }
  return error;
}

export interface Tx {
  run<P>(statement: Statement<P>, params: P): Promise<Row[]>;
}

export type StatementListener = (name: string, mode: 'read' | 'write') => void;

export class Db {
  readonly driver: Driver;
  private readonly listeners = new Set<StatementListener>();

  constructor(readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 2_000,
      connectionTimeout: 2_000,
      // Fail fast when Neo4j is down (a request must not hang on retries); transient errors still get a retry.
      maxTransactionRetryTime: 1_000,
      userAgent: 'mlps-registry',
    });
  }

  /** Observe every statement sent (tests count round trips with it). Returns an unsubscribe. */
  onStatement(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(name: string, mode: 'read' | 'write') {
    for (const l of this.listeners) l(name, mode);
  }

  private txConfig(name: string) {
    return { timeout: this.config.transactionTimeoutMs, metadata: { app: 'mlps-registry', statement: name } };
  }

  /** Runs one statement in its own transaction, routed by the statement's mode. */
  async run<P>(statement: Statement<P>, params: P): Promise<Row[]> {
    this.notify(statement.name, statement.mode);
    try {
      const result = await this.driver.executeQuery(statement.text, toParams(params) as Row, {
        database: this.config.database,
        routing: statement.mode === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
        transactionConfig: this.txConfig(statement.name),
      });
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw mapError(error);
    }
  }

  /** Runs several statements in one write transaction: all of them take effect or none. */
  writeTransaction<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('write', name, work);
  }

  /** Several reads in one read transaction (a consistent snapshot). */
  readTransaction<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('read', name, work);
  }

  private async transaction<T>(mode: 'read' | 'write', name: string, work: (tx: Tx) => Promise<T>) {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const run = (mtx: ManagedTransaction) => work(this.wrap(mtx));
    try {
      return await (mode === 'read'
        ? session.executeRead(run, this.txConfig(name))
        : session.executeWrite(run, this.txConfig(name)));
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }

  private wrap(mtx: ManagedTransaction): Tx {
    return {
      run: async <P>(statement: Statement<P>, params: P) => {
        this.notify(statement.name, statement.mode);
        const result = await mtx.run(statement.text, toParams(params) as Row);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      },
    };
  }

  /**
   * Runs one schema (DDL) statement. Only for the fixed texts of cypher/schema, embedded at build
   * time by the generator; never for anything derived from a request.
   */
  async runSchemaStatement(name: string, ddl: string): Promise<void> {
    this.notify(name, 'write');
    await this.driver.executeQuery(ddl, {}, { database: this.config.database, routing: neo4j.routing.WRITE });
  }

  /** Waits until every index is online, so queries right after a migration use them. */
  async awaitIndexes(): Promise<void> {
    await this.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: this.config.database });
  }

  /** True when the server answers within the driver's connection timeout. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.config.database });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
