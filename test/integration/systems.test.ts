import { decodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const WRITES = ['systems/create', 'systems/update', 'systems/delete', 'links/create', 'links/end'];
const writes = (statements: string[]) => statements.filter((s) => WRITES.includes(s));

async function count(cypher: string): Promise<number> {
  const r = await db.driver.executeQuery(cypher, {}, { database: 'neo4j' });
  return Number(r.records[0]?.get(0));
}
const dbId = (globalId: string | undefined) => decodeGlobalID(globalId as string).id;
const systemCount = () => count('MATCH (s:System) RETURN count(s)');
const linkCount = () => count('MATCH ()-[r:CONNECTS_TO]->() RETURN count(r)');

const SYSTEM_FIELDS = /* GraphQL */ `
  id name filingNumber protectionLevel businessInfoLevel systemServiceLevel status
  levelDeterminedOn filedOn liveOn decommissionedOn description isCii divisionCode divisionName
  operator { id name }
`;

const CREATE_OPERATOR = /* GraphQL */ `
  mutation ($input: CreateOperatorInput!) {
    createOperator(input: $input) { __typename ... on MutationCreateOperatorSuccess { data { id } } }
  }
`;

const CREATE = /* GraphQL */ `
  mutation ($input: CreateSystemInput!) {
    createSystem(input: $input) {
      __typename
      ... on MutationCreateSystemSuccess { data { ${SYSTEM_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
      ... on ConflictError { field message }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateSystemInput!) {
    updateSystem(id: $id, input: $input) {
      __typename
      ... on MutationUpdateSystemSuccess { data { ${SYSTEM_FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
      ... on ConflictError { field message }
    }
  }
`;

const LIST = /* GraphQL */ `
  query ($filter: SystemFilter, $first: Int, $after: String) {
    systems(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const ADD_LINK = /* GraphQL */ `
  mutation ($input: AddSystemLinkInput!) {
    addSystemLink(input: $input) {
      __typename
      ... on MutationAddSystemLinkSuccess { data { id protocol port validFrom validTo from { name } to { name } } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;

const END_LINK = /* GraphQL */ `
  mutation ($id: ID!, $to: Date!) {
    endSystemLink(id: $id, to: $to) {
      __typename
      ... on MutationEndSystemLinkSuccess { data { id validFrom validTo } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
    }
  }
`;

/** `data.<key>` of a response, failing loudly (with the whole response) when absent. */
function dataOf<T>(r: { data?: unknown }, key: string): T {
  const value = (r.data as Record<string, unknown> | undefined)?.[key];
  if (value == null) throw new Error(`no data.${key}: ${JSON.stringify(r)}`);
  return value as T;
}

type Issues = { __typename: string; issues: { field: string; message: string }[] };

const op: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
const sys: Record<string, string> = {};

async function createSystem(input: Record<string, unknown>) {
  const r = await gql(CREATE, { input });
  expect(r.errors).toBeUndefined();
  const result = r.data?.createSystem as { __typename: string; data: Record<string, unknown> };
  expect(result.__typename).toBe('MutationCreateSystemSuccess');
  return result.data;
}

async function names(filter: Record<string, unknown>) {
  const r = await gql<{ systems: { totalCount: number; edges: { node: { name: string } }[] } }>(LIST, {
    filter,
    first: 50,
  });
  expect(r.errors).toBeUndefined();
  const list = r.data?.systems.edges.map((e) => e.node.name) ?? [];
  expect(r.data?.systems.totalCount).toBe(list.length);
  return list;
}

beforeAll(async () => {
  await db.driver.executeQuery(
    "CREATE (:Sector {id: randomUUID(), code: 'ENERGY', name: '能源', nameEn: 'Energy'}), (:Sector {id: randomUUID(), code: 'WATER', name: '水利', nameEn: 'Water'})",
    {},
    { database: 'neo4j' },
  );
  const operators = [
    ['A', '91140500MA0K00010R', '晋城供电公司', '140502', 'ENERGY'],
    ['B', '91140500MA0K00020T', '阳城水务公司', '140522', 'WATER'],
    ['C', '91140500MA0K00030U', '泽州燃气公司', '140525', 'ENERGY'],
  ] as const;
  for (const [key, uscc, name, divisionCode, sectorCode] of operators) {
    const r = await gql<{ createOperator: { data: { id: string } } }>(CREATE_OPERATOR, {
      input: { uscc, name, divisionCode, sectorCode },
    });
    op[key] = r.data?.createOperator.data.id as string;
  }
  const inputs: Record<string, Record<string, unknown>> = {
    S1: {
      name: '供电调度系统',
      operatorId: op.A,
      filingNumber: '14050099001-21001',
      protectionLevel: 3,
      businessInfoLevel: 3,
      systemServiceLevel: 2,
      status: 'LIVE',
      levelDeterminedOn: '2021-03-01',
      filedOn: '2021-03-10',
      liveOn: '2021-05-01',
      description: '电力调度',
    },
    S2: { name: '办公自动化系统', operatorId: op.A, protectionLevel: 2, description: 'OA' },
    S3: {
      name: '水务监控系统',
      operatorId: op.B,
      filingNumber: '14052299002-22001',
      protectionLevel: 4,
      businessInfoLevel: 4,
      systemServiceLevel: 4,
      status: 'LIVE',
    },
    S4: {
      name: '旧门户网站',
      operatorId: op.B,
      protectionLevel: 1,
      status: 'DECOMMISSIONED',
      liveOn: '2015-01-01',
      decommissionedOn: '2020-12-31',
    },
    S5: {
      name: '燃气SCADA系统',
      operatorId: op.C,
      businessInfoLevel: 3,
      systemServiceLevel: 1,
      status: 'UNDER_CONSTRUCTION',
    },
  };
  for (const [key, input] of Object.entries(inputs)) sys[key] = (await createSystem(input)).id as string;
});

describe('systems', () => {
  it('reads a created system back with its operator, division and CII flag', async () => {
    const r = await gql(
      `query ($id: ID!) { node(id: $id) { __typename ... on System { ${SYSTEM_FIELDS} } } }`,
      {
        id: sys.S1,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.node).toEqual({
      __typename: 'System',
      id: sys.S1,
      name: '供电调度系统',
      filingNumber: '14050099001-21001',
      protectionLevel: 3,
      businessInfoLevel: 3,
      systemServiceLevel: 2,
      status: 'LIVE',
      levelDeterminedOn: '2021-03-01',
      filedOn: '2021-03-10',
      liveOn: '2021-05-01',
      decommissionedOn: null,
      description: '电力调度',
      isCii: false,
      divisionCode: '140502',
      divisionName: '城区',
      operator: { id: op.A, name: '晋城供电公司' },
    });
  });

  it('defaults the status to PLANNED and derives the level from the two partial levels', async () => {
    const r = await gql(
      `query ($id: ID!) { a: node(id: $id) { ... on System { status protectionLevel } } }`,
      {
        id: sys.S2,
      },
    );
    expect(r.data?.a).toEqual({ status: 'PLANNED', protectionLevel: 2 });
    const s5 = await gql(`query ($id: ID!) { node(id: $id) { ... on System { protectionLevel status } } }`, {
      id: sys.S5,
    });
    expect(s5.data?.node).toEqual({ protectionLevel: 3, status: 'UNDER_CONSTRUCTION' });
  });

  it('finds a system by filing number', async () => {
    const r = await gql(`{ systemByFilingNumber(filingNumber: "14052299002-22001") { id name } }`);
    expect(r.data?.systemByFilingNumber).toEqual({ id: sys.S3, name: '水务监控系统' });
    const none = await gql(`{ systemByFilingNumber(filingNumber: "14052299002-29999") { id } }`);
    expect(none.data?.systemByFilingNumber).toBeNull();
  });

  it('lists systems by name and applies each filter exactly', async () => {
    expect(await names({})).toEqual([
      '供电调度系统',
      '办公自动化系统',
      '旧门户网站',
      '水务监控系统',
      '燃气SCADA系统',
    ]);
    expect(await names({ protectionLevel: 3 })).toEqual(['供电调度系统', '燃气SCADA系统']);
    expect(await names({ minLevel: 3 })).toEqual(['供电调度系统', '水务监控系统', '燃气SCADA系统']);
    expect(await names({ status: 'LIVE' })).toEqual(['供电调度系统', '水务监控系统']);
    expect(await names({ status: 'DECOMMISSIONED' })).toEqual(['旧门户网站']);
    expect(await names({ operatorId: op.B })).toEqual(['旧门户网站', '水务监控系统']);
    expect(await names({ divisionCode: '140502' })).toEqual(['供电调度系统', '办公自动化系统']);
    expect(await names({ sectorCode: 'ENERGY' })).toEqual([
      '供电调度系统',
      '办公自动化系统',
      '燃气SCADA系统',
    ]);
    expect(await names({ sectorCode: 'WATER', minLevel: 2 })).toEqual(['水务监控系统']);
    expect(await names({ search: '监控' })).toEqual(['水务监控系统']);
    expect(await names({ search: '14050099001-21001' })).toEqual(['供电调度系统']);
    expect(await names({ search: 'SCADA', status: 'LIVE' })).toEqual([]);
    expect(await names({ isCii: true })).toEqual([]);
    expect(await names({ isCii: false })).toHaveLength(5);
  });

  it('rejects a bad filter argument', async () => {
    const r = await gql(LIST, { filter: { minLevel: 6 } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.minLevel' });
  });

  it('pages with first/after', async () => {
    type Page = {
      systems: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const p1 = await gql<Page>(LIST, { first: 2 });
    expect(p1.data?.systems.edges.map((e) => e.node.name)).toEqual(['供电调度系统', '办公自动化系统']);
    expect(p1.data?.systems.pageInfo.hasNextPage).toBe(true);
    const p2 = await gql<Page>(LIST, { first: 2, after: p1.data?.systems.pageInfo.endCursor });
    expect(p2.data?.systems.edges.map((e) => e.node.name)).toEqual(['旧门户网站', '水务监控系统']);
    expect(p2.data?.systems.pageInfo.hasNextPage).toBe(true);
    const p3 = await gql<Page>(LIST, { first: 2, after: p2.data?.systems.pageInfo.endCursor });
    expect(p3.data?.systems.edges.map((e) => e.node.name)).toEqual(['燃气SCADA系统']);
    expect(p3.data?.systems.pageInfo.hasNextPage).toBe(false);
  });

  it('lists the systems of several operators with one statement', async () => {
    const r = await gql<{
      operators: {
        edges: {
          node: {
            name: string;
            systems: { edges: { node: { name: string; operator: { name: string } } }[] };
          };
        }[];
      };
    }>(`{
      operators(first: 10) { edges { node { name systems(first: 10) { edges { node { name operator { name } } } } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const byOperator = Object.fromEntries(
      r.data?.operators.edges.map((e) => [e.node.name, e.node.systems.edges.map((s) => s.node.name)]) ?? [],
    );
    expect(byOperator).toEqual({
      晋城供电公司: ['供电调度系统', '办公自动化系统'],
      阳城水务公司: ['旧门户网站', '水务监控系统'],
      泽州燃气公司: ['燃气SCADA系统'],
    });
    expect(r.statements.filter((s) => s.startsWith('systems/'))).toEqual(['systems/byOperators']);
    expect(r.statements.filter((s) => s.startsWith('operators/'))).toEqual([
      'operators/list',
      'operators/byIds',
    ]);

    const filtered = await gql<typeof r.data>(`{
      operators(first: 10) { edges { node { name systems(first: 1, filter: {minLevel: 2}) { edges { node { name } } pageInfo { hasNextPage } } } } }
    }`);
    const pages = Object.fromEntries(
      filtered.data?.operators.edges.map((e) => [e.node.name, e.node.systems]) ?? [],
    );
    expect(pages).toEqual({
      晋城供电公司: { edges: [{ node: { name: '供电调度系统' } }], pageInfo: { hasNextPage: true } },
      阳城水务公司: { edges: [{ node: { name: '水务监控系统' } }], pageInfo: { hasNextPage: false } },
      泽州燃气公司: { edges: [{ node: { name: '燃气SCADA系统' } }], pageInfo: { hasNextPage: false } },
    });
    expect(filtered.statements.filter((s) => s.startsWith('systems/'))).toEqual(['systems/byOperators']);
  });

  it.each([
    ['a level above 5', { protectionLevel: 6 }, ['input.protectionLevel']],
    [
      'partial levels out of range',
      { businessInfoLevel: 0, systemServiceLevel: 6 },
      ['input.businessInfoLevel', 'input.systemServiceLevel'],
    ],
    [
      'a declared level below the computed one',
      { protectionLevel: 2, businessInfoLevel: 3, systemServiceLevel: 1 },
      ['input.protectionLevel'],
    ],
    [
      'a declared level above the computed one',
      { protectionLevel: 4, businessInfoLevel: 3, systemServiceLevel: 1 },
      ['input.protectionLevel'],
    ],
    [
      'a declared level below one partial level',
      { protectionLevel: 2, systemServiceLevel: 3 },
      ['input.protectionLevel'],
    ],
    ['a bad filing number', { filingNumber: '1405009900121001' }, ['input.filingNumber']],
    [
      'a filing number of the placeholder division',
      { filingNumber: '14050199001-21001' },
      ['input.filingNumber'],
    ],
    [
      'filing before grading',
      { filingNumber: '14050099001-21009', levelDeterminedOn: '2021-05-01', filedOn: '2021-04-30' },
      ['input.filedOn'],
    ],
    [
      'decommissioning before go-live',
      { liveOn: '2021-05-01', decommissionedOn: '2021-04-01' },
      ['input.decommissionedOn'],
    ],
    ['an impossible date', { liveOn: '2021-02-30' }, ['input.liveOn']],
    ['a filing date without filing number', { filedOn: '2021-04-30' }, ['input.filingNumber']],
    ['DECOMMISSIONED without a date', { status: 'DECOMMISSIONED' }, ['input.decommissionedOn']],
    ['a blank name', { name: '  ' }, ['input.name']],
  ])('rejects %s, naming the fields, writing nothing', async (_label, change, fields) => {
    const before = await systemCount();
    const r = await gql(CREATE, { input: { name: '新系统', operatorId: op.A, ...change } });
    expect(r.errors).toBeUndefined();
    const result = r.data?.createSystem as Issues;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i) => i.field)).toEqual(fields);
    expect(r.statements).toEqual([]);
    expect(await systemCount()).toBe(before);
  });

  it('lists every problem at once', async () => {
    const r = await gql(CREATE, {
      input: { name: '新系统', operatorId: op.A, protectionLevel: 6, filingNumber: 'x', liveOn: '2021-1-1' },
    });
    expect(dataOf<Issues>(r, 'createSystem').issues.map((i) => i.field)).toEqual([
      'input.filingNumber',
      'input.protectionLevel',
      'input.liveOn',
    ]);
  });

  it('answers NotFoundError for an unknown or malformed operator id', async () => {
    const before = await systemCount();
    const unknown = Buffer.from('Operator:00000000-0000-0000-0000-000000000000').toString('base64');
    for (const operatorId of [unknown, 'nonsense']) {
      const r = await gql(CREATE, { input: { name: '新系统', operatorId } });
      expect(r.data?.createSystem).toMatchObject({ __typename: 'NotFoundError', field: 'input.operatorId' });
      expect(writes(r.statements)).toEqual([]);
    }
    const wrongType = await gql(CREATE, { input: { name: '新系统', operatorId: sys.S1 } });
    expect(wrongType.data?.createSystem).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.operatorId',
    });
    expect(await systemCount()).toBe(before);
  });

  it('answers ConflictError for a duplicate filing number and writes nothing', async () => {
    const before = await systemCount();
    const r = await gql(CREATE, {
      input: { name: '重复备案', operatorId: op.C, filingNumber: ' 14050099001-21001 ' },
    });
    expect(r.data?.createSystem).toMatchObject({ __typename: 'ConflictError', field: 'input.filingNumber' });
    expect(await systemCount()).toBe(before);
    expect(await names({ operatorId: op.C })).toEqual(['燃气SCADA系统']);
  });

  it('validates an update on the merged result', async () => {
    // S2 has protectionLevel 2: raising one partial level to 3 without the total is an error.
    const r = await gql(UPDATE, { id: sys.S2, input: { businessInfoLevel: 3 } });
    expect(dataOf<Issues>(r, 'updateSystem').issues.map((i) => i.field)).toEqual(['input.protectionLevel']);
    expect(writes(r.statements)).toEqual([]);
    // S1 was graded on 2021-03-01: a filing date before it is out of order.
    const early = await gql(UPDATE, { id: sys.S1, input: { filedOn: '2021-02-01' } });
    expect(dataOf<Issues>(early, 'updateSystem').issues.map((i) => i.field)).toEqual(['input.filedOn']);
    // Removing S1's filing number while it has a filing date.
    const noNumber = await gql(UPDATE, { id: sys.S1, input: { filingNumber: null } });
    expect(dataOf<Issues>(noNumber, 'updateSystem').issues.map((i) => i.field)).toEqual([
      'input.filingNumber',
    ]);
    const nullName = await gql(UPDATE, { id: sys.S1, input: { name: null } });
    expect(dataOf<Issues>(nullName, 'updateSystem').issues.map((i) => i.field)).toEqual(['input.name']);
    const dup = await gql(UPDATE, { id: sys.S2, input: { filingNumber: '14052299002-22001' } });
    expect(dup.data?.updateSystem).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.filingNumber',
    });
    const missing = await gql(UPDATE, {
      id: Buffer.from('System:00000000-0000-0000-0000-000000000000').toString('base64'),
      input: { name: 'x' },
    });
    expect(missing.data?.updateSystem).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });

  it('updates a system, clearing and moving it to another operator', async () => {
    const r = await gql(UPDATE, {
      id: sys.S2,
      input: {
        businessInfoLevel: 2,
        systemServiceLevel: 2,
        description: null,
        operatorId: op.C,
        status: 'UNDER_CONSTRUCTION',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateSystem).toMatchObject({
      __typename: 'MutationUpdateSystemSuccess',
      data: {
        name: '办公自动化系统',
        protectionLevel: 2,
        businessInfoLevel: 2,
        systemServiceLevel: 2,
        status: 'UNDER_CONSTRUCTION',
        description: null,
        divisionCode: '140525',
        operator: { id: op.C, name: '泽州燃气公司' },
      },
    });
    expect(writes(r.statements)).toEqual(['systems/update']);
    expect(await names({ operatorId: op.A })).toEqual(['供电调度系统']);
    expect(await names({ operatorId: op.C })).toEqual(['办公自动化系统', '燃气SCADA系统']);
    expect(await count('MATCH (:Operator)-[r:OPERATES]->(s:System) RETURN count(r)')).toBe(
      await systemCount(),
    );
    // Back to A, and decommissioned with a date.
    const back = await gql(UPDATE, {
      id: sys.S2,
      input: { operatorId: op.A, status: 'PLANNED' },
    });
    expect(back.data?.updateSystem).toMatchObject({ data: { operator: { id: op.A } } });
  });

  it('flags a system that is part of a CII today', async () => {
    await db.driver.executeQuery(
      'MATCH (s:System {id: $id}) CREATE (c:CriticalInfrastructure {id: randomUUID(), name: "t"}) CREATE (s)-[:PART_OF {id: randomUUID(), from: date("2020-01-01")}]->(c)',
      { id: dbId(sys.S3) },
      { database: 'neo4j' },
    );
    // An ended membership does not count.
    await db.driver.executeQuery(
      'MATCH (s:System {id: $id}) CREATE (c:CriticalInfrastructure {id: randomUUID(), name: "old"}) CREATE (s)-[:PART_OF {id: randomUUID(), from: date("2019-01-01"), to: date("2019-12-31")}]->(c)',
      { id: dbId(sys.S1) },
      { database: 'neo4j' },
    );
    expect(await names({ isCii: true })).toEqual(['水务监控系统']);
    expect(await names({ isCii: false })).toEqual([
      '供电调度系统',
      '办公自动化系统',
      '旧门户网站',
      '燃气SCADA系统',
    ]);
    expect(await names({ isCii: true, sectorCode: 'ENERGY' })).toEqual([]);
    const r = await gql(
      `query ($a: ID!, $b: ID!) {
      a: node(id: $a) { ... on System { isCii } }
      b: node(id: $b) { ... on System { isCii } }
    }`,
      { a: sys.S3, b: sys.S1 },
    );
    expect(r.data).toEqual({ a: { isCii: true }, b: { isCii: false } });
  });
});

describe('system links', () => {
  const link: Record<string, string> = {};

  it('adds links and reads them back', async () => {
    const r1 = await gql(ADD_LINK, {
      input: { fromSystemId: sys.S1, toSystemId: sys.S3, protocol: 'TCP', port: 443, from: '2022-01-01' },
    });
    expect(r1.errors).toBeUndefined();
    const d1 = dataOf<{ data: Record<string, unknown> }>(r1, 'addSystemLink').data;
    expect(d1).toMatchObject({
      protocol: 'tcp',
      port: 443,
      validFrom: '2022-01-01',
      validTo: null,
      from: { name: '供电调度系统' },
      to: { name: '水务监控系统' },
    });
    link.a = d1.id as string;
    const r2 = await gql(ADD_LINK, {
      input: {
        fromSystemId: sys.S3,
        toSystemId: sys.S5,
        protocol: 'udp',
        from: '2022-06-01',
        to: '2030-12-31',
      },
    });
    const d2 = dataOf<{ data: Record<string, unknown> }>(r2, 'addSystemLink').data;
    expect(d2).toMatchObject({ protocol: 'udp', port: null, validFrom: '2022-06-01', validTo: '2030-12-31' });
    link.b = d2.id as string;
    const node = await gql(
      `query ($id: ID!) { node(id: $id) { __typename ... on SystemLink { id protocol port validFrom from { id } to { id } } } }`,
      { id: link.a },
    );
    expect(node.data?.node).toEqual({
      __typename: 'SystemLink',
      id: link.a,
      protocol: 'tcp',
      port: 443,
      validFrom: '2022-01-01',
      from: { id: sys.S1 },
      to: { id: sys.S3 },
    });
  });

  it('rejects bad links, writing nothing', async () => {
    const before = await linkCount();
    const self = await gql(ADD_LINK, {
      input: {
        fromSystemId: sys.S1,
        toSystemId: sys.S1,
        protocol: 'icmp',
        port: 70000,
        from: '2022-02-01',
        to: '2022-01-01',
      },
    });
    expect(dataOf<Issues>(self, 'addSystemLink').issues.map((i) => i.field)).toEqual([
      'input.toSystemId',
      'input.protocol',
      'input.port',
      'input.to',
    ]);
    expect(self.statements).toEqual([]);
    const unknown = await gql(ADD_LINK, {
      input: {
        fromSystemId: sys.S1,
        toSystemId: Buffer.from('System:00000000-0000-0000-0000-000000000000').toString('base64'),
        protocol: 'tcp',
        from: '2022-01-01',
      },
    });
    expect(unknown.data?.addSystemLink).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.toSystemId',
    });
    expect(writes(unknown.statements)).toEqual([]);
    expect(await linkCount()).toBe(before);
  });

  it('lists links by direction, batched for several systems', async () => {
    const q = `query ($a: ID!, $b: ID!, $c: ID!, $dir: SystemLinkDirection!) {
      a: node(id: $a) { ... on System { links(direction: $dir) { edges { node { id } } } } }
      b: node(id: $b) { ... on System { links(direction: $dir) { edges { node { id } } } } }
      c: node(id: $c) { ... on System { links(direction: $dir) { edges { node { id } } } } }
    }`;
    const ids = (r: { data?: Record<string, unknown> }, k: string) =>
      dataOf<{ links: { edges: { node: { id: string } }[] } }>(r, k).links.edges.map((e) => e.node.id);
    const both = await gql(q, { a: sys.S1, b: sys.S3, c: sys.S5, dir: 'BOTH' });
    expect(both.errors).toBeUndefined();
    expect([ids(both, 'a'), ids(both, 'b'), ids(both, 'c')]).toEqual([[link.a], [link.a, link.b], [link.b]]);
    expect(both.statements.filter((s) => s.startsWith('links/'))).toEqual(['links/bySystems']);
    const out = await gql(q, { a: sys.S1, b: sys.S3, c: sys.S5, dir: 'OUTGOING' });
    expect([ids(out, 'a'), ids(out, 'b'), ids(out, 'c')]).toEqual([[link.a], [link.b], []]);
    const inc = await gql(q, { a: sys.S1, b: sys.S3, c: sys.S5, dir: 'INCOMING' });
    expect([ids(inc, 'a'), ids(inc, 'b'), ids(inc, 'c')]).toEqual([[], [link.a], [link.b]]);
    const paged = await gql(
      `query ($id: ID!) { node(id: $id) { ... on System { links(first: 1) {
      edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`,
      { id: sys.S3 },
    );
    const p = dataOf<{
      links: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(paged, 'node').links;
    expect(p.edges.map((e) => e.node.id)).toEqual([link.a]);
    expect(p.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      `query ($id: ID!, $after: String) { node(id: $id) { ... on System { links(first: 1, after: $after) {
      edges { node { id } } pageInfo { hasNextPage } } } } }`,
      { id: sys.S3, after: p.pageInfo.endCursor },
    );
    expect(next.data?.node).toEqual({
      links: { edges: [{ node: { id: link.b } }], pageInfo: { hasNextPage: false } },
    });
  });

  it('ends a link, keeping its history', async () => {
    const bad = await gql(END_LINK, { id: link.a, to: '2021-12-31' });
    expect(dataOf<Issues>(bad, 'endSystemLink').issues.map((i) => i.field)).toEqual(['to']);
    expect(writes(bad.statements)).toEqual([]);
    const r = await gql(END_LINK, { id: link.a, to: '2023-12-31' });
    expect(r.data?.endSystemLink).toEqual({
      __typename: 'MutationEndSystemLinkSuccess',
      data: { id: link.a, validFrom: '2022-01-01', validTo: '2023-12-31' },
    });
    const again = await gql(END_LINK, { id: link.a, to: '2024-06-30' });
    expect(dataOf<Issues>(again, 'endSystemLink').issues.map((i) => i.field)).toEqual(['to']);
    expect(writes(again.statements)).toEqual([]);
    const missing = await gql(END_LINK, { id: sys.S1, to: '2024-06-30' });
    expect(missing.data?.endSystemLink).toMatchObject({ __typename: 'NotFoundError', field: 'id' });

    const q = `query ($id: ID!, $on: Date) { node(id: $id) { ... on System { links(activeOn: $on) { edges { node { id validTo } } } } } }`;
    const linksOn = async (on: string | null) =>
      dataOf<{ links: { edges: { node: { id: string } }[] } }>(
        await gql(q, { id: sys.S3, on }),
        'node',
      ).links.edges.map((e) => e.node.id);
    expect(await linksOn('2021-06-01')).toEqual([]);
    expect(await linksOn('2022-03-01')).toEqual([link.a]);
    expect(await linksOn('2023-12-31')).toEqual([link.a, link.b]);
    expect(await linksOn('2024-01-01')).toEqual([link.b]);
    expect(await linksOn(null)).toEqual([link.a, link.b]);
    const badDate = await gql(q, { id: sys.S3, on: '2024-13-01' });
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'activeOn' });
  });
});

describe('deleting a system', () => {
  it('detaches it; exposures stay', async () => {
    await db.driver.executeQuery(
      'MATCH (s:System {id: $id}) CREATE (:Exposure {id: "e-1", ip: "1.2.3.4", port: 80, protocol: "tcp"})-[:EXPOSES]->(s)',
      { id: dbId(sys.S4) },
      { database: 'neo4j' },
    );
    await gql(ADD_LINK, {
      input: { fromSystemId: sys.S4, toSystemId: sys.S1, protocol: 'tcp', from: '2016-01-01' },
    });
    const links = await linkCount();
    const r = await gql(
      `mutation ($id: ID!) { deleteSystem(id: $id) { __typename ... on MutationDeleteSystemSuccess { data } } }`,
      {
        id: sys.S4,
      },
    );
    expect(r.data?.deleteSystem).toEqual({ __typename: 'MutationDeleteSystemSuccess', data: sys.S4 });
    expect(await linkCount()).toBe(links - 1);
    expect(await count('MATCH (e:Exposure {id: "e-1"}) WHERE NOT (e)--() RETURN count(e)')).toBe(1);
    const gone = await gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: sys.S4 });
    expect(gone.data?.node).toBeNull();
    const again = await gql(
      `mutation ($id: ID!) { deleteSystem(id: $id) { __typename ... on NotFoundError { field } } }`,
      {
        id: sys.S4,
      },
    );
    expect(again.data?.deleteSystem).toEqual({ __typename: 'NotFoundError', field: 'id' });
    expect(await names({ operatorId: op.B })).toEqual(['水务监控系统']);
  });
});
