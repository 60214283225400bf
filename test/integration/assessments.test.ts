import { decodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import { countAssessments, listAssessments, loadAssessment } from '../../server/repositories/assessments.js';
import { todayInChina } from '../../server/repositories/exposures.js';
import { countFindings, listFindings } from '../../server/repositories/findings.js';
import { scopedContext, testApp } from '../support/harness.js';

const { gql, db } = testApp();

const scoped = scopedContext;
const PAGE = { limit: 51, pageSize: 50, afterKey: null, afterId: null };

const WRITES = [
  'assessments/create',
  'assessments/update',
  'assessments/delete',
  'findings/create',
  'findings/update',
  'findings/delete',
];
const sys = (id: string) => encodeGlobalID('System', id);
const vendor = (id: string) => encodeGlobalID('Vendor', id);

const A_FIELDS = 'id kind on conclusion score passed system { id name } performedBy { id name }';
const F_FIELDS = 'id title severity dueOn status closedOn assessment { id }';

const CREATE_A = /* GraphQL */ `
  mutation Create($input: CreateAssessmentInput!) {
    createAssessment(input: $input) {
      __typename
      ... on MutationCreateAssessmentSuccess { data { ${A_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;
const UPDATE_A = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateAssessmentInput!) {
    updateAssessment(id: $id, input: $input) {
      __typename
      ... on MutationUpdateAssessmentSuccess { data { ${A_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;
const DELETE_A = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteAssessment(id: $id) {
      __typename
      ... on MutationDeleteAssessmentSuccess { data }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;
const CREATE_F = /* GraphQL */ `
  mutation Create($input: CreateFindingInput!) {
    createFinding(input: $input) {
      __typename
      ... on MutationCreateFindingSuccess { data { ${F_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;
const UPDATE_F = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateFindingInput!) {
    updateFinding(id: $id, input: $input) {
      __typename
      ... on MutationUpdateFindingSuccess { data { ${F_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;
const DELETE_F = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteFinding(id: $id) {
      __typename
      ... on MutationDeleteFindingSuccess { data }
      ... on NotFoundError { field id }
    }
  }
`;
const LIST_A = /* GraphQL */ `
  query List($filter: AssessmentFilter, $first: Int, $after: String) {
    assessments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
`;
const LIST_F = /* GraphQL */ `
  query List($filter: FindingFilter, $first: Int, $after: String) {
    findings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
`;

type Result = Record<string, unknown> & { __typename: string };
type Issues = Result & { issues: { field: string; message: string }[] };
const ids: Record<string, string> = {};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

async function run(query: string, variables: Record<string, unknown>) {
  const r = await gql<Record<string, Result & { data: Record<string, unknown> }>>(query, variables);
  expect(r.errors).toBeUndefined();
  return { result: Object.values(r.data ?? {})[0] as Result & { data: Record<string, unknown> }, r };
}

async function createA(key: string, input: Record<string, unknown>) {
  const { result } = await run(CREATE_A, { input });
  expect(result.__typename).toBe('MutationCreateAssessmentSuccess');
  ids[key] = result.data.id as string;
  return result.data;
}

async function createF(key: string, input: Record<string, unknown>) {
  const { result } = await run(CREATE_F, { input });
  expect(result.__typename, JSON.stringify(result)).toBe('MutationCreateFindingSuccess');
  ids[key] = result.data.id as string;
  return result.data;
}

async function listA(filter: Record<string, unknown>, first = 50) {
  const r = await gql<{ assessments: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST_A, {
    filter,
    first,
  });
  expect(r.errors).toBeUndefined();
  return {
    names: r.data?.assessments.edges.map((e) => name(e.node.id)),
    total: r.data?.assessments.totalCount,
  };
}

async function listF(filter: Record<string, unknown>, first = 50) {
  const r = await gql<{ findings: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST_F, {
    filter,
    first,
  });
  expect(r.errors).toBeUndefined();
  return { names: r.data?.findings.edges.map((e) => name(e.node.id)), total: r.data?.findings.totalCount };
}

async function counts() {
  const { records } = await db.driver.executeQuery(
    'OPTIONAL MATCH (a:Assessment) WITH count(a) AS a OPTIONAL MATCH (f:Finding) RETURN a, count(f) AS f',
    {},
    { database: 'neo4j' },
  );
  return { assessments: records[0]?.get('a'), findings: records[0]?.get('f') };
}

beforeAll(async () => {
  await db.driver.executeQuery(
    `CREATE (o:Operator {id: 'op-1', name: '晋城市测试单位', uscc: '91140500MA0K000058', divisionCode: '140502', inDevelopmentZone: false})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-1', name: '门户网站', status: 'LIVE', protectionLevel: 3})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-2', name: '政务服务平台', status: 'LIVE', protectionLevel: 3})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-3', name: '内部办公系统', status: 'LIVE', protectionLevel: 2})
     CREATE (:Vendor {id: 'v-1', name: '测评机构甲', uscc: '91110000600037341L', registrationStatus: 'REGISTERED'})
     CREATE (:Vendor {id: 'v-2', name: '密评机构乙', uscc: '91140500MA0K000066', registrationStatus: 'REGISTERED'})`,
    {},
    { database: 'neo4j' },
  );
  await createA('level24', {
    systemId: sys('sys-1'),
    vendorId: vendor('v-1'),
    kind: 'LEVEL',
    on: '2024-03-01',
    conclusion: 'GOOD',
    score: 85,
  });
  await createA('level25', {
    systemId: sys('sys-1'),
    vendorId: vendor('v-1'),
    kind: 'LEVEL',
    on: '2025-03-01',
    conclusion: 'POOR',
    score: 55,
  });
  await createA('crypto', {
    systemId: sys('sys-1'),
    vendorId: vendor('v-2'),
    kind: 'CRYPTO',
    on: '2025-04-01',
  });
  await createA('level2', {
    systemId: sys('sys-2'),
    kind: 'LEVEL',
    on: '2025-02-01',
    conclusion: 'EXCELLENT',
    score: 95,
  });
  await createA('cii', {
    systemId: sys('sys-2'),
    vendorId: vendor('v-2'),
    kind: 'CII_SECURITY',
    on: '2025-05-01',
    conclusion: 'FAIR',
    score: 70,
  });
  await createA('crypto2', {
    systemId: sys('sys-2'),
    vendorId: vendor('v-2'),
    kind: 'CRYPTO',
    on: '2025-03-01',
  });
});

/** level25 and crypto2 share a date: newest first, then id descending. */
function tiePair() {
  const dbId = (key: string) => decodeGlobalID(ids[key] ?? '').id;
  return dbId('level25') > dbId('crypto2') ? ['level25', 'crypto2'] : ['crypto2', 'level25'];
}

describe('assessments', () => {
  it('reads an assessment back with system, vendor and pass state', async () => {
    const r = await gql(`query {
      a: node(id: "${ids.level24}") { ... on Assessment { ${A_FIELDS} } }
      b: node(id: "${ids.level25}") { ... on Assessment { passed conclusion } }
      c: node(id: "${ids.crypto}") { ... on Assessment { passed conclusion score performedBy { name } } }
      d: node(id: "${ids.cii}") { ... on Assessment { passed } }
    }`);
    expect(r.data).toEqual({
      a: {
        id: ids.level24,
        kind: 'LEVEL',
        on: '2024-03-01',
        conclusion: 'GOOD',
        score: 85,
        passed: true,
        system: { id: sys('sys-1'), name: '门户网站' },
        performedBy: { id: vendor('v-1'), name: '测评机构甲' },
      },
      b: { passed: false, conclusion: 'POOR' },
      c: { passed: null, conclusion: null, score: null, performedBy: { name: '密评机构乙' } },
      d: { passed: true },
    });
  });

  it('validates score and date and checks the referenced system and vendor, writing nothing', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const bad = await gql<{ createAssessment: Issues }>(CREATE_A, {
      input: { systemId: sys('sys-1'), kind: 'LEVEL', on: tomorrow, score: 101 },
    });
    expect(bad.data?.createAssessment.issues.map((i) => i.field)).toEqual(['input.on', 'input.score']);
    expect(bad.statements).toEqual([]);
    const neg = await gql<{ createAssessment: Issues }>(CREATE_A, {
      input: { systemId: sys('sys-1'), kind: 'LEVEL', on: '2025-02-30', score: -1 },
    });
    expect(neg.data?.createAssessment.issues.map((i) => i.field)).toEqual(['input.on', 'input.score']);
    const today = await gql<{ createAssessment: Result }>(CREATE_A, {
      input: { systemId: sys('nope'), kind: 'LEVEL', on: todayInChina() },
    });
    expect(today.data?.createAssessment).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.systemId',
    });
    const v = await gql<{ createAssessment: Result }>(CREATE_A, {
      input: { systemId: sys('sys-1'), vendorId: vendor('nope'), kind: 'LEVEL', on: '2025-01-01' },
    });
    expect(v.data?.createAssessment).toMatchObject({ __typename: 'NotFoundError', field: 'input.vendorId' });
    expect(v.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    const wrongType = await gql<{ createAssessment: Result }>(CREATE_A, {
      input: { systemId: vendor('v-1'), kind: 'LEVEL', on: '2025-01-01' },
    });
    expect(wrongType.data?.createAssessment).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.systemId',
    });
    expect(await counts()).toEqual(before);
  });

  it('lists assessments newest first with keyset pages across a date tie', async () => {
    const all = ['cii', 'crypto', ...tiePair(), 'level2', 'level24'];
    expect(await listA({})).toEqual({ names: all, total: 6 });
    const seen: (string | undefined)[] = [];
    let after: string | null = null;
    const more: boolean[] = [];
    do {
      const r: {
        data?: {
          assessments: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string } }[];
          };
        };
      } = await gql(LIST_A, { first: 3, after });
      const c = r.data?.assessments;
      seen.push(...(c?.edges.map((e) => name(e.node.id)) ?? []));
      more.push(c?.pageInfo.hasNextPage ?? false);
      after = c?.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
    } while (after);
    expect(more).toEqual([true, false]);
    expect(seen).toEqual(all);
  });

  it('filters by system, vendor, kind and date range', async () => {
    expect((await listA({ systemId: sys('sys-1') })).names).toEqual(['crypto', 'level25', 'level24']);
    expect((await listA({ vendorId: vendor('v-2') })).names).toEqual(['cii', 'crypto', 'crypto2']);
    expect((await listA({ kind: 'LEVEL' })).names).toEqual(['level25', 'level2', 'level24']);
    expect((await listA({ onOrAfter: '2025-03-01', onOrBefore: '2025-04-01' })).names).toEqual([
      'crypto',
      ...tiePair(),
    ]);
    expect(await listA({ kind: 'LEVEL', systemId: sys('sys-2'), onOrBefore: '2025-01-31' })).toEqual({
      names: [],
      total: 0,
    });
    expect((await listA({ systemId: sys('sys-3') })).names).toEqual([]);
    for (const [filter, field] of [
      [{ onOrAfter: '2025-02-30' }, 'filter.onOrAfter'],
      [{ onOrBefore: '2025/01/01' }, 'filter.onOrBefore'],
      [{ systemId: 'garbage' }, 'filter.systemId'],
    ] as const) {
      const r = await gql(LIST_A, { filter });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
    }
  });

  it('System.assessments, System.lastAssessment and Vendor.assessmentsPerformed are batched', async () => {
    const sysQ = (alias: string, id: string) => `${alias}: node(id: "${sys(id)}") { ... on System {
      all: assessments { edges { node { id } } }
      level: assessments(kind: LEVEL, first: 1) { pageInfo { hasNextPage } edges { node { id } } }
      lastLevel: lastAssessment(kind: LEVEL) { id on }
      lastCrypto: lastAssessment(kind: CRYPTO) { id }
      lastCii: lastAssessment(kind: CII_SECURITY) { id }
    } }`;
    const r = await gql<Record<string, Record<string, unknown>>>(`query {
      ${sysQ('s1', 'sys-1')} ${sysQ('s2', 'sys-2')} ${sysQ('s3', 'sys-3')}
      v1: node(id: "${vendor('v-1')}") { ... on Vendor { assessmentsPerformed { edges { node { id } } } } }
      v2: node(id: "${vendor('v-2')}") { ... on Vendor { assessmentsPerformed(first: 2) { pageInfo { hasNextPage } edges { node { id } } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const edges = (xs: string[]) => xs.map((x) => ({ node: { id: ids[x] } }));
    expect(r.data?.s1).toEqual({
      all: { edges: edges(['crypto', 'level25', 'level24']) },
      level: { pageInfo: { hasNextPage: true }, edges: edges(['level25']) },
      lastLevel: { id: ids.level25, on: '2025-03-01' },
      lastCrypto: { id: ids.crypto },
      lastCii: null,
    });
    expect(r.data?.s2).toEqual({
      all: { edges: edges(['cii', 'crypto2', 'level2']) },
      level: { pageInfo: { hasNextPage: false }, edges: edges(['level2']) },
      lastLevel: { id: ids.level2, on: '2025-02-01' },
      lastCrypto: { id: ids.crypto2 },
      lastCii: { id: ids.cii },
    });
    expect(r.data?.s3).toEqual({
      all: { edges: [] },
      level: { pageInfo: { hasNextPage: false }, edges: [] },
      lastLevel: null,
      lastCrypto: null,
      lastCii: null,
    });
    expect(r.data?.v1).toEqual({ assessmentsPerformed: { edges: edges(['level25', 'level24']) } });
    expect(r.data?.v2).toEqual({
      assessmentsPerformed: { pageInfo: { hasNextPage: true }, edges: edges(['cii', 'crypto']) },
    });
    const n = (s: string) => r.statements.filter((x) => x === s).length;
    expect(n('assessments/bySystems')).toBe(2); // one per distinct argument set (all, kind LEVEL)
    expect(n('assessments/lastBySystems')).toBe(3); // one per kind
    expect(n('assessments/byVendors')).toBe(2); // one per argument set (default first, first: 2)
  });

  it('updates an assessment: conclusion, score, vendor removed, moved to another system', async () => {
    const { result } = await run(UPDATE_A, {
      id: ids.crypto2,
      input: { conclusion: 'GOOD', score: 88, vendorId: null },
    });
    expect(result.data).toMatchObject({ conclusion: 'GOOD', score: 88, passed: true, performedBy: null });
    const moved = await run(UPDATE_A, {
      id: ids.crypto2,
      input: { systemId: sys('sys-3'), vendorId: vendor('v-1') },
    });
    expect(moved.result.data).toMatchObject({
      system: { id: sys('sys-3') },
      performedBy: { id: vendor('v-1') },
      kind: 'CRYPTO',
      on: '2025-03-01',
    });
    expect((await listA({ systemId: sys('sys-3') })).names).toEqual(['crypto2']);
    const bad = await gql<{ updateAssessment: Issues }>(UPDATE_A, {
      id: ids.crypto2,
      input: { score: 101, systemId: null, kind: null },
    });
    expect(bad.data?.updateAssessment.issues.map((i) => i.field)).toEqual([
      'input.systemId',
      'input.kind',
      'input.score',
    ]);
    expect(bad.statements).toEqual([]);
    const nf = await gql<{ updateAssessment: Result }>(UPDATE_A, {
      id: encodeGlobalID('Assessment', 'nope'),
      input: { score: 1 },
    });
    expect(nf.data?.updateAssessment).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });
});

describe('findings', () => {
  beforeAll(async () => {
    await createF('f1', {
      assessmentId: ids.level25,
      title: '弱口令',
      severity: 'HIGH',
      dueOn: '2025-06-01',
    });
    await createF('f2', {
      assessmentId: ids.level25,
      title: '日志留存不足',
      severity: 'MEDIUM',
      dueOn: '2025-09-01',
    });
    await createF('f3', {
      assessmentId: ids.level25,
      title: '补丁缺失',
      severity: 'LOW',
      dueOn: '2025-04-01',
      status: 'RECTIFIED',
      closedOn: '2025-03-20',
    });
    await createF('f4', { assessmentId: ids.cii, title: '边界防护', severity: 'LOW' });
  });

  it('reads a finding back with its assessment', async () => {
    const r = await gql(
      `query { node(id: "${ids.f3}") { ... on Finding { ${F_FIELDS} assessment { kind on } } } }`,
    );
    expect(r.data?.node).toEqual({
      id: ids.f3,
      title: '补丁缺失',
      severity: 'LOW',
      dueOn: '2025-04-01',
      status: 'RECTIFIED',
      closedOn: '2025-03-20',
      assessment: { id: ids.level25, kind: 'LEVEL', on: '2025-03-01' },
    });
    const f4 = await gql(`query { node(id: "${ids.f4}") { ... on Finding { status dueOn closedOn } } }`);
    expect(f4.data?.node).toEqual({ status: 'OPEN', dueOn: null, closedOn: null });
  });

  it('validates status, dates and the assessment, writing nothing', async () => {
    const before = await counts();
    const base = { assessmentId: ids.level25, title: 't', severity: 'LOW' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ status: 'RECTIFIED' }, ['input.closedOn']],
      [{ status: 'ACCEPTED', closedOn: '2025-02-28' }, ['input.closedOn']],
      [{ closedOn: '2025-03-10' }, ['input.closedOn']],
      [{ dueOn: '2025-02-01' }, ['input.dueOn']],
      [
        { title: '  ', dueOn: '2025-13-01', closedOn: '2999-01-01', status: 'RECTIFIED' },
        ['input.title', 'input.dueOn', 'input.closedOn'],
      ],
    ];
    for (const [input, fields] of cases) {
      const r = await gql<{ createFinding: Issues }>(CREATE_F, { input: { ...base, ...input } });
      expect(
        r.data?.createFinding.issues?.map((i) => i.field),
        JSON.stringify(input),
      ).toEqual(fields);
      expect(r.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    }
    const nf = await gql<{ createFinding: Result }>(CREATE_F, {
      input: { ...base, assessmentId: encodeGlobalID('Assessment', 'nope') },
    });
    expect(nf.data?.createFinding).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.assessmentId',
    });
    expect(await counts()).toEqual(before);
  });

  it('lists findings by due date (none last) and filters them', async () => {
    expect(await listF({})).toEqual({ names: ['f3', 'f1', 'f2', 'f4'], total: 4 });
    expect((await listF({ systemId: sys('sys-1') })).names).toEqual(['f3', 'f1', 'f2']);
    expect((await listF({ systemId: sys('sys-2') })).names).toEqual(['f4']);
    expect((await listF({ status: 'RECTIFIED' })).names).toEqual(['f3']);
    expect((await listF({ status: 'OPEN', severity: 'LOW' })).names).toEqual(['f4']);
    expect((await listF({ assessmentId: ids.cii })).names).toEqual(['f4']);
    expect((await listF({ overdueOn: '2025-06-01' })).names).toEqual([]);
    expect(await listF({ overdueOn: '2025-06-02' })).toEqual({ names: ['f1'], total: 1 });
    expect((await listF({ overdueOn: '2025-10-01' })).names).toEqual(['f1', 'f2']);
    expect((await listF({}, 2)).names).toEqual(['f3', 'f1']);
    const r = await gql(LIST_F, { filter: { overdueOn: '2025-02-29' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.overdueOn' });
  });

  it('lists the findings of several assessments with one batched statement', async () => {
    const r = await gql<{
      assessments: { edges: { node: { id: string; findings: { edges: { node: { id: string } }[] } } }[] };
    }>(`query { assessments { edges { node { id findings { edges { node { id } } } } } } }`);
    expect(r.errors).toBeUndefined();
    const got = Object.fromEntries(
      r.data?.assessments.edges.map((e) => [
        name(e.node.id),
        e.node.findings.edges.map((f) => name(f.node.id)),
      ]) ?? [],
    );
    expect(got).toEqual({
      cii: ['f4'],
      crypto: [],
      crypto2: [],
      level25: ['f3', 'f1', 'f2'],
      level2: [],
      level24: [],
    });
    expect(r.statements.filter((s) => s === 'findings/byAssessments')).toHaveLength(1);
  });

  it('closes and reopens a finding', async () => {
    const closed = await run(UPDATE_F, {
      id: ids.f1,
      input: { status: 'RECTIFIED', closedOn: '2025-06-10' },
    });
    expect(closed.result.data).toMatchObject({
      status: 'RECTIFIED',
      closedOn: '2025-06-10',
      dueOn: '2025-06-01',
    });
    expect((await listF({ overdueOn: '2025-10-01' })).names).toEqual(['f2']);
    const noDate = await gql<{ updateFinding: Issues }>(UPDATE_F, {
      id: ids.f2,
      input: { status: 'ACCEPTED' },
    });
    expect(noDate.data?.updateFinding.issues.map((i) => i.field)).toEqual(['input.closedOn']);
    const early = await gql<{ updateFinding: Issues }>(UPDATE_F, {
      id: ids.f1,
      input: { closedOn: '2025-01-01' },
    });
    expect(early.data?.updateFinding.issues.map((i) => i.field)).toEqual(['input.closedOn']);
    const clearDate = await gql<{ updateFinding: Issues }>(UPDATE_F, {
      id: ids.f1,
      input: { closedOn: null },
    });
    expect(clearDate.data?.updateFinding.issues.map((i) => i.field)).toEqual(['input.closedOn']);
    const reopened = await run(UPDATE_F, { id: ids.f3, input: { status: 'OPEN' } });
    expect(reopened.result.data).toMatchObject({ status: 'OPEN', closedOn: null });
    const back = await run(UPDATE_F, {
      id: ids.f3,
      input: { status: 'ACCEPTED', closedOn: '2025-03-25', title: '补丁缺失（风险接受）' },
    });
    expect(back.result.data).toMatchObject({
      status: 'ACCEPTED',
      closedOn: '2025-03-25',
      title: '补丁缺失（风险接受）',
    });
  });

  it('keeps an assessment date before its findings’ closing and due dates', async () => {
    const r = await gql<{ updateAssessment: Issues }>(UPDATE_A, {
      id: ids.level25,
      input: { on: '2025-05-01' },
    });
    expect(r.data?.updateAssessment.issues.map((i) => i.field)).toEqual(['input.on', 'input.on']);
    expect(r.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    const ok = await run(UPDATE_A, { id: ids.level25, input: { on: '2025-03-15' } });
    expect(ok.result.data).toMatchObject({ on: '2025-03-15' });
  });

  it('limits a restricted caller to assessments and findings of systems in its jurisdiction', async () => {
    const inside = scoped({ divisionCodes: ['140502'] });
    const outside = scoped({ divisionCodes: ['140521'], operatorIds: ['op-other'] });
    expect(await countAssessments(inside, {})).toBe(6);
    expect((await listFindings(inside, {}, PAGE)).length).toBe(4);
    expect(await listAssessments(outside, {}, PAGE)).toEqual([]);
    expect(await countAssessments(outside, {})).toBe(0);
    expect(await countFindings(outside, {})).toBe(0);
    expect(await loadAssessment(outside, decodeGlobalID(ids.level24 ?? '').id)).toBeNull();
  });

  it('refuses to delete an assessment with findings; deletes findings, then the assessment', async () => {
    const before = await counts();
    const r = await gql<{ deleteAssessment: Issues }>(DELETE_A, { id: ids.cii });
    expect(r.data?.deleteAssessment.issues.map((i) => i.field)).toEqual(['id']);
    expect(r.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    expect(await counts()).toEqual(before);
    const f = await run(DELETE_F, { id: ids.f4 });
    expect(f.result).toEqual({ __typename: 'MutationDeleteFindingSuccess', data: ids.f4 });
    const again = await gql<{ deleteFinding: Result }>(DELETE_F, { id: ids.f4 });
    expect(again.data?.deleteFinding).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    const a = await run(DELETE_A, { id: ids.cii });
    expect(a.result).toEqual({ __typename: 'MutationDeleteAssessmentSuccess', data: ids.cii });
    expect(await counts()).toEqual({ assessments: before.assessments - 1, findings: before.findings - 1 });
    expect((await gql(`query { node(id: "${ids.cii}") { id } }`)).data?.node).toBeNull();
    expect((await listA({ systemId: sys('sys-2') })).names).toEqual(['level2']);
  });
});
