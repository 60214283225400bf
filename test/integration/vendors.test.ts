import { beforeAll, describe, expect, it } from 'vitest';
import { products, services, subcontracts, vendors } from '../../server/cypher.generated.js';
import { chinaToday } from '../../server/repositories/vendors.js';
import { usccCheckCharacter } from '../../server/validation/identifiers.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

// ---------------------------------------------------------------------------------------------------
// Helpers

const WRITES = new Set(
  [vendors, services, subcontracts, products].flatMap((m) =>
    Object.values(m)
      .filter((s) => s.mode === 'write')
      .map((s) => s.name),
  ),
);
const writesOf = (r: { statements: string[] }) => r.statements.filter((n) => WRITES.has(n));

const uscc = (body17: string) => body17 + usccCheckCharacter(body17);

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const TODAY = chinaToday();
const YESTERDAY = shift(TODAY, -1);
const LAST_MONTH = shift(TODAY, -30);
const TWO_MONTHS_AGO = shift(TODAY, -60);

async function countRels(type: string): Promise<number> {
  const r = await db.driver.executeQuery(
    `MATCH ()-[r:${type}]->() RETURN count(r) AS n`,
    {},
    {
      database: config.neo4j.database,
    },
  );
  return r.records[0]?.get('n') as number;
}

async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql<T>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

/** Runs a mutation and returns its result object (the `data` of a success, or the error). */
async function mutate(field: string, query: string, variables: Record<string, unknown>) {
  const r = await gql(query, variables);
  expect(r.errors).toBeUndefined();
  return { result: (r.data as Record<string, Record<string, unknown>>)[field] ?? {}, r };
}

const ERRORS = /* GraphQL */ `
  ... on ValidationError { issues { field message } }
  ... on NotFoundError { field id }
  ... on ConflictError { field message }
`;

const CREATE_VENDOR = /* GraphQL */ `
  mutation ($input: CreateVendorInput!) {
    createVendor(input: $input) {
      __typename
      ... on MutationCreateVendorSuccess { data { id uscc name registrationStatus registeredOn registrationNumber } }
      ${ERRORS}
    }
  }
`;
const UPDATE_VENDOR = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateVendorInput!) {
    updateVendor(id: $id, input: $input) {
      __typename
      ... on MutationUpdateVendorSuccess { data { id name registrationStatus registeredOn } }
      ${ERRORS}
    }
  }
`;
const DELETE_VENDOR = /* GraphQL */ `
  mutation ($id: ID!) {
    deleteVendor(id: $id) { __typename ... on MutationDeleteVendorSuccess { data } ${ERRORS} }
  }
`;
const SERVICE_FIELDS =
  'id kind remote remoteEvaluatedOn contractRef validFrom validTo vendor { name } system { name }';
const ADD_SERVICE = /* GraphQL */ `
  mutation ($input: AddServiceInput!) {
    addService(input: $input) {
      __typename
      ... on MutationAddServiceSuccess { data { ${SERVICE_FIELDS} } }
      ${ERRORS}
    }
  }
`;
const END_SERVICE = /* GraphQL */ `
  mutation ($id: ID!, $to: Date!) {
    endService(id: $id, to: $to) {
      __typename
      ... on MutationEndServiceSuccess { data { id validFrom validTo } }
      ${ERRORS}
    }
  }
`;
const ADD_SUBCONTRACT = /* GraphQL */ `
  mutation ($input: AddSubcontractInput!) {
    addSubcontract(input: $input) {
      __typename
      ... on MutationAddSubcontractSuccess { data { id contractor { name } subcontractor { name } validFrom validTo } }
      ${ERRORS}
    }
  }
`;
const END_SUBCONTRACT = /* GraphQL */ `
  mutation ($id: ID!, $to: Date!) {
    endSubcontract(id: $id, to: $to) {
      __typename
      ... on MutationEndSubcontractSuccess { data { id validTo } }
      ${ERRORS}
    }
  }
`;
const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on MutationCreateProductSuccess { data { id name version category certification certified } }
      ${ERRORS}
    }
  }
`;

const ids: Record<string, string> = {};

async function createVendor(key: string, input: Record<string, unknown>) {
  const { result } = await mutate('createVendor', CREATE_VENDOR, { input });
  expect(result.__typename).toBe('MutationCreateVendorSuccess');
  ids[key] = (result.data as { id: string }).id;
}

async function addService(input: Record<string, unknown>): Promise<string> {
  const { result } = await mutate('addService', ADD_SERVICE, { input });
  expect(result.__typename).toBe('MutationAddServiceSuccess');
  return (result.data as { id: string }).id;
}

