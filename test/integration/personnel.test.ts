import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashResidentId,
  residentIdCheckCharacter,
  usccCheckCharacter,
} from '../../server/validation/identifiers.js';
import { type GqlResult, testApp } from '../support/harness.js';

const { gql: rawGql, db, config } = testApp();

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

const ID_A = '140502199001010019';
const ID_B = '11010519491231002X';
const ID_C = withCheck('14052219850505001');
const ID_D = withCheck('14058120000229002');
const CLEAR_IDS = [ID_A, ID_B, ID_C, ID_D];
/** Every valid number the tests send (bad ones are checked in their own messages). */
const SENT_IDS = [...CLEAR_IDS, ID_B.toLowerCase()];

const WRITES = new Set([
  'persons/create',
  'persons/update',
  'persons/delete',
  'checks/create',
  'checks/update',
  'checks/delete',
  'employments/createForVendor',
  'employments/createForOperator',
  'employments/end',
  'accesses/create',
  'accesses/end',
]);
const writesOf = (r: GqlResult) => r.statements.filter((s) => WRITES.has(s));

/** Every response body, serialised, to prove no clear resident ID ever leaves the API. */
const responses: string[] = [];
// biome-ignore lint/suspicious/noExplicitAny: test responses are walked dynamically
async function gql(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<any>> {
  const r = await rawGql(query, variables);
  responses.push(JSON.stringify({ data: r.data, errors: r.errors }));
  return r;
}

async function dbQuery(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const result = await db.driver.executeQuery(cypher, params, { database: config.neo4j.database });
  return result.records.map((r) => r.toObject() as Record<string, unknown>);
}

const PERSON_FIELDS = 'id name residentIdMasked';
const ERRORS = `
  ... on ValidationError { issues { field message } }
  ... on NotFoundError { field id }
  ... on ConflictError { field message }
`;

const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { __typename ... on MutationCreatePersonSuccess { data { ${PERSON_FIELDS} } } ${ERRORS} }
}`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { __typename ... on MutationUpdatePersonSuccess { data { ${PERSON_FIELDS} } } ${ERRORS} }
}`;
const DELETE_PERSON = `mutation($id: ID!) {
  deletePerson(id: $id) { __typename ... on MutationDeletePersonSuccess { data } ${ERRORS} }
}`;
const CHECK_FIELDS = 'id status checkedOn expiresOn checkedBy person { name }';
const ADD_CHECK = `mutation($input: AddBackgroundCheckInput!) {
  addBackgroundCheck(input: $input) { __typename ... on MutationAddBackgroundCheckSuccess { data { ${CHECK_FIELDS} } } ${ERRORS} }
}`;
const UPDATE_CHECK = `mutation($id: ID!, $input: UpdateBackgroundCheckInput!) {
  updateBackgroundCheck(id: $id, input: $input) { __typename ... on MutationUpdateBackgroundCheckSuccess { data { ${CHECK_FIELDS} } } ${ERRORS} }
}`;
const DELETE_CHECK = `mutation($id: ID!) {
  deleteBackgroundCheck(id: $id) { __typename ... on MutationDeleteBackgroundCheckSuccess { data } ${ERRORS} }
}`;
const EMPLOYMENT_FIELDS = `id keyPosition role validFrom validTo person { name }
  employer { __typename ... on Vendor { id } ... on Operator { id name } }`;
const ADD_EMPLOYMENT = `mutation($input: AddEmploymentInput!) {
  addEmployment(input: $input) { __typename ... on MutationAddEmploymentSuccess { data { ${EMPLOYMENT_FIELDS} } } ${ERRORS} }
}`;
const END_EMPLOYMENT = `mutation($id: ID!, $to: Date!) {
  endEmployment(id: $id, to: $to) { __typename ... on MutationEndEmploymentSuccess { data { ${EMPLOYMENT_FIELDS} } } ${ERRORS} }
}`;
const ACCESS_FIELDS = 'id kind validFrom validTo person { name } system { id name }';
const ADD_ACCESS = `mutation($input: AddAccessInput!) {
  addAccess(input: $input) { __typename ... on MutationAddAccessSuccess { data { ${ACCESS_FIELDS} } } ${ERRORS} }
}`;
const END_ACCESS = `mutation($id: ID!, $to: Date!) {
  endAccess(id: $id, to: $to) { __typename ... on MutationEndAccessSuccess { data { ${ACCESS_FIELDS} } } ${ERRORS} }
}`;
const PERSONS = `query($filter: PersonFilter, $first: Int, $after: String) {
  persons(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${PERSON_FIELDS} } }
  }
}`;
const COUNT_PERSONS = 'query { persons { totalCount } }';

