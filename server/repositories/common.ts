/**
 * Shared pieces of the store layer: turning records into node properties (ISO dates become Neo4j
 * DATE values so that date comparisons run in Cypher) and rows back into records.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Context } from '../context.js';
import type { Statement } from '../cypher-statement.js';
import { ConflictError } from '../errors.js';
import { ConstraintConflict, type Row } from '../neo4j.js';
import type { Keyed, PageParams } from '../pagination.js';
import type { Scope } from '../principal.js';

/** Property names that hold calendar dates. */
const DATE_PROPERTY = /(On|^on|^from|^to|Seen)$/;

export function toDbDate(iso: string): unknown {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** Record fields → node properties: dates converted, `id` and relationship fields dropped. */
export function toProps(
  record: Record<string, unknown>,
  omit: readonly string[] = [],
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || omit.includes(key) || value === undefined) continue;
    props[key] = typeof value === 'string' && DATE_PROPERTY.test(key) ? toDbDate(value) : value;
  }
  return props;
}

/** A stored node → its record: absent properties (Neo4j drops nulls) come back as null. */
export function toRecord<T>(node: unknown, fields: readonly (keyof T & string)[]): T {
  const source = (node ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field] = source[field] ?? null;
  return out as T;
}

/** An optional nested node (null when absent) → its record, or null. */
export function toOptional<T>(node: unknown, toNode: (node: unknown) => T): T | null {
  return node ? toNode(node) : null;
}

/** The keyset parameters of a page statement: `$afterKey`, `$afterId`, `$limit` (page size + 1). */
export function keysetParams(page: PageParams) {
  return { afterKey: page.afterKey, afterId: page.afterId, limit: page.limit };
}

/** Parameters of a batched nested page of relationships, optionally those valid on `$activeOn`. */
interface NestedWindowParams {
  scope: Scope;
  parentIds: readonly string[];
  activeOn: string | null;
  afterKey: string | null;
  afterId: string | null;
  limit: number;
}

/**
 * A batched nested list over `statement`: for all parents of the batch, in the caller's scope, one
 * page each of what is valid on `activeOn` (null: history included), as rows `{parentId, rows}`.
 */
export function nestedWindowPages(statement: Statement<NestedWindowParams>) {
  return (ctx: Context, parentIds: readonly string[], activeOn: string | null, page: PageParams) =>
    ctx.db.run(statement, { scope: ctx.principal.scope, parentIds, activeOn, ...keysetParams(page) });
}

/** Rows of a list statement (`RETURN sortKey, node`) → keyed records for a page. */
export function keyedRows<T>(rows: readonly Row[], toNode: (node: unknown) => T): Keyed<T>[] {
  return rows.map((r) => ({ sortKey: r.sortKey as string, node: toNode(r.node) }));
}

/** The total of a count statement (`RETURN count(…) AS total`); 0 without a row. */
export function totalOf(rows: readonly Row[]): number {
  return (rows[0]?.total as number) ?? 0;
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function newId(): string {
  return randomUUID();
}

/**
 * Maps a uniqueness-constraint violation to a ConflictError on the input field holding that
 * property; anything else is rethrown unchanged.
 */
export async function mapConflicts<T>(fieldOf: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConstraintConflict) {
      const field = (error.property && fieldOf[error.property]) ?? 'input';
      throw new ConflictError(field, `another record already has this ${error.property ?? 'key'}`);
    }
    throw error;
  }
}

/**
 * One record by key, batched through the request's DataLoader `name`: each batch of keys runs
 * `statement` once, with the parameters `params` makes of the keys and the caller's scope. A row
 * `{node}` answers the key in its node's `keyField` property; keys without a row (unknown, out of
 * scope) resolve to null.
 */
export function loadByKey<P, R>(
  ctx: Context,
  name: string,
  statement: Statement<P>,
  params: (keys: readonly string[], scope: Scope) => P,
  toNode: (node: unknown, row: Row) => R,
  key: string,
  keyField = 'id',
): Promise<R | null> {
  return ctx
    .loader<string, R | null>(name, null, async (keys) => {
      const rows = await ctx.db.run(statement, params(keys, ctx.principal.scope));
      const found = new Map(rows.map((r) => [(r.node as Row)[keyField], toNode(r.node, r)]));
      return keys.map((k) => found.get(k) ?? null);
    })
    .load(key);
}

/** Parameters of a by-id statement filtered by the caller's scope. */
export const scopedIds = (ids: readonly string[], scope: Scope) => ({ scope, ids });

/** Parameters of a by-id statement on public reference data (no scope). */
export const publicIds = (ids: readonly string[]) => ({ ids });
