/**
 * Injection corpus: Cypher, script and JSON-ish payloads sent in every string input.
 *
 * Part 1 walks every root Query field, every String/ID argument and every String/ID field of its
 * input-object arguments: each payload answers data or an expected error (BAD_USER_INPUT,
 * FORBIDDEN, GRAPHQL_VALIDATION_FAILED), never a masked unexpected error; a rejected request sends
 * no Cypher; a payload never widens a result; the database is left unchanged.
 *
 * Part 2 stores each payload in the free-text fields of the create mutations: the ones the
 * validator refuses (control characters, too long) come back as a ValidationError naming the field
 * and send no write statement; every other one is stored inertly and reads back exactly (trimmed),
 * and the node counts change by exactly the number of objects created.
 */
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import { schema } from '../../schema/index.js';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import type { TokenClaims } from '../../server/auth.js';
import { countByLabel } from '../../server/maintenance.js';
import { residentIdCheckCharacter, usccCheckCharacter } from '../../server/validation/identifiers.js';
import { type GqlResult, testApp, testDb } from '../support/harness.js';

// The corpus sends well over the default 300 requests a minute of one token.
const { gql, db, config } = testApp({ hardening: { ...testDb().config.hardening, rateLimitPerMinute: 0 } });

const AUDITOR: TokenClaims = { sub: 'injection-auditor', role: 'AUDITOR' };

/** 400 characters of Cypher: longer than every free-text field but a system's description. */
const LONG = `${"'}) MATCH (n) DETACH DELETE n // ".repeat(13).slice(0, 399)}Z`;

const PAYLOADS = [
  // Cypher
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '` DETACH DELETE n',
  '$scope',
  '{all: true}',
  'CALL db.labels()',
  "') RETURN 1 UNION MATCH (n) RETURN n //",
  "x' }) WITH 1 AS x CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value //",
  '\\\' OR \\"1\\"=\\"1\\" \\\\',
  '\\`})\\\\"\'; MATCH (n) SET n.pwned = true //',
  '%27%20OR%201%3D1--',
  '晋城\u202E',
  'Ω≈ç√ 🛡️ 𠀀 ｛ａｌｌ｝',
  LONG,
  // Whitespace around and inside: stored trimmed; tab/LF/CR are allowed in text.
  "   ' OR ''='   ",
  'line 1\r\nMATCH (n) DETACH DELETE n\n//\there',
  // Control characters: refused by the text validator.
  '\u001b[2J\u001b]0;pwned\u0007',
  'nul\u0000byte',
  // Script
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${7*7}',
  // JSON-ish
  '{"$ne": null}',
  '{"$gt": ""}',
] as const;

function hasControlCharacters(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

const ALLOWED_READ_ERRORS = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED']);

let writeStatements: Set<string>;
let demo: ReturnType<typeof generateDemoData>;

beforeAll(async () => {
  demo = generateDemoData();
  await loadDemoData(db, demo, config.residentIdKey);
  const generated = await import('../../server/cypher.generated.js');
  writeStatements = new Set(
    (Object.values(generated) as unknown[])
      .filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
      .flatMap((domain) => Object.values(domain as Record<string, { name: string; mode: string }>))
      .filter((s) => s.mode === 'write')
      .map((s) => s.name),
  );
});

// ---------------------------------------------------------------------------------------------
// Part 1: reads

type QueryField = GraphQLField<unknown, unknown>;

/** A value of the right type that no check refuses, for required arguments not under test. */
function benign(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return benign(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, benign(f.type)]),
    );
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-01';
    default:
      return 'x';
  }
}

const isText = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
};

/** Where a payload goes: a String/ID argument, or a String/ID field of an input-object argument. */
interface Slot {
  path: string;
  /** For ID slots: the node types whose global ids are tried with a payload inside. */
  wrapIn: string[];
  variables: (payload: string) => Record<string, unknown>;
}