// biome-ignore lint/suspicious/noExplicitAny: see gql
const names = (conn: any): string[] => conn.edges.map((e: { node: { name: string } }) => e.node.name);
// biome-ignore lint/suspicious/noExplicitAny: see gql
const success = (r: GqlResult<any>, field: string) => {
  expect(r.errors).toBeUndefined();
  const result = r.data?.[field];
  expect(result.__typename).toMatch(/Success$/);
  return result.data;
};
// biome-ignore lint/suspicious/noExplicitAny: see gql
const failure = (r: GqlResult<any>, field: string) => {
  expect(r.errors).toBeUndefined();
  return r.data?.[field];
};

const ids: Record<string, string> = {};
const vendorGid = (n: number) => encodeGlobalID('Vendor', `vendor-${n}`);

async function createPerson(name: string, residentId: string) {
  return success(await gql(CREATE_PERSON, { input: { name, residentId } }), 'createPerson').id as string;
}

beforeAll(async () => {
  // Operators and systems through the API; vendors directly (their mutations belong to another domain).
  for (const [key, code, name, division] of [
    ['op1', '91140500MA0K00006', '晋城市甲单位', '140502'],
    ['op2', '91140500MA0K00007', '阳城县乙单位', '140522'],
  ] as const) {
    const r = await gql(
      `mutation($input: CreateOperatorInput!) { createOperator(input: $input) { __typename ... on MutationCreateOperatorSuccess { data { id } } ${ERRORS} } }`,
      { input: { uscc: uscc(code), name, divisionCode: division } },
    );
    ids[key] = success(r, 'createOperator').id;
  }
  for (const [key, name, op] of [
    ['s1', '甲单位门户网站', 'op1'],
    ['s2', '乙单位业务系统', 'op2'],
  ] as const) {
    const r = await gql(
      `mutation($input: CreateSystemInput!) { createSystem(input: $input) { __typename ... on MutationCreateSystemSuccess { data { id } } ${ERRORS} } }`,
      { input: { name, operatorId: ids[op] } },
    );
    ids[key] = success(r, 'createSystem').id;
  }
  await dbQuery(
    `UNWIND range(1, 3) AS n
     CREATE (:Vendor {id: 'vendor-' + n, name: '服务商' + n, uscc: 'VENDOR-' + n, registrationStatus: 'REGISTERED'})`,
  );
});

afterAll(() => {
  // No response body ever carried a clear resident identity number.
  const all = responses.join('\n');
  expect(responses.length).toBeGreaterThan(40);
  for (const id of SENT_IDS) expect(all).not.toContain(id);
  for (const id of CLEAR_IDS) expect(all).not.toContain(id.slice(0, 14));
});

