/**
 * Shared pieces of the store layer: turning records into node properties (ISO dates become Neo4j
 * DATE values so that date comparisons run in Cypher) and rows back into records.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { ConflictError } from '../errors.js';
import { ConstraintConflict } from '../neo4j.js';

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