const nodeInterface = schema.getType('Node');
const NODE_TYPES = isInterfaceType(nodeInterface)
  ? schema.getImplementations(nodeInterface).objects.map((t) => t.name)
  : [];

/** The node types an ID slot names (`systemId` → System, `employerId` → Operator/Vendor); all for `id`. */
function nodeTypesOf(name: string, type: GraphQLInputType): string[] {
  const named = getNamedType(type);
  if (!isScalarType(named) || named.name !== 'ID') return [];
  const stem = name.replace(/Id$/, '').toLowerCase();
  const special: Record<string, string[]> = {
    id: NODE_TYPES,
    employer: ['Operator', 'Vendor'],
    department: ['ProtectionDepartment'],
  };
  return special[stem] ?? NODE_TYPES.filter((t) => t.toLowerCase() === stem);
}

function slotsOf(field: QueryField): Slot[] {
  const required = (except: string) =>
    Object.fromEntries(
      field.args
        .filter((a) => a.name !== except && isNonNullType(a.type))
        .map((a) => [a.name, benign(a.type)]),
    );
  const slots: Slot[] = [];
  for (const arg of field.args) {
    if (isText(arg.type)) {
      slots.push({
        path: arg.name,
        wrapIn: nodeTypesOf(arg.name, arg.type),
        variables: (p) => ({ ...required(arg.name), [arg.name]: p }),
      });
      continue;
    }
    const named = getNamedType(arg.type);
    if (!isInputObjectType(named)) continue;
    for (const inner of Object.values(named.getFields())) {
      if (!isText(inner.type)) continue;
      const list = isListType(isNonNullType(inner.type) ? inner.type.ofType : inner.type);
      slots.push({
        path: `${arg.name}.${inner.name}`,
        wrapIn: nodeTypesOf(inner.name, inner.type),
        variables: (p) => ({
          ...required(arg.name),
          [arg.name]: { ...(benign(named) as object), [inner.name]: list ? [p] : p },
        }),
      });
    }
  }
  return slots;
}

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isObjectType(named)) {
    const fields = named.getFields();
    if (fields.edges) {
      const total = fields.totalCount ? 'totalCount' : '';
      return `{ __typename ${total} pageInfo { hasNextPage } edges { cursor node { __typename } } }`;
    }
    return `{ __typename ${fields.id ? 'id' : ''} }`;
  }
  if (isInterfaceType(named) || isUnionType(named)) return '{ __typename }';
  return '';
}

function queryDocument(field: QueryField): string {
  const variables = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `query Injection(${variables}) { result: ${field.name}(${args}) ${selectionFor(field.type)} }`;
}

const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {}) as QueryField[];
const probed = queryFields.filter((f) => slotsOf(f).length > 0);

/** Problems of one answer to a payload, as readable lines (empty: fine). */
function readProblems(where: string, r: GqlResult<{ result: unknown }>): string[] {
  const problems: string[] = [];
  if (r.status >= 500) problems.push(`${where}: HTTP ${r.status}`);
  if (r.errors?.length) {
    for (const e of r.errors) {
      const code = String(e.extensions?.code);
      if (!ALLOWED_READ_ERRORS.has(code)) problems.push(`${where}: error ${code} "${e.message}"`);
    }
    if (r.statements.length) problems.push(`${where}: rejected but ran ${r.statements.join(', ')}`);
    return problems;
  }
  // A payload is never a wildcard: nothing in the registry carries one (yet), so nothing matches.
  const result = r.data?.result as { edges?: unknown[]; totalCount?: number } | null | undefined;
  if (result === undefined) problems.push(`${where}: neither data nor errors`);
  else if (result?.edges && result.edges.length > 0) {
    problems.push(`${where}: matched ${result.edges.length} objects (totalCount ${result.totalCount})`);
  }
  return problems;
}