describe('persons', () => {
  it('creates persons, answering only the masked resident ID', async () => {
    const r = await gql(CREATE_PERSON, { input: { name: ' 张三 ', residentId: ` ${ID_A} ` } });
    const a = success(r, 'createPerson');
    expect(a).toEqual({ id: a.id, name: '张三', residentIdMasked: '140502********0019' });
    expect(r.statements).toEqual(['persons/create']);
    ids.a = a.id;
    // Lower-case x is accepted and normalised.
    ids.b = await createPerson('李四', ID_B.toLowerCase());
    ids.c = await createPerson('王五', ID_C);
    ids.d = await createPerson('赵六', ID_D);
    const read = await gql(
      `query($id: ID!) { node(id: $id) { __typename ... on Person { ${PERSON_FIELDS} } } }`,
      {
        id: ids.b,
      },
    );
    expect(read.data.node).toEqual({
      __typename: 'Person',
      id: ids.b,
      name: '李四',
      residentIdMasked: '110105********002X',
    });
  });

  it('stores only a keyed hash and the masked form, never the clear number', async () => {
    const rows = await dbQuery('MATCH (p:Person) RETURN properties(p) AS props ORDER BY p.name');
    expect(rows).toHaveLength(4);
    const stored = rows.map((r) => r.props as Record<string, string>);
    for (const props of stored) {
      expect(Object.keys(props).sort()).toEqual(['id', 'name', 'residentIdHash', 'residentIdMasked']);
      expect(props.residentIdHash).toMatch(/^[0-9a-f]{64}$/);
      const text = JSON.stringify(props);
      for (const id of CLEAR_IDS) {
        expect(text).not.toContain(id);
        expect(text).not.toContain(id.slice(6, 14)); // not even the birth date
      }
    }
    const byName = Object.fromEntries(stored.map((p) => [p.name, p.residentIdHash]));
    expect(byName.张三).toBe(hashResidentId(ID_A, config.residentIdKey));
    expect(byName.李四).toBe(hashResidentId(ID_B, config.residentIdKey));
  });

  it('rejects a duplicate resident ID as a conflict, writing nothing', async () => {
    const r = await gql(CREATE_PERSON, { input: { name: '张三二', residentId: ID_A } });
    expect(failure(r, 'createPerson')).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.residentId',
    });
    // Upper/lower case of X is the same number.
    const r2 = await gql(CREATE_PERSON, { input: { name: '李四二', residentId: ID_B } });
    expect(failure(r2, 'createPerson')).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.residentId',
    });
    expect((await gql(COUNT_PERSONS)).data.persons.totalCount).toBe(4);
  });

  it('names every bad field, never echoes the number, and writes nothing', async () => {
    const badCheck = '140502199001010018';
    const r = await gql(CREATE_PERSON, { input: { name: '某人', residentId: badCheck } });
    const result = failure(r, 'createPerson');
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual([
      { field: 'input.residentId', message: expect.stringContaining('check character should be "9"') },
    ]);
    expect(JSON.stringify(r)).not.toContain(badCheck);
    expect(result.issues[0].message).toContain('140502********0018');
    expect(r.statements).toEqual([]);

    const badBirth = withCheck('14050219900230001');
    const r2 = await gql(CREATE_PERSON, { input: { name: '  ', residentId: badBirth } });
    const result2 = failure(r2, 'createPerson');
    expect(result2.issues.map((i: { field: string }) => i.field)).toEqual(['input.name', 'input.residentId']);
    expect(result2.issues[1].message).toContain('birth date');
    expect(JSON.stringify(r2)).not.toContain(badBirth);
    expect(r2.statements).toEqual([]);

    const future = withCheck('14050221000101001');
    const r3 = await gql(CREATE_PERSON, { input: { name: '未来', residentId: future } });
    expect(failure(r3, 'createPerson').issues).toEqual([
      { field: 'input.residentId', message: expect.stringContaining('in the future') },
    ]);

    // The check character left out: 17 characters.
    const short = await gql(CREATE_PERSON, { input: { name: '短号', residentId: ID_A.slice(0, 17) } });
    expect(failure(short, 'createPerson').issues).toEqual([
      { field: 'input.residentId', message: expect.stringContaining('must be 18 characters, got 17') },
    ]);
    expect(JSON.stringify(short)).not.toContain(ID_A.slice(0, 14));
    expect((await gql(COUNT_PERSONS)).data.persons.totalCount).toBe(4);
  });

  it('finds a person by resident ID through the hash, and by part of the name', async () => {
    const r = await gql(PERSONS, { filter: { residentId: ` ${ID_C} ` } });
    expect(r.errors).toBeUndefined();
    expect(r.data.persons).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      edges: [
        {
          node: { id: ids.c, name: '王五', residentIdMasked: `${ID_C.slice(0, 6)}********${ID_C.slice(14)}` },
        },
      ],
    });
    const lower = await gql(PERSONS, { filter: { residentId: ID_B.toLowerCase() } });
    expect(names(lower.data.persons)).toEqual(['李四']);
    const unknown = await gql(PERSONS, { filter: { residentId: withCheck('14052419800101001') } });
    expect(unknown.data.persons).toMatchObject({ totalCount: 0, edges: [] });
    const search = await gql(PERSONS, { filter: { search: '四' } });
    expect(names(search.data.persons)).toEqual(['李四']);
  });

  it('answers an invalid resident ID filter as an argument error naming filter.residentId', async () => {
    const bad = '140502199001010018';
    const r = await gql(PERSONS, { filter: { residentId: bad } });
    expect(r.data).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.residentId',
    });
    expect(r.errors?.[0]?.message).toMatch(/^filter\.residentId: /);
    expect(JSON.stringify(r)).not.toContain(bad);
    expect(r.statements).toEqual([]);
  });

  it('pages persons by name with first/after', async () => {
    const p1 = await gql(PERSONS, { first: 3 });
    expect(names(p1.data.persons)).toEqual(['张三', '李四', '王五']);
    expect(p1.data.persons.pageInfo.hasNextPage).toBe(true);
    expect(p1.data.persons.totalCount).toBe(4);
    const p2 = await gql(PERSONS, { first: 3, after: p1.data.persons.pageInfo.endCursor });
    expect(names(p2.data.persons)).toEqual(['赵六']);
    expect(p2.data.persons.pageInfo.hasNextPage).toBe(false);
  });

  it('updates a person, with the same rules', async () => {
    const r = await gql(UPDATE_PERSON, { id: ids.d, input: { name: '赵六六' } });
    expect(success(r, 'updatePerson')).toEqual({
      id: ids.d,
      name: '赵六六',
      residentIdMasked: `${ID_D.slice(0, 6)}********${ID_D.slice(14)}`,
    });
    const conflict = await gql(UPDATE_PERSON, { id: ids.d, input: { residentId: ID_A } });
    expect(failure(conflict, 'updatePerson')).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.residentId',
    });
    const invalid = await gql(UPDATE_PERSON, {
      id: ids.d,
      input: { residentId: '14050219900101001X', name: null },
    });
    expect(failure(invalid, 'updatePerson').issues.map((i: { field: string }) => i.field)).toEqual([
      'input.name',
      'input.residentId',
    ]);
    expect(invalid.statements).toEqual([]);
    const missing = await gql(UPDATE_PERSON, { id: encodeGlobalID('Person', 'nope'), input: { name: 'x' } });
    expect(failure(missing, 'updatePerson')).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    expect(writesOf(missing)).toEqual([]);
    // Changing the number re-hashes it: the new number matches, the old one no longer does.
    const newId = withCheck('14052519951111002');
    success(await gql(UPDATE_PERSON, { id: ids.d, input: { residentId: newId } }), 'updatePerson');
    expect(names((await gql(PERSONS, { filter: { residentId: newId } })).data.persons)).toEqual(['赵六六']);
    expect((await gql(PERSONS, { filter: { residentId: ID_D } })).data.persons.totalCount).toBe(0);
    success(await gql(UPDATE_PERSON, { id: ids.d, input: { residentId: ID_D } }), 'updatePerson');
  });
});