const names = (conn: { edges: { node: { name: string } }[] }) => conn.edges.map((e) => e.node.name);

// ---------------------------------------------------------------------------------------------------
// Data: one operator, three systems, five vendors (甲乙丙丁戊 order by name), created through the API.

beforeAll(async () => {
  const op = await ok<{ createOperator: { data: { id: string } } }>(
    /* GraphQL */ `
      mutation ($input: CreateOperatorInput!) {
        createOperator(input: $input) { ... on MutationCreateOperatorSuccess { data { id } } }
      }
    `,
    { input: { uscc: '91140500MA0K000058', name: '晋城市测试运营者', divisionCode: '140502' } },
  );
  ids.operator = op.createOperator.data.id;
  for (const [key, name] of [
    ['s1', '系统一'],
    ['s2', '系统二'],
    ['s3', '系统三'],
  ] as const) {
    const s = await ok<{ createSystem: { __typename: string; data: { id: string } } }>(
      /* GraphQL */ `
        mutation ($input: CreateSystemInput!) {
          createSystem(input: $input) { __typename ... on MutationCreateSystemSuccess { data { id } } }
        }
      `,
      { input: { name, operatorId: ids.operator, status: 'LIVE', protectionLevel: 3 } },
    );
    expect(s.createSystem.__typename).toBe('MutationCreateSystemSuccess');
    ids[key] = s.createSystem.data.id;
  }
  await createVendor('a', {
    uscc: uscc('91140500MA0K0000A').toLowerCase(),
    name: '甲安全科技有限公司',
    registrationStatus: 'REGISTERED',
    registeredOn: '2021-03-01',
    registrationNumber: 'JCGA-2021-001',
  });
  await createVendor('b', {
    uscc: uscc('91140500MA0K0000B'),
    name: '乙网络工程公司',
    registrationStatus: 'PENDING',
  });
  await createVendor('c', {
    uscc: uscc('91140500MA0K0000C'),
    name: '丙运维服务公司',
    registrationStatus: 'UNREGISTERED',
  });
  await createVendor('d', {
    uscc: uscc('91140500MA0K0000D'),
    name: '丁测评中心',
    registrationStatus: 'REVOKED',
  });
  await createVendor('e', {
    uscc: uscc('91140500MA0K0000E'),
    name: '戊信息技术公司',
    registrationStatus: 'REGISTERED',
    registeredOn: '2022-06-30',
  });

  // 甲 operates S1 and remotely operates S2; 丙 monitors S3; 乙 designed S1 until yesterday.
  ids.svcA1 = await addService({
    vendorId: ids.a,
    systemId: ids.s1,
    kind: 'OPERATIONS',
    contractRef: 'HT-2020-01',
    from: '2020-01-01',
  });
  ids.svcA2 = await addService({
    vendorId: ids.a,
    systemId: ids.s2,
    kind: 'REMOTE_OPERATIONS',
    remoteEvaluatedOn: '2023-12-20',
    from: '2024-01-01',
  });
  ids.svcC3 = await addService({ vendorId: ids.c, systemId: ids.s3, kind: 'MONITORING', from: '2022-05-01' });
  ids.svcB1 = await addService({ vendorId: ids.b, systemId: ids.s1, kind: 'DESIGN', from: TWO_MONTHS_AGO });
});

// ---------------------------------------------------------------------------------------------------

