/**
 * Every mutation of the schema, sent input that cannot be right (blank texts, impossible dates,
 * out-of-range numbers, ids that name nothing), answers a typed error member of its result union,
 * sends no write statement, and leaves the database exactly as it was.
 */
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import { countByLabel } from '../../server/maintenance.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

/** A value of the right GraphQL type whose content no validator can accept. */
function badValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return badValue(type.ofType, name);
  if (isListType(type)) return [badValue(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, badValue(f.type, f.name)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return 'not-a-global-id';
      case 'Int':
        return -1;
      case 'Float':
        return -1.5;
      case 'Boolean':
        return true;
      case 'Date':
        return '2025-02-30';
      default:
        return name.toLowerCase().includes('id') ? 'not-a-global-id' : '   ';
    }
  }
  throw new Error(`no bad value for ${String(type)}`);
}

const mutationType = schema.getMutationType();
const mutations = Object.values(mutationType?.getFields() ?? {});

function documentFor(field: (typeof mutations)[number]): string {
  const variables = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const union = getNamedType(field.type);
  const members = isUnionType(union) ? union.getTypes().map((t) => t.name) : [];
  const errorSpreads = members
    .filter((m) => !m.endsWith('Success'))
    .map((m) => `... on ${m} { message }`)
    .join(' ');
  return `mutation Bad(${variables}) { result: ${field.name}(${args}) { __typename ${errorSpreads} } }`;
}

let writeStatements: Set<string>;

beforeAll(async () => {
  await loadDemoData(db, generateDemoData(), config.residentIdKey);
  const generated = await import('../../server/cypher.generated.js');
  writeStatements = new Set(
    (Object.values(generated) as unknown[])
      .filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
      .flatMap((domain) => Object.values(domain as Record<string, { name: string; mode: string }>))
      .filter((s) => s.mode === 'write')
      .map((s) => s.name),
  );
});

describe('every mutation rejects bad input with a typed error and writes nothing', () => {
  it('covers the whole Mutation type', () => {
    // 13 entities × create/update/delete, 8 relationship kinds × add/end, 3 more (checks, sectors).
    expect(mutations.length).toBeGreaterThanOrEqual(55);
    expect(writeStatements.size).toBeGreaterThan(50);
    for (const field of mutations) {
      const union = getNamedType(field.type);
      expect(isUnionType(union) || isObjectType(union), field.name).toBe(true);
    }
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (_name, field) => {
    const before = await countByLabel(db);
    const variables = Object.fromEntries(field.args.map((a) => [a.name, badValue(a.type, a.name)]));
    const r = await gql<{ result: { __typename: string; message?: string } }>(documentFor(field), variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(['ValidationError', 'NotFoundError']).toContain(r.data?.result.__typename);
    expect(r.data?.result.message).toBeTruthy();
    expect(r.statements.filter((s) => writeStatements.has(s))).toEqual([]);
    expect(await countByLabel(db)).toEqual(before);
  });
});