describe('background checks', () => {
  it('records checks and answers the latest and validity on a date', async () => {
    const add = async (person: string, status: string, checkedOn: string, expiresOn: string | null) =>
      success(
        await gql(ADD_CHECK, {
          input: { personId: ids[person], status, checkedOn, expiresOn, checkedBy: '晋城市公安局网安支队' },
        }),
        'addBackgroundCheck',
      );
    const a1 = await add('a', 'PASSED', '2022-01-10', '2024-01-09');
    expect(a1).toEqual({
      id: a1.id,
      status: 'PASSED',
      checkedOn: '2022-01-10',
      expiresOn: '2024-01-09',
      checkedBy: '晋城市公安局网安支队',
      person: { name: '张三' },
    });
    ids.checkA1 = a1.id;
    ids.checkA2 = (await add('a', 'PASSED', '2024-01-05', null)).id;
    ids.checkB = (await add('b', 'FAILED', '2024-03-01', null)).id;
    ids.checkC1 = (await add('c', 'PASSED', '2023-01-01', '2026-12-31')).id;
    ids.checkC2 = (await add('c', 'PENDING', '2024-05-01', null)).id;
    ids.checkD = (await add('d', 'PASSED', '2024-05-01', null)).id;

    const r = await gql(
      `query($id: ID!) { node(id: $id) { ... on Person {
        latestCheck { id status expiresOn }
        checks { id checkedOn
          on2023: isValidOn(date: "2023-06-01") on2024: isValidOn(date: "2024-01-10")
          before: isValidOn(date: "2021-01-01") expiryDay: isValidOn(date: "2024-01-09") }
      } } }`,
      { id: ids.a },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toEqual({
      latestCheck: { id: ids.checkA2, status: 'PASSED', expiresOn: null },
      checks: [
        {
          id: ids.checkA2,
          checkedOn: '2024-01-05',
          on2023: false,
          on2024: true,
          before: false,
          expiryDay: true,
        },
        {
          id: ids.checkA1,
          checkedOn: '2022-01-10',
          on2023: true,
          on2024: false,
          before: false,
          expiryDay: true,
        },
      ],
    });
    const failed = await gql(
      `query($id: ID!) { node(id: $id) { ... on BackgroundCheck { isValidOn(date: "2024-06-01") } } }`,
      {
        id: ids.checkB,
      },
    );
    expect(failed.data.node).toEqual({ isValidOn: false });
  });

  it('filters persons by the status of their latest check', async () => {
    const passed = await gql(PERSONS, { filter: { checkStatus: 'PASSED' } });
    expect(names(passed.data.persons)).toEqual(['张三', '赵六六']);
    expect(passed.data.persons.totalCount).toBe(2);
    // 王五 passed once, but the latest check is pending.
    expect(names((await gql(PERSONS, { filter: { checkStatus: 'PENDING' } })).data.persons)).toEqual([
      '王五',
    ]);
    expect(names((await gql(PERSONS, { filter: { checkStatus: 'FAILED' } })).data.persons)).toEqual(['李四']);
  });

  it('names every bad field of a check and writes nothing', async () => {
    const r = await gql(ADD_CHECK, {
      input: {
        personId: ids.a,
        status: 'PASSED',
        checkedOn: '2024-02-30',
        expiresOn: '2024-01-01',
        checkedBy: ' ',
      },
    });
    expect(failure(r, 'addBackgroundCheck').issues.map((i: { field: string }) => i.field)).toEqual([
      'input.checkedOn',
      'input.checkedBy',
    ]);
    expect(r.statements).toEqual([]);
    const order = await gql(ADD_CHECK, {
      input: {
        personId: ids.a,
        status: 'PASSED',
        checkedOn: '2024-02-01',
        expiresOn: '2024-01-31',
        checkedBy: 'x',
      },
    });
    expect(failure(order, 'addBackgroundCheck').issues).toEqual([
      { field: 'input.expiresOn', message: 'end date 2024-01-31 is before start date 2024-02-01' },
    ]);
    const missing = await gql(ADD_CHECK, {
      input: {
        personId: encodeGlobalID('Person', 'nope'),
        status: 'PASSED',
        checkedOn: '2024-02-01',
        checkedBy: 'x',
      },
    });
    expect(failure(missing, 'addBackgroundCheck')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.personId',
    });
    const wrongType = await gql(ADD_CHECK, {
      input: { personId: ids.s1, status: 'PASSED', checkedOn: '2024-02-01', checkedBy: 'x' },
    });
    expect(failure(wrongType, 'addBackgroundCheck')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.personId',
    });
    for (const x of [missing, wrongType]) expect(writesOf(x)).toEqual([]);
    const [row] = await dbQuery('MATCH (c:BackgroundCheck) RETURN count(c) AS n');
    expect(Number(row?.n)).toBe(6);
  });

  it('updates a check, checking dates against the stored ones', async () => {
    const bad = await gql(UPDATE_CHECK, { id: ids.checkA1, input: { expiresOn: '2021-12-31' } });
    expect(failure(bad, 'updateBackgroundCheck').issues).toEqual([
      { field: 'input.expiresOn', message: 'end date 2021-12-31 is before start date 2022-01-10' },
    ]);
    expect(writesOf(bad)).toEqual([]);
    const r = await gql(UPDATE_CHECK, {
      id: ids.checkC2,
      input: { status: 'PASSED', expiresOn: '2027-04-30' },
    });
    expect(success(r, 'updateBackgroundCheck')).toMatchObject({
      id: ids.checkC2,
      status: 'PASSED',
      checkedOn: '2024-05-01',
      expiresOn: '2027-04-30',
    });
    const cleared = await gql(UPDATE_CHECK, { id: ids.checkC2, input: { expiresOn: null } });
    expect(success(cleared, 'updateBackgroundCheck')).toMatchObject({ status: 'PASSED', expiresOn: null });
    const gone = await gql(UPDATE_CHECK, {
      id: encodeGlobalID('BackgroundCheck', 'nope'),
      input: { status: 'FAILED' },
    });
    expect(failure(gone, 'updateBackgroundCheck')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'id',
    });
    success(
      await gql(UPDATE_CHECK, { id: ids.checkC2, input: { status: 'PENDING' } }),
      'updateBackgroundCheck',
    );
  });
});

