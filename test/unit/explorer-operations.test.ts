/**
 * The explorer's GraphQL operations are valid against the printed schema and within the server's
 * default limits (cost, depth, tokens) for the largest variables the page sends; the trusted-documents
 * manifest the build writes lists each of them under its sha256.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, type DocumentNode, Kind, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, PAGE_SIZE, reachPageSize } from '../../explorer/src/operations.js';
import { trustedDocumentsManifest } from '../../scripts/build-explorer.js';
import { loadHardeningConfig, queryCosts, sha256Hex } from '../../server/hardening.js';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const limits = loadHardeningConfig({}, []);

/** The largest variables the page sends for each operation. */
const WORST: Record<keyof typeof OPERATIONS, Record<string, unknown>[]> = {
  ExplorerWhoAmI: [{}],
  ExplorerSearch: [{ search: 'x', first: 20 }],
  ExplorerReach: [0, 1, 2, 3, 4, 5, 6].map((maxHops) => ({
    vendorId: 'x',
    maxHops,
    first: reachPageSize(maxHops),
    via: null,
  })),
  ExplorerSupplyChain: [{ id: 'x', depth: 5 }],
  ExplorerOperatorSystems: [{ id: 'x', first: PAGE_SIZE }],
  ExplorerSector: [{ code: 'ENERGY' }],
  ExplorerNode: [{ id: 'x' }],
};

function depthOf(document: DocumentNode): number {
  let max = 0;
  const walk = (set: { selections: readonly unknown[] } | undefined, depth: number) => {
    if (!set) return;
    for (const s of set.selections as { kind: string; selectionSet?: { selections: readonly unknown[] } }[]) {
      const next = s.kind === Kind.FIELD ? depth + 1 : depth;
      max = Math.max(max, next);
      walk(s.selectionSet, next);
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 0);
  return max;
}

function tokensOf(text: string): number {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

describe('explorer operations', () => {
  for (const [name, text] of Object.entries(OPERATIONS) as [keyof typeof OPERATIONS, string][]) {
    it(`${name} is valid and within the default limits`, () => {
      const document = parse(text);
      expect(validate(schema, document)).toEqual([]);
      expect(depthOf(document)).toBeLessThanOrEqual(limits.maxDepth);
      expect(tokensOf(text)).toBeLessThanOrEqual(limits.maxTokens);
      for (const variables of WORST[name]) {
        const [cost] = queryCosts(schema, document, { variables, defaultPageSize: limits.defaultPageSize });
        expect(cost?.cost).toBeLessThanOrEqual(limits.maxCost);
      }
    });
  }

  it('pages deeper reaches in smaller pages', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(reachPageSize)).toEqual([500, 500, 500, 250, 125, 62, 31]);
  });

  it('lists every operation in the trusted-documents manifest under its sha256', () => {
    const manifest = trustedDocumentsManifest();
    expect(Object.keys(manifest)).toHaveLength(Object.keys(OPERATIONS).length);
    for (const text of Object.values(OPERATIONS)) expect(manifest[sha256Hex(text)]).toBe(text);
  });
});
