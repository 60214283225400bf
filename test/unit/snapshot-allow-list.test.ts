/**
 * The snapshot restore refuses labels and relationship types outside its allow-list: every one the
 * registry's own statements create must be on it, or a backup of real data could not be restored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/snapshot/snapshot.js';

const cypherDir = new URL('../../cypher', import.meta.url).pathname;
// Bench data never reaches a snapshot; migration records are the target database's own.
const SKIPPED_DIRS = new Set(['bench', 'schema']);
const NOT_DATA = new Set(['SchemaMigration']);

function statements(): string[] {
  return readdirSync(cypherDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !SKIPPED_DIRS.has(d.name))
    .flatMap((d) =>
      readdirSync(join(cypherDir, d.name))
        .filter((f) => f.endsWith('.cypher'))
        .map((f) => readFileSync(join(cypherDir, d.name, f), 'utf8')),
    );
}

describe('snapshot allow-lists', () => {
  const texts = statements().map((t) => t.replace(/^\/\/.*$/gm, ''));
  const created = texts.flatMap((t) => [...t.matchAll(/(?:CREATE|MERGE)[^\n]*/g)].map((m) => m[0]));

  it('hold every node label the statements create', () => {
    const labels = new Set(
      created.flatMap((line) => [...line.matchAll(/\([a-z_]*:([A-Z][A-Za-z]+)/g)].map((m) => m[1] as string)),
    );
    expect(labels.size).toBeGreaterThan(10);
    expect([...labels].filter((l) => !NODE_LABELS.has(l) && !NOT_DATA.has(l))).toEqual([]);
  });

  it('hold every relationship type the statements create', () => {
    const types = new Set(
      created.flatMap((line) => [...line.matchAll(/\[[a-z_]*:([A-Z_]+)[\s{\]]/g)].map((m) => m[1] as string)),
    );
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((t) => !RELATIONSHIP_TYPES.has(t))).toEqual([]);
  });
});