describe('vendors', () => {
  it('reads a created vendor back, its USCC normalised to upper case', async () => {
    const data = await ok<{ vendorByUscc: Record<string, unknown> }>(
      /* GraphQL */ `
        query ($uscc: String!) {
          vendorByUscc(uscc: $uscc) { id uscc name registrationStatus registeredOn registrationNumber }
        }
      `,
      { uscc: uscc('91140500MA0K0000A').toLowerCase() },
    );
    expect(data.vendorByUscc).toEqual({
      id: ids.a,
      uscc: uscc('91140500MA0K0000A'),
      name: '甲安全科技有限公司',
      registrationStatus: 'REGISTERED',
      registeredOn: '2021-03-01',
      registrationNumber: 'JCGA-2021-001',
    });
  });

  it('answers every bad field of a new vendor at once and runs no statement', async () => {
    const { result, r } = await mutate('createVendor', CREATE_VENDOR, {
      input: { uscc: '91140500MA0K000059', name: '  ', registrationStatus: 'REGISTERED' },
    });
    expect(result.__typename).toBe('ValidationError');
    expect((result.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'input.uscc',
      'input.name',
      'input.registeredOn',
    ]);
    expect(r.statements).toEqual([]);
  });

  it('rejects an impossible registration date on its field', async () => {
    const { result } = await mutate('createVendor', CREATE_VENDOR, {
      input: {
        uscc: uscc('91140500MA0K0000F'),
        name: '己',
        registrationStatus: 'REGISTERED',
        registeredOn: '2023-02-30',
      },
    });
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.registeredOn' }],
    });
  });

  it('reports a duplicate USCC as a conflict and leaves the count unchanged', async () => {
    const before = await ok<{ vendors: { totalCount: number } }>('{ vendors { totalCount } }');
    const { result } = await mutate('createVendor', CREATE_VENDOR, {
      input: { uscc: uscc('91140500MA0K0000B').toLowerCase(), name: '重复', registrationStatus: 'PENDING' },
    });
    expect(result).toMatchObject({ __typename: 'ConflictError', field: 'input.uscc' });
    const after = await ok<{ vendors: { totalCount: number } }>('{ vendors { totalCount } }');
    expect(after.vendors.totalCount).toBe(before.vendors.totalCount);
    expect(after.vendors.totalCount).toBe(5);
  });

  it('checks the registration rule on the updated record', async () => {
    const bad = await mutate('updateVendor', UPDATE_VENDOR, {
      id: ids.b,
      input: { registrationStatus: 'REGISTERED' },
    });
    expect(bad.result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.registeredOn' }],
    });
    expect(writesOf(bad.r)).toEqual([]);
    // 甲 is REGISTERED: clearing its date is refused too.
    const clear = await mutate('updateVendor', UPDATE_VENDOR, { id: ids.a, input: { registeredOn: null } });
    expect(clear.result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.registeredOn' }],
    });
    const good = await mutate('updateVendor', UPDATE_VENDOR, {
      id: ids.e,
      input: { name: '戊信息技术有限公司', registrationStatus: 'PENDING' },
    });
    expect(good.result).toEqual({
      __typename: 'MutationUpdateVendorSuccess',
      data: {
        id: ids.e,
        name: '戊信息技术有限公司',
        registrationStatus: 'PENDING',
        registeredOn: '2022-06-30',
      },
    });
  });

  it('answers NotFoundError for an unknown vendor', async () => {
    const unknown = Buffer.from('Vendor:00000000-0000-0000-0000-000000000000').toString('base64');
    const { result } = await mutate('updateVendor', UPDATE_VENDOR, { id: unknown, input: { name: 'x' } });
    expect(result).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    const wrongType = await mutate('updateVendor', UPDATE_VENDOR, { id: ids.s1, input: { name: 'x' } });
    expect(wrongType.result).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });

  it('filters by registration status, by service kind in force today and by name or USCC', async () => {
    const q = /* GraphQL */ `
      query ($filter: VendorFilter) { vendors(filter: $filter) { totalCount edges { node { name } } } }
    `;
    const all = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q);
    expect(names(all.vendors)).toEqual([
      '丁测评中心',
      '丙运维服务公司',
      '乙网络工程公司',
      '戊信息技术有限公司',
      '甲安全科技有限公司',
    ]);
    const registered = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q, {
      filter: { registrationStatus: 'REGISTERED' },
    });
    expect(names(registered.vendors)).toEqual(['甲安全科技有限公司']);
    expect(registered.vendors.totalCount).toBe(1);
    const operations = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q, {
      filter: { serviceKind: 'REMOTE_OPERATIONS' },
    });
    expect(names(operations.vendors)).toEqual(['甲安全科技有限公司']);
    const monitoring = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q, {
      filter: { serviceKind: 'MONITORING', registrationStatus: 'UNREGISTERED' },
    });
    expect(names(monitoring.vendors)).toEqual(['丙运维服务公司']);
    const assessment = await ok<{ vendors: { totalCount: number; edges: unknown[] } }>(q, {
      filter: { serviceKind: 'LEVEL_ASSESSMENT' },
    });
    expect(assessment.vendors).toEqual({ totalCount: 0, edges: [] });
    const byName = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q, {
      filter: { search: '公司' },
    });
    expect(byName.vendors.totalCount).toBe(4);
    const byUscc = await ok<{ vendors: { totalCount: number; edges: { node: { name: string } }[] } }>(q, {
      filter: { search: uscc('91140500MA0K0000D').toLowerCase() },
    });
    expect(names(byUscc.vendors)).toEqual(['丁测评中心']);
  });

  it('pages by name with first/after', async () => {
    const q = /* GraphQL */ `
      query ($after: String) {
        vendors(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } }
      }
    `;
    type Page = {
      vendors: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const p1 = await ok<Page>(q);
    expect(names(p1.vendors)).toEqual(['丁测评中心', '丙运维服务公司']);
    expect(p1.vendors.pageInfo.hasNextPage).toBe(true);
    const p2 = await ok<Page>(q, { after: p1.vendors.pageInfo.endCursor });
    expect(names(p2.vendors)).toEqual(['乙网络工程公司', '戊信息技术有限公司']);
    const p3 = await ok<Page>(q, { after: p2.vendors.pageInfo.endCursor });
    expect(names(p3.vendors)).toEqual(['甲安全科技有限公司']);
    expect(p3.vendors.pageInfo.hasNextPage).toBe(false);
  });
});