describe('employment', () => {
  const add = async (person: string, employerId: string, extra: Record<string, unknown>) =>
    success(
      await gql(ADD_EMPLOYMENT, { input: { personId: ids[person], employerId, ...extra } }),
      'addEmployment',
    );

  it('records employment at vendors and operators, answering the employer union', async () => {
    const e = await add('a', vendorGid(1), { role: '运维工程师', from: '2020-01-01' });
    expect(e).toEqual({
      id: e.id,
      keyPosition: false,
      role: '运维工程师',
      validFrom: '2020-01-01',
      validTo: null,
      person: { name: '张三' },
      employer: { __typename: 'Vendor', id: vendorGid(1) },
    });
    ids.empA1 = e.id;
    const op = await add('a', ids.op1 as string, {
      keyPosition: true,
      role: '安全管理负责人',
      from: '2021-01-01',
    });
    expect(op).toMatchObject({
      keyPosition: true,
      employer: { __typename: 'Operator', id: ids.op1, name: '晋城市甲单位' },
    });
    ids.empAop = op.id;
    ids.empB1 = (await add('b', vendorGid(1), { from: '2019-01-01' })).id;
    ids.empB2 = (await add('b', vendorGid(2), { from: '2023-01-01' })).id;
    ids.empC2 = (await add('c', vendorGid(2), { from: '2020-06-01', to: '2030-12-31' })).id;
    ids.empCop = (await add('c', ids.op1 as string, { from: '2022-01-01' })).id;
  });

  it('ends an employment, keeping its history', async () => {
    const bad = await gql(END_EMPLOYMENT, { id: ids.empB1, to: '2018-12-31' });
    expect(failure(bad, 'endEmployment').issues).toEqual([
      { field: 'to', message: 'end date 2018-12-31 is before start date 2019-01-01' },
    ]);
    expect(writesOf(bad)).toEqual([]);
    const r = await gql(END_EMPLOYMENT, { id: ids.empB1, to: '2022-12-31' });
    expect(success(r, 'endEmployment')).toMatchObject({
      id: ids.empB1,
      validFrom: '2019-01-01',
      validTo: '2022-12-31',
    });
    expect(writesOf(r)).toEqual(['employments/end']);
    const again = await gql(END_EMPLOYMENT, { id: ids.empB1, to: '2023-12-31' });
    expect(failure(again, 'endEmployment')).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'to', message: 'the employment already ended on 2022-12-31' }],
    });
    expect(writesOf(again)).toEqual([]);
    const missing = await gql(END_EMPLOYMENT, { id: encodeGlobalID('Employment', 'nope'), to: '2023-12-31' });
    expect(failure(missing, 'endEmployment')).toMatchObject({ __typename: 'NotFoundError', field: 'id' });

    const history = await gql(
      `query($id: ID!) { node(id: $id) { ... on Person {
        all: employments { id validTo }
        in2022: employments(activeOn: "2022-12-31") { id }
        in2023: employments(activeOn: "2023-01-01") { id }
      } } }`,
      { id: ids.b },
    );
    expect(history.data.node).toEqual({
      all: [
        { id: ids.empB1, validTo: '2022-12-31' },
        { id: ids.empB2, validTo: null },
      ],
      in2022: [{ id: ids.empB1 }],
      in2023: [{ id: ids.empB2 }],
    });
  });

  it('names every bad field of an employment and writes nothing', async () => {
    const r = await gql(ADD_EMPLOYMENT, {
      input: {
        personId: ids.a,
        employerId: vendorGid(3),
        from: '2024-13-01',
        to: '2023-01-01',
        role: '\u0001',
      },
    });
    expect(failure(r, 'addEmployment').issues.map((i: { field: string }) => i.field)).toEqual([
      'input.from',
      'input.role',
    ]);
    const order = await gql(ADD_EMPLOYMENT, {
      input: { personId: ids.a, employerId: vendorGid(3), from: '2024-01-02', to: '2024-01-01' },
    });
    expect(failure(order, 'addEmployment').issues).toEqual([
      { field: 'input.to', message: 'end date 2024-01-01 is before start date 2024-01-02' },
    ]);
    // A system is not an employer; an unknown vendor is not found.
    for (const employerId of [
      ids.s1,
      encodeGlobalID('Vendor', 'nope'),
      encodeGlobalID('Operator', 'vendor-1'),
      'garbage',
    ]) {
      const x = await gql(ADD_EMPLOYMENT, { input: { personId: ids.a, employerId, from: '2024-01-01' } });
      expect(failure(x, 'addEmployment')).toMatchObject({
        __typename: 'NotFoundError',
        field: 'input.employerId',
      });
      expect(writesOf(x)).toEqual([]);
    }
    const person = await gql(ADD_EMPLOYMENT, {
      input: { personId: encodeGlobalID('Person', 'nope'), employerId: vendorGid(3), from: '2024-01-01' },
    });
    expect(failure(person, 'addEmployment')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.personId',
    });
    for (const x of [r, order, person]) expect(writesOf(x)).toEqual([]);
    const [row] = await dbQuery('MATCH ()-[w:WORKS_FOR]->() RETURN count(w) AS n');
    expect(Number(row?.n)).toBe(6);
  });

  it('lists the personnel of several vendors with one statement', async () => {
    const r = await gql(
      `query($v1: ID!, $v2: ID!, $v3: ID!) {
        v1: node(id: $v1) { ... on Vendor { all: personnel { totalCount edges { node { name residentIdMasked } } }
                                            in2023: personnel(activeOn: "2023-06-01") { totalCount edges { node { name } } } } }
        v2: node(id: $v2) { ... on Vendor { all: personnel { totalCount edges { node { name residentIdMasked } } }
                                            in2023: personnel(activeOn: "2023-06-01") { totalCount edges { node { name } } } } }
        v3: node(id: $v3) { ... on Vendor { all: personnel { totalCount edges { node { name residentIdMasked } } }
                                            in2023: personnel(activeOn: "2023-06-01") { totalCount edges { node { name } } } } }
      }`,
      { v1: vendorGid(1), v2: vendorGid(2), v3: vendorGid(3) },
    );
    expect(r.errors).toBeUndefined();
    const conn = (key: string, list: 'all' | 'in2023') => r.data[key][list];
    expect(names(conn('v1', 'all'))).toEqual(['张三', '李四']);
    expect(conn('v1', 'all').totalCount).toBe(2);
    expect(conn('v1', 'all').edges[0].node.residentIdMasked).toBe('140502********0019');
    expect(names(conn('v1', 'in2023'))).toEqual(['张三']);
    expect(names(conn('v2', 'all'))).toEqual(['李四', '王五']);
    expect(names(conn('v2', 'in2023'))).toEqual(['李四', '王五']);
    expect(conn('v3', 'all')).toEqual({ totalCount: 0, edges: [] });
    // One batched statement per distinct argument set, not one per vendor.
    expect(r.statements.filter((s) => s === 'persons/byVendors')).toHaveLength(2);

    const page1 = await gql(
      `query($v: ID!) { node(id: $v) { ... on Vendor { personnel(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } } }`,
      { v: vendorGid(2) },
    );
    const p1 = page1.data.node.personnel;
    expect(names(p1)).toEqual(['李四']);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p1.totalCount).toBe(2);
    const page2 = await gql(
      `query($v: ID!, $after: String) { node(id: $v) { ... on Vendor { personnel(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { name } } } } } }`,
      { v: vendorGid(2), after: p1.pageInfo.endCursor },
    );
    expect(names(page2.data.node.personnel)).toEqual(['王五']);
    expect(page2.data.node.personnel.pageInfo.hasNextPage).toBe(false);

    const emps = await gql(
      `query($v: ID!) { node(id: $v) { ... on Vendor { all: employments { id } now: employments(activeOn: "2024-01-01") { id } } } }`,
      { v: vendorGid(1) },
    );
    expect(emps.data.node).toEqual({ all: [{ id: ids.empB1 }, { id: ids.empA1 }], now: [{ id: ids.empA1 }] });
  });

  it('lists operator personnel, key positions only on request', async () => {
    const r = await gql(
      `query($o1: ID!, $o2: ID!) {
        o1: node(id: $o1) { ... on Operator { all: personnel { totalCount edges { node { name } } }
                                              key: personnel(keyPositionOnly: true) { totalCount edges { node { name } } }
                                              in2021: personnel(activeOn: "2021-06-01") { edges { node { name } } } } }
        o2: node(id: $o2) { ... on Operator { all: personnel { totalCount edges { node { name } } } } }
      }`,
      { o1: ids.op1, o2: ids.op2 },
    );
    expect(r.errors).toBeUndefined();
    expect(names(r.data.o1.all)).toEqual(['张三', '王五']);
    expect(r.data.o1.all.totalCount).toBe(2);
    expect(names(r.data.o1.key)).toEqual(['张三']);
    expect(names(r.data.o1.in2021)).toEqual(['张三']);
    expect(r.data.o2.all).toEqual({ totalCount: 0, edges: [] });
    // o1.all and o2.all share one statement.
    expect(r.statements.filter((s) => s === 'persons/byOperators')).toHaveLength(3);
  });

  it('filters persons by employer, counting employments active today', async () => {
    expect(names((await gql(PERSONS, { filter: { employerId: vendorGid(1) } })).data.persons)).toEqual([
      '张三',
    ]);
    expect(names((await gql(PERSONS, { filter: { employerId: vendorGid(2) } })).data.persons)).toEqual([
      '李四',
      '王五',
    ]);
    const op = await gql(PERSONS, { filter: { employerId: ids.op1, checkStatus: 'PASSED' } });
    expect(names(op.data.persons)).toEqual(['张三']);
    expect(op.data.persons.totalCount).toBe(1);
    const bad = await gql(PERSONS, { filter: { employerId: ids.s1 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.employerId',
    });
  });
});