describe('Part 1: every string input of every query, sent every payload', () => {
  let before: Record<string, number>;

  beforeAll(async () => {
    before = await countByLabel(db);
    expect(before['node:Operator']).toBeGreaterThan(0);
  });

  it('covers the query fields and their string inputs', () => {
    const paths = probed.flatMap((f) => slotsOf(f).map((s) => `${f.name}(${s.path})`));
    expect(probed.length).toBeGreaterThanOrEqual(17);
    for (const expected of [
      'node(id)',
      'operators(filter.search)',
      'persons(filter.residentId)',
      'exposures(filter.cidr)',
      'exposures(filter.domain)',
      'systemByFilingNumber(filingNumber)',
      'vendorByUscc(uscc)',
      'auditRecords(filter.subject)',
      'systems(after)',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.length).toBeGreaterThan(50);
  });

  it.each(probed.map((f) => [f.name, f] as const))('%s', async (_name, field) => {
    const document = queryDocument(field);
    // The audit trail is closed to the registrar: probe it as its own reader as well.
    const callers: (TokenClaims | undefined)[] = field.name.startsWith('audit')
      ? [undefined, AUDITOR]
      : [undefined];
    const problems: string[] = [];
    let requests = 0;
    for (const caller of callers) {
      for (const slot of slotsOf(field)) {
        // ID slots get each payload raw and inside a well-formed global id of each type they name.
        const values = [
          ...PAYLOADS.map((p) => ({ value: p, shown: p })),
          ...slot.wrapIn.flatMap((t) =>
            PAYLOADS.map((p) => ({ value: encodeGlobalID(t, p), shown: `${t}:${p}` })),
          ),
        ];
        for (const { value, shown } of values) {
          const r = await gql<{ result: unknown }>(document, slot.variables(value), caller);
          requests++;
          const as = caller ? ` as ${caller.role}` : '';
          const where = `${field.name}(${slot.path}: ${JSON.stringify(shown).slice(0, 60)})${as}`;
          problems.push(...readProblems(where, r));
        }
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('left the database exactly as it was', async () => {
    expect(await countByLabel(db)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Part 2: free text of mutations, stored inertly

interface Parents {
  sectorCode: string;
  departmentId: string;
  operatorId: string;
  systemId: string;
  vendorId: string;
  personId: string;
  assessmentId: string;
}

interface TextCase {
  mutation: string;
  /** Free-text input field carrying the payload; read back under the same name. */
  field: string;
  /** Longest accepted text (after trimming). */
  max: number;
  /** The countByLabel key one success adds to. */
  counts: string;
  /** The valid input around the payload; `n` is unique per request. */
  input: (payload: string, n: number, p: Parents) => Record<string, unknown>;
  /** List query whose `filter.search` should find the object by the payload. */
  search?: string;
  /** Undoes a success (net count change 0). */
  undo?: string;
}

const DIVISION = '140525';
const usedUscc = () => new Set([...demo.operators.map((o) => o.uscc), ...demo.vendors.map((v) => v.uscc)]);
const usedResidentIds = () => new Set(demo.persons.map((p) => p.residentId));

let usccSerial = 0;
function freshUscc(): string {
  const used = usedUscc();
  for (;;) {
    const first17 = `91140500MA0K${String(usccSerial++).padStart(5, '0')}`;
    const code = first17 + usccCheckCharacter(first17);
    if (!used.has(code)) return code;
  }
}

let residentSerial = 0;
function freshResidentId(): string {
  const used = usedResidentIds();
  for (;;) {
    const first17 = `14052519580808${String(residentSerial++).padStart(3, '0')}`;
    const id = first17 + residentIdCheckCharacter(first17);
    if (!used.has(id)) return id;
  }
}

const CASES: TextCase[] = [
  ...(['name', 'competentDepartment', 'securityBody', 'securityHead'] as const).map(
    (field): TextCase => ({
      mutation: 'createOperator',
      field,
      max: 200,
      counts: 'node:Operator',
      search: field === 'name' ? 'operators' : undefined,
      input: (payload) => ({
        uscc: freshUscc(),
        name: '注入测试运营者',
        divisionCode: DIVISION,
        [field]: payload,
      }),
    }),
  ),
  ...(['name', 'description'] as const).map(
    (field): TextCase => ({
      mutation: 'createSystem',
      field,
      max: field === 'name' ? 200 : 2000,
      counts: 'node:System',
      search: field === 'name' ? 'systems' : undefined,
      input: (payload, _n, p) => ({ operatorId: p.operatorId, name: '注入测试系统', [field]: payload }),
    }),
  ),
  ...(['name', 'registrationNumber'] as const).map(
    (field): TextCase => ({
      mutation: 'createVendor',
      field,
      max: field === 'name' ? 200 : 100,
      counts: 'node:Vendor',
      search: field === 'name' ? 'vendors' : undefined,
      input: (payload) => ({
        uscc: freshUscc(),
        name: '注入测试服务机构',
        registrationStatus: 'PENDING',
        [field]: payload,
      }),
    }),
  ),
  {
    mutation: 'createPerson',
    field: 'name',
    max: 100,
    counts: 'node:Person',
    search: 'persons',
    input: (payload) => ({ name: payload, residentId: freshResidentId() }),
  },
  ...(['name', 'version', 'category', 'certification'] as const).map(
    (field): TextCase => ({
      mutation: 'createProduct',
      field,
      max: 200,
      counts: 'node:Product',
      search: field === 'name' ? 'products' : undefined,
      input: (payload) => ({ name: '注入测试产品', [field]: payload }),
    }),
  ),
  {
    mutation: 'createCriticalInfrastructure',
    field: 'name',
    max: 200,
    counts: 'node:CriticalInfrastructure',
    input: (payload, _n, p) => ({
      departmentId: p.departmentId,
      sectorCode: p.sectorCode,
      identifiedOn: '2025-03-01',
      name: payload,
    }),
  },
  {
    mutation: 'createFinding',
    field: 'title',
    max: 300,
    counts: 'node:Finding',
    input: (payload, _n, p) => ({ assessmentId: p.assessmentId, severity: 'LOW', title: payload }),
  },
  ...(['name', 'nameEn'] as const).map(
    (field): TextCase => ({
      mutation: 'createSector',
      field,
      max: field === 'name' ? 100 : 200,
      counts: 'node:Sector',
      input: (payload, n) => ({ code: `INJ_${n}`, name: '注入', nameEn: 'Injection', [field]: payload }),
    }),
  ),
  {
    mutation: 'createProtectionDepartment',
    field: 'name',
    max: 200,
    counts: 'node:ProtectionDepartment',
    input: (payload) => ({ divisionCode: DIVISION, name: payload }),
  },
  {
    // One police unit per division: each one is deleted again after it was read back.
    mutation: 'createPoliceUnit',
    field: 'name',
    max: 200,
    counts: 'node:PoliceUnit',
    undo: 'deletePoliceUnit',
    input: (payload) => ({ divisionCode: DIVISION, name: payload }),
  },
  {
    mutation: 'addService',
    field: 'contractRef',
    max: 100,
    counts: 'relationship:SERVES',
    input: (payload, _n, p) => ({
      vendorId: p.vendorId,
      systemId: p.systemId,
      kind: 'DESIGN',
      from: '2025-01-01',
      contractRef: payload,
    }),
  },
  {
    mutation: 'addEmployment',
    field: 'role',
    max: 200,
    counts: 'relationship:WORKS_FOR',
    input: (payload, _n, p) => ({
      personId: p.personId,
      employerId: p.operatorId,
      from: '2025-01-01',
      role: payload,
    }),
  },
  {
    mutation: 'createExposure',
    field: 'service',
    max: 200,
    counts: 'node:Exposure',
    input: (payload, n) => ({
      ip: '192.0.2.77',
      port: 40_000 + n,
      protocol: 'tcp',
      firstSeen: '2025-01-01',
      service: payload,
    }),
  },
  {
    mutation: 'addBackgroundCheck',
    field: 'checkedBy',
    max: 200,
    counts: 'node:BackgroundCheck',
    input: (payload, _n, p) => ({
      personId: p.personId,
      checkedOn: '2025-01-01',
      status: 'PASSED',
      checkedBy: payload,
    }),
  },
];

const mutationFields = schema.getMutationType()?.getFields() ?? {};

function mutationDocument(name: string): { document: string; typeName: string } {
  const field = mutationFields[name];
  if (!field) throw new Error(`no mutation ${name}`);
  const arg = field.args[0] as GraphQLArgument;
  const union = getNamedType(field.type);
  const success = isUnionType(union) ? union.getTypes().find((t) => t.name.endsWith('Success')) : undefined;
  if (!success) throw new Error(`${name} has no success member`);
  const data = success.getFields().data;
  const typeName = data ? getNamedType(data.type).name : '';
  const document = `mutation Injection($input: ${String(arg.type)}) {
    result: ${name}(input: $input) {
      __typename
      ... on ${success.name} { data { id } }
      ... on ValidationError { issues { field message } }
      ... on Error { message }
    }
  }`;
  return { document, typeName };
}

interface MutationAnswer {
  result: {
    __typename: string;
    data?: { id: string };
    issues?: { field: string; message: string }[];
    message?: string;
  };
}

async function create(mutation: string, input: Record<string, unknown>): Promise<string> {
  const { document } = mutationDocument(mutation);
  const r = await gql<MutationAnswer>(document, { input });
  const id = r.data?.result.data?.id;
  if (!id) throw new Error(`${mutation} failed: ${JSON.stringify(r.errors ?? r.data)}`);
  return id;
}

describe('Part 2: payloads in the free text of mutations are refused or stored inertly', () => {
  let parents: Parents;
  let before: Record<string, number>;
  const added: Record<string, number> = {};
  let serial = 0;

  beforeAll(async () => {
    const sectorCode = 'INJ_PARENT';
    await create('createSector', { code: sectorCode, name: '注入父行业', nameEn: 'Injection parent' });
    const departmentId = await create('createProtectionDepartment', {
      divisionCode: DIVISION,
      name: '注入测试保护工作部门',
      sectorCodes: [sectorCode],
    });
    const operatorId = await create('createOperator', {
      uscc: freshUscc(),
      name: '注入测试父运营者',
      divisionCode: DIVISION,
    });
    const systemId = await create('createSystem', { operatorId, name: '注入测试父系统' });
    const vendorId = await create('createVendor', {
      uscc: freshUscc(),
      name: '注入测试父服务机构',
      registrationStatus: 'UNREGISTERED',
    });
    const personId = await create('createPerson', { name: '注入测试人员', residentId: freshResidentId() });
    const assessmentId = await create('createAssessment', { kind: 'LEVEL', on: '2025-02-01', systemId });
    parents = { sectorCode, departmentId, operatorId, systemId, vendorId, personId, assessmentId };

    // Free the division's police unit so that units can be created there.
    const unit = await gql<{ unit: { id: string } | null }>(
      'query U($d: String!) { unit: policeUnitByDivision(divisionCode: $d) { id } }',
      { d: DIVISION },
    );
    const unitId = unit.data?.unit?.id;
    if (unitId) {
      const deleted = await gql<{ r: { __typename: string } }>(
        'mutation D($id: ID!) { r: deletePoliceUnit(id: $id) { __typename } }',
        { id: unitId },
      );
      expect(deleted.data?.r.__typename).toBe('MutationDeletePoliceUnitSuccess');
    }
    before = await countByLabel(db);
  });

  it('has a case for each free-text input it names', () => {
    for (const c of CASES) {
      const arg = mutationFields[c.mutation]?.args[0];
      const input = arg && getNamedType(arg.type);
      expect(input && isInputObjectType(input) ? Object.keys(input.getFields()) : [], c.mutation).toContain(
        c.field,
      );
    }
  });

  it.each(CASES.map((c) => [`${c.mutation} ${c.field}`, c] as const))('%s', async (_name, c) => {
    const { document, typeName } = mutationDocument(c.mutation);
    const problems: string[] = [];
    for (const payload of PAYLOADS) {
      const n = serial++;
      const where = `${c.mutation}(${c.field}: ${JSON.stringify(payload).slice(0, 60)})`;
      const trimmed = payload.trim();
      const refused = trimmed.length > c.max || hasControlCharacters(trimmed);
      const r = await gql<MutationAnswer>(document, { input: c.input(payload, n, parents) });
      const result = r.data?.result;
      if (r.errors || !result) {
        problems.push(`${where}: GraphQL errors ${JSON.stringify(r.errors)}`);
        continue;
      }
      if (refused) {
        const fields = result.issues?.map((i) => i.field);
        if (result.__typename !== 'ValidationError' || !fields?.includes(`input.${c.field}`)) {
          problems.push(
            `${where}: expected a ValidationError on input.${c.field}, got ${JSON.stringify(result)}`,
          );
        }
        const writes = r.statements.filter((s) => writeStatements.has(s));
        if (writes.length) problems.push(`${where}: refused but wrote ${writes.join(', ')}`);
        continue;
      }
      const id = result.data?.id;
      if (!id) {
        problems.push(`${where}: expected success, got ${JSON.stringify(result)}`);
        continue;
      }
      added[c.counts] = (added[c.counts] ?? 0) + 1;

      const back = await gql<{ node: Record<string, unknown> | null }>(
        `query Back($id: ID!) { node(id: $id) { __typename ... on ${typeName} { ${c.field} } } }`,
        { id },
      );
      if (back.errors || back.data?.node?.[c.field] !== trimmed) {
        problems.push(`${where}: read back ${JSON.stringify(back.data?.node ?? back.errors)}`);
      }

      if (c.search) {
        const found = await gql<{ list: { edges: { node: { id: string } }[] } }>(
          `query Find($s: String) { list: ${c.search}(filter: { search: $s }, first: 100) { edges { node { id } } } }`,
          { s: trimmed },
        );
        const ids = found.data?.list.edges.map((e) => e.node.id) ?? [];
        if (found.errors || !ids.includes(id)) {
          problems.push(
            `${where}: ${c.search}(search) did not find it: ${JSON.stringify(found.errors ?? ids)}`,
          );
        }
      }

      if (c.undo) {
        const undone = await gql<{ r: { __typename: string } }>(
          `mutation Undo($id: ID!) { r: ${c.undo}(id: $id) { __typename } }`,
          { id },
        );
        if (undone.data?.r.__typename.endsWith('Success')) added[c.counts] = (added[c.counts] ?? 0) - 1;
        else problems.push(`${where}: ${c.undo} failed ${JSON.stringify(undone)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('changed the node counts by exactly the objects created', async () => {
    const after = await countByLabel(db);
    const expected = { ...before };
    for (const [key, n] of Object.entries(added)) expected[key] = (expected[key] ?? 0) + n;
    const nodes = (counts: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(counts).filter(
          ([k]) => k.startsWith('node:') || k === 'relationship:SERVES' || k === 'relationship:WORKS_FOR',
        ),
      );
    expect(nodes(after)).toEqual(nodes(expected));
    // Every accepted payload made an object of each kind (the corpus is mostly storable).
    expect(added['node:Operator']).toBeGreaterThan(PAYLOADS.length * 2);
    expect(added['node:PoliceUnit']).toBe(0);
  });
});