describe('services', () => {
  it('reads a service back; REMOTE_OPERATIONS is remote without saying so', async () => {
    const data = await ok<{ node: Record<string, unknown> }>(
      `query ($id: ID!) { node(id: $id) { __typename ... on Service { ${SERVICE_FIELDS} } } }`,
      { id: ids.svcA2 },
    );
    expect(data.node).toEqual({
      __typename: 'Service',
      id: ids.svcA2,
      kind: 'REMOTE_OPERATIONS',
      remote: true,
      remoteEvaluatedOn: '2023-12-20',
      contractRef: null,
      validFrom: '2024-01-01',
      validTo: null,
      vendor: { name: '甲安全科技有限公司' },
      system: { name: '系统二' },
    });
  });

  it('enforces the remote rules and the date order, each on its field, writing nothing', async () => {
    const before = await countRels('SERVES');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'REMOTE_OPERATIONS', remote: false, from: '2024-01-01' }, ['input.remote']],
      [
        { kind: 'OPERATIONS', remoteEvaluatedOn: '2024-01-01', from: '2024-01-01' },
        ['input.remoteEvaluatedOn'],
      ],
      [
        { kind: 'OPERATIONS', remote: false, remoteEvaluatedOn: '2024-13-01', from: '2024-01-01' },
        ['input.remoteEvaluatedOn', 'input.remoteEvaluatedOn'],
      ],
      [{ kind: 'TECHNICAL_SERVICE', from: '2024-05-01', to: '2024-04-30' }, ['input.to']],
      [{ kind: 'DESIGN', from: '2024-02-30' }, ['input.from']],
      [{ kind: 'DESIGN', from: '2024-01-01', contractRef: ' ' }, ['input.contractRef']],
    ];
    for (const [input, fields] of cases) {
      const { result, r } = await mutate('addService', ADD_SERVICE, {
        input: { vendorId: ids.c, systemId: ids.s1, ...input },
      });
      expect(result.__typename).toBe('ValidationError');
      expect((result.issues as { field: string }[]).map((i) => i.field)).toEqual(fields);
      expect(writesOf(r)).toEqual([]);
    }
    // A remote OPERATIONS service may carry its evaluation date.
    const remoteOps = await mutate('addService', ADD_SERVICE, {
      input: {
        vendorId: ids.c,
        systemId: ids.s3,
        kind: 'OPERATIONS',
        remote: true,
        remoteEvaluatedOn: '2024-01-01',
        from: '2024-01-02',
        to: '2024-12-31',
      },
    });
    expect(remoteOps.result).toMatchObject({
      __typename: 'MutationAddServiceSuccess',
      data: { remote: true, remoteEvaluatedOn: '2024-01-01', validTo: '2024-12-31' },
    });
    expect(await countRels('SERVES')).toBe(before + 1);
  });

  it('answers NotFoundError naming the input field for unknown ends', async () => {
    const unknownVendor = Buffer.from('Vendor:nope').toString('base64');
    const v = await mutate('addService', ADD_SERVICE, {
      input: { vendorId: unknownVendor, systemId: ids.s1, kind: 'DESIGN', from: '2024-01-01' },
    });
    expect(v.result).toMatchObject({ __typename: 'NotFoundError', field: 'input.vendorId' });
    expect(writesOf(v.r)).toEqual([]);
    const s = await mutate('addService', ADD_SERVICE, {
      input: { vendorId: ids.a, systemId: ids.a, kind: 'DESIGN', from: '2024-01-01' },
    });
    expect(s.result).toMatchObject({ __typename: 'NotFoundError', field: 'input.systemId' });
  });

  it('ends a service: ended yesterday, it does not count today but does as of last month', async () => {
    const kindToday = /* GraphQL */ `{ vendors(filter: {serviceKind: DESIGN}) { edges { node { name } } } }`;
    expect(
      names((await ok<{ vendors: { edges: { node: { name: string } }[] } }>(kindToday)).vendors),
    ).toEqual(['乙网络工程公司']);

    const tooEarly = await mutate('endService', END_SERVICE, {
      id: ids.svcB1,
      to: shift(TWO_MONTHS_AGO, -1),
    });
    expect(tooEarly.result).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'to' }] });
    expect(writesOf(tooEarly.r)).toEqual([]);

    const ended = await mutate('endService', END_SERVICE, { id: ids.svcB1, to: YESTERDAY });
    expect(ended.result).toEqual({
      __typename: 'MutationEndServiceSuccess',
      data: { id: ids.svcB1, validFrom: TWO_MONTHS_AGO, validTo: YESTERDAY },
    });
    const again = await mutate('endService', END_SERVICE, { id: ids.svcB1, to: TODAY });
    expect(again.result).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'to' }] });

    expect((await ok<{ vendors: { edges: unknown[] } }>(kindToday)).vendors.edges).toEqual([]);

    const q = /* GraphQL */ `
      query ($id: ID!, $on: Date) {
        node(id: $id) {
          ... on System {
            services(activeOn: $on) { edges { node { kind vendor { name } } } }
            vendors(activeOn: $on) { edges { node { name } } }
          }
        }
      }
    `;
    type S = {
      node: {
        services: { edges: { node: { kind: string; vendor: { name: string } } }[] };
        vendors: { edges: { node: { name: string } }[] };
      };
    };
    const today = await ok<S>(q, { id: ids.s1, on: TODAY });
    expect(today.node.services.edges.map((e) => e.node.kind)).toEqual(['OPERATIONS']);
    expect(names(today.node.vendors)).toEqual(['甲安全科技有限公司']);
    const lastMonth = await ok<S>(q, { id: ids.s1, on: LAST_MONTH });
    expect(lastMonth.node.services.edges.map((e) => e.node.kind)).toEqual(['OPERATIONS', 'DESIGN']);
    expect(names(lastMonth.node.vendors)).toEqual(['乙网络工程公司', '甲安全科技有限公司']);
    const history = await ok<S>(q, { id: ids.s1 });
    expect(history.node.services.edges.map((e) => e.node.kind)).toEqual(['OPERATIONS', 'DESIGN']);
  });

  it('rejects an impossible activeOn as a bad argument', async () => {
    const r = await gql(
      `query ($id: ID!) { node(id: $id) { ... on System { vendors(activeOn: "2024-02-30") { edges { cursor } } } } }`,
      {
        id: ids.s1,
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("lists a vendor's services by kind", async () => {
    const data = await ok<{
      node: { services: { edges: { node: { kind: string; system: { name: string } } }[] } };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Vendor { services(kind: REMOTE_OPERATIONS) { edges { node { kind system { name } } } } } } }`,
      { id: ids.a },
    );
    expect(data.node.services.edges.map((e) => e.node)).toEqual([
      { kind: 'REMOTE_OPERATIONS', system: { name: '系统二' } },
    ]);
  });

  it('resolves System.vendors of several systems with one batched statement', async () => {
    const r = await gql<Record<string, { vendors: { edges: { node: { name: string } }[] } }>>(
      /* GraphQL */ `
        query ($s1: ID!, $s2: ID!, $s3: ID!) {
          a: node(id: $s1) { ... on System { vendors { edges { node { name } } } } }
          b: node(id: $s2) { ... on System { vendors { edges { node { name } } } } }
          c: node(id: $s3) { ... on System { vendors { edges { node { name } } } } }
        }
      `,
      { s1: ids.s1, s2: ids.s2, s3: ids.s3 },
    );
    expect(r.errors).toBeUndefined();
    expect(names(r.data?.a?.vendors ?? { edges: [] })).toEqual(['乙网络工程公司', '甲安全科技有限公司']);
    expect(names(r.data?.b?.vendors ?? { edges: [] })).toEqual(['甲安全科技有限公司']);
    expect(names(r.data?.c?.vendors ?? { edges: [] })).toEqual(['丙运维服务公司']);
    expect(r.statements.filter((n) => n === services.vendorsOfSystems.name)).toHaveLength(1);

    // Also through the systems list: one statement for all systems of the page.
    const list = await gql<{
      systems: { edges: { node: { name: string; vendors: { edges: unknown[] } } }[] };
    }>(
      '{ systems { edges { node { name vendors(first: 1) { edges { node { name } } pageInfo { hasNextPage } } } } } }',
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.systems.edges).toHaveLength(3);
    expect(list.statements.filter((n) => n === services.vendorsOfSystems.name)).toHaveLength(1);
  });
});

describe('subcontracts', () => {
  it('records subcontracts and refuses self-subcontracting and cycles on input.subcontractorId', async () => {
    const ab = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.a, subcontractorId: ids.b, from: '2023-01-01' },
    });
    expect(ab.result).toMatchObject({
      __typename: 'MutationAddSubcontractSuccess',
      data: {
        contractor: { name: '甲安全科技有限公司' },
        subcontractor: { name: '乙网络工程公司' },
        validTo: null,
      },
    });
    ids.subAB = (ab.result.data as { id: string }).id;
    const bc = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.b, subcontractorId: ids.c, from: TWO_MONTHS_AGO },
    });
    ids.subBC = (bc.result.data as { id: string }).id;

    const before = await countRels('SUBCONTRACTS_TO');
    const self = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.a, subcontractorId: ids.a, from: '2024-01-01' },
    });
    expect(self.result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.subcontractorId' }],
    });
    expect(self.r.statements).toEqual([]);

    // 丙 → 甲 would close 甲 → 乙 → 丙 → 甲.
    const cycle = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.c, subcontractorId: ids.a, from: '2024-01-01' },
    });
    expect(cycle.result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.subcontractorId' }],
    });
    expect(writesOf(cycle.r)).toEqual([]);
    const dates = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.d, subcontractorId: ids.e, from: '2024-01-02', to: '2024-01-01' },
    });
    expect(dates.result).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.to' }] });
    expect(await countRels('SUBCONTRACTS_TO')).toBe(before);
  });

  it('ends a subcontract: history by activeOn, and an ended link no longer makes a cycle', async () => {
    const ended = await mutate('endSubcontract', END_SUBCONTRACT, { id: ids.subBC, to: YESTERDAY });
    expect(ended.result).toEqual({
      __typename: 'MutationEndSubcontractSuccess',
      data: { id: ids.subBC, validTo: YESTERDAY },
    });
    const q = /* GraphQL */ `
      query ($b: ID!, $c: ID!, $on: Date) {
        b: node(id: $b) { ... on Vendor { subcontractors(activeOn: $on) { edges { node { subcontractor { name } } } } } }
        c: node(id: $c) { ... on Vendor { contractors(activeOn: $on) { edges { node { contractor { name } } } } } }
      }
    `;
    type R = {
      b: { subcontractors: { edges: { node: { subcontractor: { name: string } } }[] } };
      c: { contractors: { edges: { node: { contractor: { name: string } } }[] } };
    };
    const today = await ok<R>(q, { b: ids.b, c: ids.c, on: TODAY });
    expect(today.b.subcontractors.edges).toEqual([]);
    expect(today.c.contractors.edges).toEqual([]);
    const lastMonth = await ok<R>(q, { b: ids.b, c: ids.c, on: LAST_MONTH });
    expect(lastMonth.b.subcontractors.edges.map((e) => e.node.subcontractor.name)).toEqual([
      '丙运维服务公司',
    ]);
    expect(lastMonth.c.contractors.edges.map((e) => e.node.contractor.name)).toEqual(['乙网络工程公司']);

    const nowAllowed = await mutate('addSubcontract', ADD_SUBCONTRACT, {
      input: { contractorId: ids.c, subcontractorId: ids.a, from: TODAY },
    });
    expect(nowAllowed.result.__typename).toBe('MutationAddSubcontractSuccess');
  });
});

describe('products', () => {
  beforeAll(async () => {
    for (const [key, input] of [
      ['p1', { name: '防火墙', version: 'V5.0', category: '网络安全设备', certification: 'CCRC-2023-0001' }],
      ['p2', { name: '数据库管理系统', version: '8.2', category: '基础软件' }],
      ['p3', { name: '未使用产品' }],
    ] as const) {
      const { result } = await mutate('createProduct', CREATE_PRODUCT, { input });
      expect(result.__typename).toBe('MutationCreateProductSuccess');
      ids[key] = (result.data as { id: string }).id;
    }
  });

  const ADD_SUPPLY = /* GraphQL */ `
    mutation ($input: AddSupplyInput!) {
      addSupply(input: $input) {
        __typename ... on MutationAddSupplySuccess { data { id vendor { name } product { name } validFrom validTo } }
        ${ERRORS}
      }
    }
  `;
  const ADD_USE = /* GraphQL */ `
    mutation ($input: AddProductUseInput!) {
      addProductUse(input: $input) {
        __typename ... on MutationAddProductUseSuccess { data { id system { name } product { name } validFrom validTo } }
        ${ERRORS}
      }
    }
  `;

  it('validates a product and reads it back', async () => {
    const bad = await mutate('createProduct', CREATE_PRODUCT, {
      input: { name: ' ', version: 'x'.repeat(201) },
    });
    expect((bad.result.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'input.name',
      'input.version',
    ]);
    expect(bad.r.statements).toEqual([]);
    const data = await ok<{ node: Record<string, unknown> }>(
      'query ($id: ID!) { node(id: $id) { __typename ... on Product { name version category certification certified } } }',
      { id: ids.p1 },
    );
    expect(data.node).toEqual({
      __typename: 'Product',
      name: '防火墙',
      version: 'V5.0',
      category: '网络安全设备',
      certification: 'CCRC-2023-0001',
      certified: true,
    });
  });

  it('records supply and use, refusing bad input on its field', async () => {
    const s1 = await mutate('addSupply', ADD_SUPPLY, {
      input: { vendorId: ids.a, productId: ids.p1, from: '2022-01-01' },
    });
    expect(s1.result).toMatchObject({
      __typename: 'MutationAddSupplySuccess',
      data: {
        vendor: { name: '甲安全科技有限公司' },
        product: { name: '防火墙' },
        validFrom: '2022-01-01',
        validTo: null,
      },
    });
    ids.supplyA1 = (s1.result.data as { id: string }).id;
    const s2 = await mutate('addSupply', ADD_SUPPLY, {
      input: { vendorId: ids.d, productId: ids.p2, from: '2021-01-01' },
    });
    ids.supplyD2 = (s2.result.data as { id: string }).id;

    const badSupply = await mutate('addSupply', ADD_SUPPLY, {
      input: { vendorId: ids.a, productId: ids.p2, from: '2022-01-01', to: '2021-12-31' },
    });
    expect(badSupply.result).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.to' }],
    });
    const unknownProduct = await mutate('addSupply', ADD_SUPPLY, {
      input: { vendorId: ids.a, productId: ids.a, from: '2022-01-01' },
    });
    expect(unknownProduct.result).toMatchObject({ __typename: 'NotFoundError', field: 'input.productId' });
    expect(writesOf(unknownProduct.r)).toEqual([]);

    const u1 = await mutate('addProductUse', ADD_USE, {
      input: { systemId: ids.s1, productId: ids.p1, from: '2022-03-01' },
    });
    expect(u1.result).toMatchObject({
      __typename: 'MutationAddProductUseSuccess',
      data: { system: { name: '系统一' }, product: { name: '防火墙' }, validFrom: '2022-03-01' },
    });
    ids.useS1P1 = (u1.result.data as { id: string }).id;
    const u2 = await mutate('addProductUse', ADD_USE, {
      input: { systemId: ids.s2, productId: ids.p2, from: TWO_MONTHS_AGO },
    });
    ids.useS2P2 = (u2.result.data as { id: string }).id;
    const badUse = await mutate('addProductUse', ADD_USE, {
      input: { systemId: ids.p1, productId: ids.p1, from: '2022-01-01' },
    });
    expect(badUse.result).toMatchObject({ __typename: 'NotFoundError', field: 'input.systemId' });
  });

  it('filters products by certification, supplier and name', async () => {
    const q = /* GraphQL */ `
      query ($filter: ProductFilter) { products(filter: $filter) { totalCount edges { node { name } } } }
    `;
    type P = { products: { totalCount: number; edges: { node: { name: string } }[] } };
    expect(names((await ok<P>(q)).products)).toEqual(['数据库管理系统', '未使用产品', '防火墙']);
    expect(names((await ok<P>(q, { filter: { certified: true } })).products)).toEqual(['防火墙']);
    expect(names((await ok<P>(q, { filter: { certified: false } })).products)).toEqual([
      '数据库管理系统',
      '未使用产品',
    ]);
    expect(names((await ok<P>(q, { filter: { vendorId: ids.d } })).products)).toEqual(['数据库管理系统']);
    expect(names((await ok<P>(q, { filter: { vendorId: ids.s1 } })).products)).toEqual([]);
    const search = await ok<P>(q, { filter: { search: '火墙', certified: true } });
    expect(search.products).toEqual({ totalCount: 1, edges: [{ node: { name: '防火墙' } }] });
  });

  it('lists supplies and uses from both ends, with use history by activeOn', async () => {
    const end = await gql(
      `mutation ($id: ID!, $to: Date!) { endProductUse(id: $id, to: $to) { __typename ... on MutationEndProductUseSuccess { data { validTo } } } }`,
      { id: ids.useS2P2, to: YESTERDAY },
    );
    expect(end.data?.endProductUse).toEqual({
      __typename: 'MutationEndProductUseSuccess',
      data: { validTo: YESTERDAY },
    });
    const q = /* GraphQL */ `
      query ($a: ID!, $s2: ID!, $p2: ID!, $on: Date) {
        a: node(id: $a) { ... on Vendor { products { edges { node { product { name } } } } } }
        s2: node(id: $s2) { ... on System { products(activeOn: $on) { edges { node { product { name } } } } } }
        p2: node(id: $p2) {
          ... on Product {
            suppliers { edges { node { vendor { name } } } }
            usedBy(activeOn: $on) { edges { node { system { name } validTo } } }
          }
        }
      }
    `;
    type R = {
      a: { products: { edges: { node: { product: { name: string } } }[] } };
      s2: { products: { edges: { node: { product: { name: string } } }[] } };
      p2: {
        suppliers: { edges: { node: { vendor: { name: string } } }[] };
        usedBy: { edges: { node: { system: { name: string }; validTo: string | null } }[] };
      };
    };
    const today = await ok<R>(q, { a: ids.a, s2: ids.s2, p2: ids.p2, on: TODAY });
    expect(today.a.products.edges.map((e) => e.node.product.name)).toEqual(['防火墙']);
    expect(today.s2.products.edges).toEqual([]);
    expect(today.p2.suppliers.edges.map((e) => e.node.vendor.name)).toEqual(['丁测评中心']);
    expect(today.p2.usedBy.edges).toEqual([]);
    const lastMonth = await ok<R>(q, { a: ids.a, s2: ids.s2, p2: ids.p2, on: LAST_MONTH });
    expect(lastMonth.s2.products.edges.map((e) => e.node.product.name)).toEqual(['数据库管理系统']);
    expect(lastMonth.p2.usedBy.edges.map((e) => e.node)).toEqual([
      { system: { name: '系统二' }, validTo: YESTERDAY },
    ]);
  });

  it('ends a supply once', async () => {
    const m = `mutation ($id: ID!, $to: Date!) { endSupply(id: $id, to: $to) { __typename ${ERRORS} } }`;
    const first = await gql(m, { id: ids.supplyD2, to: YESTERDAY });
    expect(first.data?.endSupply).toEqual({ __typename: 'MutationEndSupplySuccess' });
    const second = await gql(m, { id: ids.supplyD2, to: TODAY });
    expect(second.data?.endSupply).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'to' }],
    });
  });

  it('deletes a product only while nothing refers to it', async () => {
    const m = `mutation ($id: ID!) { deleteProduct(id: $id) { __typename ... on MutationDeleteProductSuccess { data } ${ERRORS} } }`;
    const linked = await gql(m, { id: ids.p2 });
    expect(linked.data?.deleteProduct).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'id' }],
    });
    const free = await gql(m, { id: ids.p3 });
    expect(free.data?.deleteProduct).toEqual({ __typename: 'MutationDeleteProductSuccess', data: ids.p3 });
    const gone = await gql('query ($id: ID!) { node(id: $id) { id } }', { id: ids.p3 });
    expect(gone.data?.node).toBeNull();
  });
});

describe('node(id) and deletion', () => {
  it('returns every type of the domain by global id', async () => {
    const r = await ok<Record<string, { __typename: string; id: string }>>(
      /* GraphQL */ `
        query ($v: ID!, $s: ID!, $sc: ID!, $p: ID!, $su: ID!, $u: ID!) {
          v: node(id: $v) { __typename id }
          s: node(id: $s) { __typename id }
          sc: node(id: $sc) { __typename id }
          p: node(id: $p) { __typename id }
          su: node(id: $su) { __typename id }
          u: node(id: $u) { __typename id }
        }
      `,
      { v: ids.a, s: ids.svcA1, sc: ids.subAB, p: ids.p1, su: ids.supplyA1, u: ids.useS1P1 },
    );
    expect(r).toEqual({
      v: { __typename: 'Vendor', id: ids.a },
      s: { __typename: 'Service', id: ids.svcA1 },
      sc: { __typename: 'Subcontract', id: ids.subAB },
      p: { __typename: 'Product', id: ids.p1 },
      su: { __typename: 'Supply', id: ids.supplyA1 },
      u: { __typename: 'ProductUse', id: ids.useS1P1 },
    });
  });

  it('refuses to delete a vendor with services (ended ones included) and deletes one without', async () => {
    const withServices = await mutate('deleteVendor', DELETE_VENDOR, { id: ids.b });
    expect(withServices.result).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'id' }] });
    expect(await countRels('SERVES')).toBeGreaterThan(0);
    const free = await mutate('deleteVendor', DELETE_VENDOR, { id: ids.e });
    expect(free.result).toEqual({ __typename: 'MutationDeleteVendorSuccess', data: ids.e });
    const gone = await ok<{ vendors: { totalCount: number } }>('{ vendors { totalCount } }');
    expect(gone.vendors.totalCount).toBe(4);
  });
});