describe('access', () => {
  it('grants access to systems and lists it by system and by person', async () => {
    const add = async (person: string, system: string, kind: string, from: string) =>
      success(
        await gql(ADD_ACCESS, { input: { personId: ids[person], systemId: ids[system], kind, from } }),
        'addAccess',
      );
    const a = await add('a', 's1', 'REMOTE', '2023-01-01');
    expect(a).toEqual({
      id: a.id,
      kind: 'REMOTE',
      validFrom: '2023-01-01',
      validTo: null,
      person: { name: '张三' },
      system: { id: ids.s1, name: '甲单位门户网站' },
    });
    ids.accA = a.id;
    ids.accC = (await add('c', 's1', 'PRIVILEGED', '2022-01-01')).id;
    ids.accB = (await add('b', 's2', 'ONSITE', '2024-01-01')).id;

    const r = await gql(END_ACCESS, { id: ids.accC, to: '2023-12-31' });
    expect(success(r, 'endAccess')).toMatchObject({
      id: ids.accC,
      kind: 'PRIVILEGED',
      validTo: '2023-12-31',
    });
    const again = await gql(END_ACCESS, { id: ids.accC, to: '2024-12-31' });
    expect(failure(again, 'endAccess').issues).toEqual([
      { field: 'to', message: 'the access already ended on 2023-12-31' },
    ]);
    const early = await gql(END_ACCESS, { id: ids.accA, to: '2022-12-31' });
    expect(failure(early, 'endAccess').issues).toEqual([
      { field: 'to', message: 'end date 2022-12-31 is before start date 2023-01-01' },
    ]);
    for (const x of [again, early]) expect(writesOf(x)).toEqual([]);

    const bySystem = await gql(
      `query($s1: ID!, $s2: ID!) {
        s1: node(id: $s1) { ... on System {
          all: accesses { totalCount edges { node { id kind person { name } } } }
          in2024: accesses(activeOn: "2024-06-01") { totalCount edges { node { id } } }
          in2022: accesses(activeOn: "2022-06-01") { edges { node { id } } } } }
        s2: node(id: $s2) { ... on System { all: accesses { totalCount edges { node { id } } } } }
      }`,
      { s1: ids.s1, s2: ids.s2 },
    );
    expect(bySystem.errors).toBeUndefined();
    expect(bySystem.data.s1.all).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: ids.accC, kind: 'PRIVILEGED', person: { name: '王五' } } },
        { node: { id: ids.accA, kind: 'REMOTE', person: { name: '张三' } } },
      ],
    });
    expect(bySystem.data.s1.in2024).toEqual({ totalCount: 1, edges: [{ node: { id: ids.accA } }] });
    expect(bySystem.data.s1.in2022.edges).toEqual([{ node: { id: ids.accC } }]);
    expect(bySystem.data.s2.all).toEqual({ totalCount: 1, edges: [{ node: { id: ids.accB } }] });
    expect(bySystem.statements.filter((s) => s === 'accesses/bySystems')).toHaveLength(3);

    const page = await gql(
      `query($s: ID!, $after: String) { node(id: $s) { ... on System { accesses(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
      { s: ids.s1 },
    );
    expect(page.data.node.accesses).toMatchObject({
      pageInfo: { hasNextPage: true },
      edges: [{ node: { id: ids.accC } }],
    });
    const page2 = await gql(
      `query($s: ID!, $after: String) { node(id: $s) { ... on System { accesses(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } } } }`,
      { s: ids.s1, after: page.data.node.accesses.pageInfo.endCursor },
    );
    expect(page2.data.node.accesses).toEqual({
      pageInfo: { hasNextPage: false },
      edges: [{ node: { id: ids.accA } }],
    });

    const byPerson = await gql(
      `query($c: ID!) { node(id: $c) { ... on Person {
        all: accesses { id validTo system { name } } in2024: accesses(activeOn: "2024-01-01") { id } } } }`,
      { c: ids.c },
    );
    expect(byPerson.data.node).toEqual({
      all: [{ id: ids.accC, validTo: '2023-12-31', system: { name: '甲单位门户网站' } }],
      in2024: [],
    });
  });

  it('names every bad field of an access and writes nothing', async () => {
    const r = await gql(ADD_ACCESS, {
      input: { personId: ids.a, systemId: ids.s2, kind: 'ONSITE', from: '2024-02-01', to: '2024-01-31' },
    });
    expect(failure(r, 'addAccess').issues).toEqual([
      { field: 'input.to', message: 'end date 2024-01-31 is before start date 2024-02-01' },
    ]);
    const sys = await gql(ADD_ACCESS, {
      input: {
        personId: ids.a,
        systemId: encodeGlobalID('System', 'nope'),
        kind: 'ONSITE',
        from: '2024-02-01',
      },
    });
    expect(failure(sys, 'addAccess')).toMatchObject({ __typename: 'NotFoundError', field: 'input.systemId' });
    const person = await gql(ADD_ACCESS, {
      input: { personId: ids.s1, systemId: ids.s2, kind: 'ONSITE', from: '2024-02-01' },
    });
    expect(failure(person, 'addAccess')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.personId',
    });
    for (const x of [r, sys, person]) expect(writesOf(x)).toEqual([]);
    const badArg = await gql(
      `query($s: ID!) { node(id: $s) { ... on System { accesses(activeOn: "2024-02-30") { totalCount } } } }`,
      { s: ids.s1 },
    );
    expect(badArg.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'activeOn' });
  });
});

describe('node and delete', () => {
  it('fetches every personnel type by global id', async () => {
    const r = await gql(
      `query($p: ID!, $c: ID!, $e: ID!, $a: ID!) {
        p: node(id: $p) { __typename id ... on Person { name } }
        c: node(id: $c) { __typename id ... on BackgroundCheck { status person { name } } }
        e: node(id: $e) { __typename id ... on Employment { role employer { __typename ... on Operator { name } } } }
        a: node(id: $a) { __typename id ... on Access { kind system { name } } }
      }`,
      { p: ids.a, c: ids.checkB, e: ids.empAop, a: ids.accB },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      p: { __typename: 'Person', id: ids.a, name: '张三' },
      c: { __typename: 'BackgroundCheck', id: ids.checkB, status: 'FAILED', person: { name: '李四' } },
      e: {
        __typename: 'Employment',
        id: ids.empAop,
        role: '安全管理负责人',
        employer: { __typename: 'Operator', name: '晋城市甲单位' },
      },
      a: { __typename: 'Access', id: ids.accB, kind: 'ONSITE', system: { name: '乙单位业务系统' } },
    });
  });

  it('deletes a background check, then a person with their checks', async () => {
    const r = await gql(DELETE_CHECK, { id: ids.checkA1 });
    expect(success(r, 'deleteBackgroundCheck')).toBe(ids.checkA1);
    const gone = await gql(DELETE_CHECK, { id: ids.checkA1 });
    expect(failure(gone, 'deleteBackgroundCheck')).toMatchObject({
      __typename: 'NotFoundError',
      field: 'id',
    });

    const d = await gql(DELETE_PERSON, { id: ids.d });
    expect(success(d, 'deletePerson')).toBe(ids.d);
    const after = await gql(`query($p: ID!, $c: ID!) { p: node(id: $p) { id } c: node(id: $c) { id } }`, {
      p: ids.d,
      c: ids.checkD,
    });
    expect(after.data).toEqual({ p: null, c: null });
    const [row] = await dbQuery('MATCH (c:BackgroundCheck) RETURN count(c) AS n');
    expect(Number(row?.n)).toBe(4);
    expect((await gql(COUNT_PERSONS)).data.persons.totalCount).toBe(3);
    const again = await gql(DELETE_PERSON, { id: ids.d });
    expect(failure(again, 'deletePerson')).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    expect(writesOf(again)).toEqual([]);
  });
});
