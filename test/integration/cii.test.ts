import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cypher from '../../server/cypher.generated.js';
import { usccCheckCharacter } from '../../server/validation/identifiers.js';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

/** Names of every write statement, to assert that a failed mutation sent none. */
const WRITES = new Set(
  Object.values(cypher as Record<string, unknown>)
    .filter((group) => !!group && typeof group === 'object' && !Array.isArray(group))
    .flatMap((group) => Object.values(group as Record<string, { name: string; mode: string }>))
    .filter((s) => s.mode === 'write')
    .map((s) => s.name),
);
const writesIn = (statements: string[]) => statements.filter((s) => WRITES.has(s));

const uscc = (serial: string) => {
  const first17 = `91140500MA0K${serial.padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

// biome-ignore lint/suspicious/noExplicitAny: response shapes are pinned by exact assertions instead
type Json = Record<string, any>;

async function ok(query: string, variables: Record<string, unknown>, field: string): Promise<Json> {
  const r = await gql<Json>(query, variables);
  expect(r.errors).toBeUndefined();
  const result = r.data?.[field];
  expect(result?.__typename, JSON.stringify(result)).toMatch(/Success$/);
  return result.data;
}

async function count(cypherText: string): Promise<number> {
  const res = await db.driver.executeQuery(cypherText, {}, { database: 'neo4j' });
  return res.records[0]?.get(0) as number;
}

const ERRORS = /* GraphQL */ `
  ... on ValidationError { issues { field message } }
  ... on NotFoundError { field id }
  ... on ConflictError { field message }
`;

const CREATE_SECTOR = /* GraphQL */ `
  mutation ($input: CreateSectorInput!) {
    createSector(input: $input) { __typename ... on MutationCreateSectorSuccess { data { id code name nameEn } } ${ERRORS} }
  }
`;
const CREATE_DEPT = /* GraphQL */ `
  mutation ($input: CreateProtectionDepartmentInput!) {
    createProtectionDepartment(input: $input) {
      __typename
      ... on MutationCreateProtectionDepartmentSuccess { data { id name divisionCode divisionName sectors { edges { node { code } } } } }
      ${ERRORS}
    }
  }
`;
const UPDATE_DEPT = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateProtectionDepartmentInput!) {
    updateProtectionDepartment(id: $id, input: $input) {
      __typename
      ... on MutationUpdateProtectionDepartmentSuccess { data { id name sectors { edges { node { code } } } } }
      ${ERRORS}
    }
  }
`;
const CREATE_POLICE = /* GraphQL */ `
  mutation ($input: CreatePoliceUnitInput!) {
    createPoliceUnit(input: $input) {
      __typename ... on MutationCreatePoliceUnitSuccess { data { id name divisionCode divisionName } } ${ERRORS}
    }
  }
`;
const CREATE_OPERATOR = /* GraphQL */ `
  mutation ($input: CreateOperatorInput!) {
    createOperator(input: $input) { __typename ... on MutationCreateOperatorSuccess { data { id } } ${ERRORS} }
  }
`;
const CREATE_SYSTEM = /* GraphQL */ `
  mutation ($input: CreateSystemInput!) {
    createSystem(input: $input) { __typename ... on MutationCreateSystemSuccess { data { id name } } ${ERRORS} }
  }
`;
const CII_FIELDS = /* GraphQL */ `
  id name sectorCode sector { code } identifiedBy { name } identifiedOn operatorNotifiedOn policeNotifiedOn
`;
const CREATE_CII = /* GraphQL */ `
  mutation ($input: CreateCriticalInfrastructureInput!) {
    createCriticalInfrastructure(input: $input) {
      __typename ... on MutationCreateCriticalInfrastructureSuccess { data { ${CII_FIELDS} } } ${ERRORS}
    }
  }
`;
const UPDATE_CII = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateCriticalInfrastructureInput!) {
    updateCriticalInfrastructure(id: $id, input: $input) {
      __typename ... on MutationUpdateCriticalInfrastructureSuccess { data { ${CII_FIELDS} } } ${ERRORS}
    }
  }
`;
const ADD = /* GraphQL */ `
  mutation ($input: AddCiiMembershipInput!) {
    addCiiMembership(input: $input) {
      __typename
      ... on MutationAddCiiMembershipSuccess { data { id validFrom validTo system { name } criticalInfrastructure { name } } }
      ${ERRORS}
    }
  }
`;
const END = /* GraphQL */ `
  mutation ($id: ID!, $to: Date!) {
    endCiiMembership(id: $id, to: $to) {
      __typename ... on MutationEndCiiMembershipSuccess { data { id validFrom validTo } } ${ERRORS}
    }
  }
`;
const LIST = /* GraphQL */ `
  query ($filter: CriticalInfrastructureFilter, $first: Int, $after: String) {
    criticalInfrastructures(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name } }
    }
  }
`;
const SYSTEMS_OF = /* GraphQL */ `
  query ($id: ID!, $activeOn: Date) {
    node(id: $id) {
      ... on CriticalInfrastructure { systems(activeOn: $activeOn) { edges { node { system { name } validFrom validTo } } } }
    }
  }
`;

type Key =
  | 'ENERGY'
  | 'FINANCE'
  | 'WATER'
  | 'energyDept'
  | 'financeDept'
  | 'o1'
  | 'o2'
  | 's1'
  | 's2'
  | 's3'
  | 'c1'
  | 'c2'
  | 'c3'
  | 'm11'
  | 'm31'
  | 'm22'
  | 'm31b'
  | 'm13'
  | 'police';
const ids = {} as Record<Key, string>;
const names = (conn: Json) => conn.edges.map((e: Json) => e.node.name);

beforeAll(async () => {
  for (const [code, name, nameEn] of [
    ['ENERGY', '能源', 'Energy'],
    ['FINANCE', '金融', 'Finance'],
    ['WATER', '水利', 'Water conservancy'],
  ] as const) {
    ids[code] = (await ok(CREATE_SECTOR, { input: { code, name, nameEn } }, 'createSector')).id;
  }
  ids.energyDept = (
    await ok(
      CREATE_DEPT,
      { input: { name: '晋城市能源局', divisionCode: '140500', sectorCodes: ['ENERGY'] } },
      'createProtectionDepartment',
    )
  ).id;
  ids.financeDept = (
    await ok(
      CREATE_DEPT,
      { input: { name: '晋城市地方金融监督管理局', divisionCode: '140500', sectorCodes: ['finance'] } },
      'createProtectionDepartment',
    )
  ).id;
  const operator = async (serial: string, name: string, divisionCode: string) =>
    (
      await ok(
        CREATE_OPERATOR,
        { input: { uscc: uscc(serial), name, divisionCode, sectorCode: 'ENERGY' } },
        'createOperator',
      )
    ).id;
  ids.o1 = await operator('00001', '晋城城区供电公司', '140502');
  ids.o2 = await operator('00002', '阳城热力公司', '140522');
  const system = async (name: string, operatorId: string) =>
    (await ok(CREATE_SYSTEM, { input: { name, operatorId } }, 'createSystem')).id;
  ids.s1 = await system('A调度自动化系统', ids.o1);
  ids.s3 = await system('B营销系统', ids.o1);
  ids.s2 = await system('C供热监控系统', ids.o2);
  const cii = async (name: string, sectorCode: string, departmentId: string, extra: Json = {}) =>
    (
      await ok(
        CREATE_CII,
        { input: { name, sectorCode, departmentId, identifiedOn: '2023-01-10', ...extra } },
        'createCriticalInfrastructure',
      )
    ).id;
  ids.c1 = await cii('城区电网关键信息基础设施', 'ENERGY', ids.energyDept, {
    operatorNotifiedOn: '2023-01-15',
    policeNotifiedOn: '2023-01-20',
  });
  ids.c2 = await cii('阳城供热关键信息基础设施', 'ENERGY', ids.energyDept);
  ids.c3 = await cii('金融关键信息基础设施', 'FINANCE', ids.financeDept);
  const add = async (systemId: string, ciiId: string, from: string, to: string | null = null) =>
    (await ok(ADD, { input: { systemId, ciiId, from, to } }, 'addCiiMembership')).id;
  ids.m11 = await add(ids.s1, ids.c1, '2023-02-01');
  ids.m31 = await add(ids.s3, ids.c1, '2023-02-01', '2023-12-31');
  ids.m22 = await add(ids.s2, ids.c2, '2023-03-01');
});

describe('CII designations', () => {
  it('reads a created designation back with sector, department and dates', async () => {
    const r = await gql<Json>(
      `query ($id: ID!) { node(id: $id) { __typename ... on CriticalInfrastructure { ${CII_FIELDS} } } }`,
      {
        id: ids.c1,
      },
    );
    expect(r.data?.node).toEqual({
      __typename: 'CriticalInfrastructure',
      id: ids.c1,
      name: '城区电网关键信息基础设施',
      sectorCode: 'ENERGY',
      sector: { code: 'ENERGY' },
      identifiedBy: { name: '晋城市能源局' },
      identifiedOn: '2023-01-10',
      operatorNotifiedOn: '2023-01-15',
      policeNotifiedOn: '2023-01-20',
    });
  });

  it('filters by sector, department, operator division and name, with totals and pages', async () => {
    const list = async (filter: Json, first?: number, after?: string) =>
      (await gql<Json>(LIST, { filter, first, after })).data?.criticalInfrastructures;
    const energy = await list({ sectorCode: 'ENERGY' });
    expect(names(energy)).toEqual(['城区电网关键信息基础设施', '阳城供热关键信息基础设施']);
    expect(energy.totalCount).toBe(2);
    expect(names(await list({ departmentId: ids.financeDept }))).toEqual(['金融关键信息基础设施']);
    expect(names(await list({ divisionCode: '140522' }))).toEqual(['阳城供热关键信息基础设施']);
    expect(names(await list({ divisionCode: '140502' }))).toEqual(['城区电网关键信息基础设施']);
    expect(names(await list({ search: '金融' }))).toEqual(['金融关键信息基础设施']);
    const first = await list({}, 2);
    expect(names(first)).toEqual(['城区电网关键信息基础设施', '金融关键信息基础设施']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(3);
    const second = await list({}, 2, first.pageInfo.endCursor);
    expect(names(second)).toEqual(['阳城供热关键信息基础设施']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('requires the department to be responsible for the sector, writing nothing otherwise', async () => {
    const before = await count('MATCH (c:CriticalInfrastructure) RETURN count(c)');
    const r = await gql<Json>(CREATE_CII, {
      input: {
        name: '错配关基',
        sectorCode: 'ENERGY',
        departmentId: ids.financeDept,
        identifiedOn: '2023-01-10',
      },
    });
    expect(r.data?.createCriticalInfrastructure.__typename).toBe('ValidationError');
    expect(r.data?.createCriticalInfrastructure.issues.map((i: Json) => i.field)).toEqual([
      'input.departmentId',
    ]);
    expect(writesIn(r.statements)).toEqual([]);
    expect(await count('MATCH (c:CriticalInfrastructure) RETURN count(c)')).toBe(before);
  });

  it('names every bad field, unknown sectors and notices before the identification', async () => {
    const bad = await gql<Json>(CREATE_CII, {
      input: { name: ' ', sectorCode: 'bad code', departmentId: ids.energyDept, identifiedOn: '2023-02-30' },
    });
    expect(bad.data?.createCriticalInfrastructure.issues.map((i: Json) => i.field)).toEqual([
      'input.name',
      'input.sectorCode',
      'input.identifiedOn',
    ]);
    expect(bad.statements).toEqual([]);
    const order = await gql<Json>(CREATE_CII, {
      input: {
        name: '日期错误',
        sectorCode: 'NOPE',
        departmentId: ids.energyDept,
        identifiedOn: '2023-05-01',
        operatorNotifiedOn: '2023-04-30',
        policeNotifiedOn: '2023-05-01',
      },
    });
    expect(order.data?.createCriticalInfrastructure.issues.map((i: Json) => i.field)).toEqual([
      'input.operatorNotifiedOn',
      'input.sectorCode',
    ]);
    expect(writesIn(order.statements)).toEqual([]);
  });

  it('answers NotFoundError for an unknown department', async () => {
    const missing = encodeGlobalID('ProtectionDepartment', '00000000-0000-0000-0000-000000000000');
    const r = await gql<Json>(CREATE_CII, {
      input: { name: 'x', sectorCode: 'ENERGY', departmentId: missing, identifiedOn: '2023-01-10' },
    });
    expect(r.data?.createCriticalInfrastructure).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.departmentId',
      id: '00000000-0000-0000-0000-000000000000',
    });
    expect(writesIn(r.statements)).toEqual([]);
  });

  it('checks updates against the merged designation', async () => {
    const sector = await gql<Json>(UPDATE_CII, { id: ids.c2, input: { sectorCode: 'FINANCE' } });
    expect(sector.data?.updateCriticalInfrastructure.issues.map((i: Json) => i.field)).toEqual([
      'input.departmentId',
    ]);
    const later = await gql<Json>(UPDATE_CII, { id: ids.c1, input: { identifiedOn: '2023-01-18' } });
    expect(later.data?.updateCriticalInfrastructure.issues).toEqual([
      {
        field: 'input.identifiedOn',
        message: 'operatorNotifiedOn 2023-01-15 is before identifiedOn 2023-01-18',
      },
    ]);
    expect(writesIn(later.statements)).toEqual([]);
    const moved = await ok(
      UPDATE_CII,
      {
        id: ids.c2,
        input: { sectorCode: 'FINANCE', departmentId: ids.financeDept, policeNotifiedOn: '2023-02-01' },
      },
      'updateCriticalInfrastructure',
    );
    expect(moved).toMatchObject({
      sectorCode: 'FINANCE',
      identifiedBy: { name: '晋城市地方金融监督管理局' },
      identifiedOn: '2023-01-10',
      policeNotifiedOn: '2023-02-01',
      operatorNotifiedOn: null,
    });
    await ok(
      UPDATE_CII,
      { id: ids.c2, input: { sectorCode: 'ENERGY', departmentId: ids.energyDept, policeNotifiedOn: null } },
      'updateCriticalInfrastructure',
    );
    expect(
      await count('MATCH (:ProtectionDepartment)-[i:IDENTIFIED]->(:CriticalInfrastructure) RETURN count(i)'),
    ).toBe(3);
    expect(await count('MATCH (:CriticalInfrastructure)-[r:IN_SECTOR]->(:Sector) RETURN count(r)')).toBe(3);
  });
});

describe('CII memberships', () => {
  it('lists the systems of a CII valid before, within and after a window', async () => {
    const systems = async (activeOn?: string) =>
      (await gql<Json>(SYSTEMS_OF, { id: ids.c1, activeOn })).data?.node.systems.edges.map(
        (e: Json) => `${e.node.system.name} ${e.node.validFrom}..${e.node.validTo ?? ''}`,
      );
    expect(await systems('2023-01-31')).toEqual([]);
    expect(await systems('2023-02-01')).toEqual([
      'A调度自动化系统 2023-02-01..',
      'B营销系统 2023-02-01..2023-12-31',
    ]);
    expect(await systems('2023-12-31')).toEqual([
      'A调度自动化系统 2023-02-01..',
      'B营销系统 2023-02-01..2023-12-31',
    ]);
    expect(await systems('2024-01-01')).toEqual(['A调度自动化系统 2023-02-01..']);
    expect(await systems()).toEqual(['A调度自动化系统 2023-02-01..', 'B营销系统 2023-02-01..2023-12-31']);
  });

  it("lists a system's CII memberships", async () => {
    const r = await gql<Json>(
      `query ($id: ID!, $on: Date) { node(id: $id) { ... on System { criticalInfrastructures(activeOn: $on) {
        edges { node { id criticalInfrastructure { name } validFrom validTo } } } } } }`,
      { id: ids.s3, on: '2023-06-01' },
    );
    expect(r.data?.node.criticalInfrastructures.edges).toEqual([
      {
        node: {
          id: ids.m31,
          criticalInfrastructure: { name: '城区电网关键信息基础设施' },
          validFrom: '2023-02-01',
          validTo: '2023-12-31',
        },
      },
    ]);
    const after = await gql<Json>(
      `query ($id: ID!, $on: Date) { node(id: $id) { ... on System { criticalInfrastructures(activeOn: $on) { edges { node { id } } } } } }`,
      { id: ids.s3, on: '2024-01-01' },
    );
    expect(after.data?.node.criticalInfrastructures.edges).toEqual([]);
  });

  it('refuses an overlapping membership of the same system and CII, writing nothing', async () => {
    const before = await count('MATCH ()-[r:PART_OF]->() RETURN count(r)');
    const open = await gql<Json>(ADD, { input: { systemId: ids.s1, ciiId: ids.c1, from: '2025-01-01' } });
    expect(open.data?.addCiiMembership).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.systemId',
    });
    expect(writesIn(open.statements)).toEqual([]);
    const edge = await gql<Json>(ADD, {
      input: { systemId: ids.s3, ciiId: ids.c1, from: '2022-01-01', to: '2023-02-01' },
    });
    expect(edge.data?.addCiiMembership).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.systemId',
    });
    expect(await count('MATCH ()-[r:PART_OF]->() RETURN count(r)')).toBe(before);
    // The day after the window ended is free; another CII is independent.
    const again = await ok(
      ADD,
      { input: { systemId: ids.s3, ciiId: ids.c1, from: '2024-01-01' } },
      'addCiiMembership',
    );
    expect(again).toMatchObject({ validFrom: '2024-01-01', validTo: null, system: { name: 'B营销系统' } });
    ids.m31b = again.id;
    const other = await ok(
      ADD,
      { input: { systemId: ids.s1, ciiId: ids.c3, from: '2023-05-01', to: '2023-05-31' } },
      'addCiiMembership',
    );
    ids.m13 = other.id;
  });

  it('validates the window and answers NotFoundError for unknown ends', async () => {
    const window = await gql<Json>(ADD, {
      input: { systemId: ids.s2, ciiId: ids.c3, from: '2023-13-01', to: '2022-01-01' },
    });
    expect(window.data?.addCiiMembership.issues.map((i: Json) => i.field)).toEqual(['input.from']);
    const order = await gql<Json>(ADD, {
      input: { systemId: ids.s2, ciiId: ids.c3, from: '2023-01-01', to: '2022-01-01' },
    });
    expect(order.data?.addCiiMembership.issues.map((i: Json) => i.field)).toEqual(['input.to']);
    expect(order.statements).toEqual([]);
    const missingSystem = encodeGlobalID('System', 'nope');
    const sys = await gql<Json>(ADD, {
      input: { systemId: missingSystem, ciiId: ids.c3, from: '2023-01-01' },
    });
    expect(sys.data?.addCiiMembership).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.systemId',
      id: 'nope',
    });
    const cii = await gql<Json>(ADD, {
      input: {
        systemId: ids.s2,
        ciiId: encodeGlobalID('CriticalInfrastructure', 'nope'),
        from: '2023-01-01',
      },
    });
    expect(cii.data?.addCiiMembership).toMatchObject({ __typename: 'NotFoundError', field: 'input.ciiId' });
    const wrongType = await gql<Json>(ADD, {
      input: { systemId: ids.c1, ciiId: ids.c3, from: '2023-01-01' },
    });
    expect(wrongType.data?.addCiiMembership).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.systemId',
    });
    expect(writesIn([...sys.statements, ...cii.statements, ...wrongType.statements])).toEqual([]);
  });

  it('ends a membership, keeping the history', async () => {
    const tooEarly = await gql<Json>(END, { id: ids.m22, to: '2023-02-28' });
    expect(tooEarly.data?.endCiiMembership.issues.map((i: Json) => i.field)).toEqual(['to']);
    expect(writesIn(tooEarly.statements)).toEqual([]);
    const ended = await ok(END, { id: ids.m22, to: '2024-06-30' }, 'endCiiMembership');
    expect(ended).toEqual({ id: ids.m22, validFrom: '2023-03-01', validTo: '2024-06-30' });
    const twice = await gql<Json>(END, { id: ids.m22, to: '2024-07-30' });
    expect(twice.data?.endCiiMembership.issues).toEqual([
      { field: 'to', message: 'the membership already ended on 2024-06-30' },
    ]);
    const systems = async (activeOn?: string) =>
      (await gql<Json>(SYSTEMS_OF, { id: ids.c2, activeOn })).data?.node.systems.edges.length;
    expect(await systems('2024-06-30')).toBe(1);
    expect(await systems('2024-07-01')).toBe(0);
    expect(await systems()).toBe(1);
    const missing = await gql<Json>(END, { id: encodeGlobalID('CiiMembership', 'nope'), to: '2024-06-30' });
    expect(missing.data?.endCiiMembership).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });

  it('resolves nested lists of several CII with one statement each', async () => {
    const r = await gql<Json>(`{
      criticalInfrastructures {
        edges { node {
          name
          identifiedBy { name }
          systems { edges { node { validFrom system { name } } } }
          operators { edges { node { name divisionCode } } }
        } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const byName = Object.fromEntries(
      r.data?.criticalInfrastructures.edges.map((e: Json) => [
        e.node.name,
        {
          dept: e.node.identifiedBy.name,
          systems: e.node.systems.edges.map((s: Json) => `${s.node.system.name} ${s.node.validFrom}`),
          operators: e.node.operators.edges.map((o: Json) => o.node.name),
        },
      ]),
    );
    expect(byName).toEqual({
      城区电网关键信息基础设施: {
        dept: '晋城市能源局',
        systems: ['A调度自动化系统 2023-02-01', 'B营销系统 2023-02-01', 'B营销系统 2024-01-01'],
        operators: ['晋城城区供电公司'],
      },
      阳城供热关键信息基础设施: {
        dept: '晋城市能源局',
        systems: ['C供热监控系统 2023-03-01'],
        operators: ['阳城热力公司'],
      },
      金融关键信息基础设施: {
        dept: '晋城市地方金融监督管理局',
        systems: ['A调度自动化系统 2023-05-01'],
        operators: ['晋城城区供电公司'],
      },
    });
    const n = (name: string) => r.statements.filter((s) => s === name).length;
    expect(n('cii/list')).toBe(1);
    expect(n('cii/membershipsByCii')).toBe(1);
    expect(n('cii/operatorsByCii')).toBe(1);
    expect(n('departments/byIds')).toBe(1);
    expect(r.statements.length).toBeLessThanOrEqual(6);
  });

  it('finds operators only through memberships valid on activeOn', async () => {
    const r = await gql<Json>(
      `query ($id: ID!) { node(id: $id) { ... on CriticalInfrastructure {
        before: operators(activeOn: "2023-04-30") { edges { node { name } } }
        within: operators(activeOn: "2023-05-15") { edges { node { name } } } } } }`,
      { id: ids.c3 },
    );
    expect(names({ edges: r.data?.node.before.edges })).toEqual([]);
    expect(names({ edges: r.data?.node.within.edges })).toEqual(['晋城城区供电公司']);
  });
});

describe('protection departments', () => {
  it('lists departments by sector and their nested sectors and designations', async () => {
    const r = await gql<Json>(`{
      all: protectionDepartments { totalCount edges { node { name divisionName
        sectors { edges { node { code } } }
        criticalInfrastructures { edges { node { name } } } } } }
      finance: protectionDepartments(filter: { sectorCode: "FINANCE" }) { totalCount edges { node { name } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.all.totalCount).toBe(2);
    expect(
      r.data?.all.edges.map((e: Json) => ({
        name: e.node.name,
        division: e.node.divisionName,
        sectors: e.node.sectors.edges.map((s: Json) => s.node.code),
        cii: names(e.node.criticalInfrastructures),
      })),
    ).toEqual([
      {
        name: '晋城市地方金融监督管理局',
        division: '晋城市',
        sectors: ['FINANCE'],
        cii: ['金融关键信息基础设施'],
      },
      {
        name: '晋城市能源局',
        division: '晋城市',
        sectors: ['ENERGY'],
        cii: ['城区电网关键信息基础设施', '阳城供热关键信息基础设施'],
      },
    ]);
    expect(r.data?.finance).toEqual({
      totalCount: 1,
      edges: [{ node: { name: '晋城市地方金融监督管理局' } }],
    });
    expect(r.statements.filter((s) => s === 'sectors/byDepartments')).toHaveLength(1);
    expect(r.statements.filter((s) => s === 'cii/byDepartments')).toHaveLength(1);
  });

  it('names an unknown sector by its index and a duplicate name as a conflict', async () => {
    const before = await count('MATCH (d:ProtectionDepartment) RETURN count(d)');
    const unknown = await gql<Json>(CREATE_DEPT, {
      input: { name: '晋城市水务局', divisionCode: '140500', sectorCodes: ['WATER', 'NOPE', 'bad code'] },
    });
    expect(unknown.data?.createProtectionDepartment.issues.map((i: Json) => i.field)).toEqual([
      'input.sectorCodes[2]',
    ]);
    const unknown2 = await gql<Json>(CREATE_DEPT, {
      input: { name: '晋城市水务局', divisionCode: '140500', sectorCodes: ['WATER', 'NOPE'] },
    });
    expect(unknown2.data?.createProtectionDepartment.issues).toEqual([
      { field: 'input.sectorCodes[1]', message: 'no sector with code "NOPE"' },
    ]);
    expect(writesIn(unknown2.statements)).toEqual([]);
    const division = await gql<Json>(CREATE_DEPT, { input: { name: '某部门', divisionCode: '140501' } });
    expect(division.data?.createProtectionDepartment.issues.map((i: Json) => i.field)).toEqual([
      'input.divisionCode',
    ]);
    const duplicate = await gql<Json>(CREATE_DEPT, {
      input: { name: '晋城市能源局', divisionCode: '140500' },
    });
    expect(duplicate.data?.createProtectionDepartment).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.name',
    });
    expect(await count('MATCH (d:ProtectionDepartment) RETURN count(d)')).toBe(before);
  });

  it('replaces the sector set on update, keeping sectors with designations', async () => {
    const water = await ok(
      CREATE_DEPT,
      { input: { name: '晋城市水务局', divisionCode: '140500', sectorCodes: ['WATER'] } },
      'createProtectionDepartment',
    );
    const replaced = await ok(
      UPDATE_DEPT,
      { id: water.id, input: { sectorCodes: ['FINANCE', 'WATER'] } },
      'updateProtectionDepartment',
    );
    expect(replaced.sectors.edges.map((e: Json) => e.node.code)).toEqual(['FINANCE', 'WATER']);
    const renamed = await ok(
      UPDATE_DEPT,
      { id: water.id, input: { name: '晋城市水利局' } },
      'updateProtectionDepartment',
    );
    expect(renamed).toMatchObject({
      name: '晋城市水利局',
      sectors: { edges: [{ node: { code: 'FINANCE' } }, { node: { code: 'WATER' } }] },
    });
    const dropped = await ok(
      UPDATE_DEPT,
      { id: water.id, input: { sectorCodes: ['WATER'] } },
      'updateProtectionDepartment',
    );
    expect(dropped.sectors.edges.map((e: Json) => e.node.code)).toEqual(['WATER']);
    const keep = await gql<Json>(UPDATE_DEPT, { id: ids.energyDept, input: { sectorCodes: ['WATER'] } });
    expect(keep.data?.updateProtectionDepartment.issues.map((i: Json) => i.field)).toEqual([
      'input.sectorCodes',
    ]);
    expect(writesIn(keep.statements)).toEqual([]);
    const dup = await gql<Json>(UPDATE_DEPT, { id: water.id, input: { name: '晋城市能源局' } });
    expect(dup.data?.updateProtectionDepartment).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.name',
    });

    const del = `mutation ($id: ID!) { deleteProtectionDepartment(id: $id) { __typename ... on MutationDeleteProtectionDepartmentSuccess { data } ${ERRORS} } }`;
    const inUse = await gql<Json>(del, { id: ids.energyDept });
    expect(inUse.data?.deleteProtectionDepartment.issues.map((i: Json) => i.field)).toEqual(['id']);
    expect(writesIn(inUse.statements)).toEqual([]);
    expect((await gql<Json>(del, { id: water.id })).data?.deleteProtectionDepartment.data).toBe(water.id);
    const gone = await gql<Json>(del, { id: water.id });
    expect(gone.data?.deleteProtectionDepartment).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });
});

describe('police units', () => {
  it('creates, finds by division, conflicts on the division, updates and deletes', async () => {
    const city = await ok(
      CREATE_POLICE,
      { input: { name: '晋城市公安局网络安全保卫支队', divisionCode: '140500' } },
      'createPoliceUnit',
    );
    expect(city).toMatchObject({ divisionCode: '140500', divisionName: '晋城市' });
    const yc = await ok(
      CREATE_POLICE,
      { input: { name: '阳城县公安局网安大队', divisionCode: '140522' } },
      'createPoliceUnit',
    );
    const dup = await gql<Json>(CREATE_POLICE, { input: { name: '重复', divisionCode: '140522' } });
    expect(dup.data?.createPoliceUnit).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.divisionCode',
    });
    const bad = await gql<Json>(CREATE_POLICE, { input: { name: '', divisionCode: '140501' } });
    expect(bad.data?.createPoliceUnit.issues.map((i: Json) => i.field)).toEqual([
      'input.name',
      'input.divisionCode',
    ]);
    expect(bad.statements).toEqual([]);

    const byDivision =
      await gql<Json>(`{ policeUnitByDivision(divisionCode: "140522") { id name divisionName }
      none: policeUnitByDivision(divisionCode: "140524") { id }
      policeUnits(first: 1) { totalCount pageInfo { hasNextPage } edges { node { divisionCode } } } }`);
    expect(byDivision.data).toEqual({
      policeUnitByDivision: { id: yc.id, name: '阳城县公安局网安大队', divisionName: '阳城县' },
      none: null,
      policeUnits: {
        totalCount: 2,
        pageInfo: { hasNextPage: true },
        edges: [{ node: { divisionCode: '140500' } }],
      },
    });

    const upd = await gql<Json>(
      `mutation ($id: ID!) { updatePoliceUnit(id: $id, input: { name: "阳城县公安局网络安全保卫大队" }) {
        __typename ... on MutationUpdatePoliceUnitSuccess { data { name divisionCode } } } }`,
      { id: yc.id },
    );
    expect(upd.data?.updatePoliceUnit.data).toEqual({
      name: '阳城县公安局网络安全保卫大队',
      divisionCode: '140522',
    });
    const move = await gql<Json>(
      `mutation ($id: ID!) { updatePoliceUnit(id: $id, input: { divisionCode: "140500" }) { __typename ${ERRORS} } }`,
      { id: yc.id },
    );
    expect(move.data?.updatePoliceUnit).toMatchObject({
      __typename: 'ConflictError',
      field: 'input.divisionCode',
    });
    const del = await gql<Json>(
      `mutation ($id: ID!) { deletePoliceUnit(id: $id) { __typename ... on MutationDeletePoliceUnitSuccess { data } } }`,
      { id: yc.id },
    );
    expect(del.data?.deletePoliceUnit.data).toBe(yc.id);
    ids.police = city.id;
  });
});

describe('sectors', () => {
  it('lists departments and designations of several sectors with one statement each', async () => {
    const r = await gql<Json>(`{ sectors { edges { node { code
      protectionDepartments { edges { node { name } } }
      criticalInfrastructures { edges { node { name } } } } } } }`);
    expect(
      r.data?.sectors.edges.map((e: Json) => [
        e.node.code,
        names(e.node.protectionDepartments),
        names(e.node.criticalInfrastructures),
      ]),
    ).toEqual([
      ['ENERGY', ['晋城市能源局'], ['城区电网关键信息基础设施', '阳城供热关键信息基础设施']],
      ['FINANCE', ['晋城市地方金融监督管理局'], ['金融关键信息基础设施']],
      ['WATER', [], []],
    ]);
    expect(r.statements.filter((s) => s === 'departments/bySectors')).toHaveLength(1);
    expect(r.statements.filter((s) => s === 'cii/bySectors')).toHaveLength(1);
  });

  it('validates, conflicts on the code, renames and refuses to delete a sector in use', async () => {
    const bad = await gql<Json>(CREATE_SECTOR, { input: { code: 'x', name: '', nameEn: 'X' } });
    expect(bad.data?.createSector.issues.map((i: Json) => i.field)).toEqual(['input.code', 'input.name']);
    const dup = await gql<Json>(CREATE_SECTOR, {
      input: { code: 'energy', name: '能源2', nameEn: 'Energy 2' },
    });
    expect(dup.data?.createSector).toMatchObject({ __typename: 'ConflictError', field: 'input.code' });
    const renamed = await gql<Json>(
      `mutation ($id: ID!) { updateSector(id: $id, input: { name: "水利水务" }) { ... on MutationUpdateSectorSuccess { data { code name nameEn } } } }`,
      { id: ids.WATER },
    );
    expect(renamed.data?.updateSector.data).toEqual({
      code: 'WATER',
      name: '水利水务',
      nameEn: 'Water conservancy',
    });
    const del = `mutation ($id: ID!) { deleteSector(id: $id) { __typename ... on MutationDeleteSectorSuccess { data } ${ERRORS} } }`;
    const inUse = await gql<Json>(del, { id: ids.ENERGY });
    expect(inUse.data?.deleteSector.issues.map((i: Json) => i.field)).toEqual(['id']);
    expect(writesIn(inUse.statements)).toEqual([]);
    expect((await gql<Json>(del, { id: ids.WATER })).data?.deleteSector.data).toBe(ids.WATER);
  });
});

describe('node(id:)', () => {
  it('returns each type of the domain', async () => {
    const typed = async (id: string) =>
      (
        await gql<Json>(
          `query ($id: ID!) { node(id: $id) { __typename id
          ... on Sector { code } ... on ProtectionDepartment { name } ... on PoliceUnit { divisionCode }
          ... on CriticalInfrastructure { name } ... on CiiMembership { validFrom } } }`,
          { id },
        )
      ).data?.node;
    expect(await typed(ids.ENERGY)).toEqual({ __typename: 'Sector', id: ids.ENERGY, code: 'ENERGY' });
    expect(await typed(ids.energyDept)).toEqual({
      __typename: 'ProtectionDepartment',
      id: ids.energyDept,
      name: '晋城市能源局',
    });
    expect(await typed(ids.police)).toEqual({
      __typename: 'PoliceUnit',
      id: ids.police,
      divisionCode: '140500',
    });
    expect(await typed(ids.c3)).toEqual({
      __typename: 'CriticalInfrastructure',
      id: ids.c3,
      name: '金融关键信息基础设施',
    });
    expect(await typed(ids.m11)).toEqual({
      __typename: 'CiiMembership',
      id: ids.m11,
      validFrom: '2023-02-01',
    });
    expect(await typed(encodeGlobalID('CriticalInfrastructure', 'nope'))).toBeNull();
  });
});

describe('deleting a designation', () => {
  it('deletes its memberships too', async () => {
    expect(
      await count(
        "MATCH ()-[r:PART_OF]->(:CriticalInfrastructure {name: '城区电网关键信息基础设施'}) RETURN count(r)",
      ),
    ).toBe(3);
    const all = await count('MATCH ()-[r:PART_OF]->() RETURN count(r)');
    const r = await gql<Json>(
      `mutation ($id: ID!) { deleteCriticalInfrastructure(id: $id) { __typename ... on MutationDeleteCriticalInfrastructureSuccess { data } ${ERRORS} } }`,
      { id: ids.c1 },
    );
    expect(r.data?.deleteCriticalInfrastructure.data).toBe(ids.c1);
    expect(await count('MATCH ()-[r:PART_OF]->() RETURN count(r)')).toBe(all - 3);
    expect(await count('MATCH (s:System) RETURN count(s)')).toBe(3);
    const again = await gql<Json>(
      `mutation ($id: ID!) { deleteCriticalInfrastructure(id: $id) { __typename ${ERRORS} } }`,
      { id: ids.c1 },
    );
    expect(again.data?.deleteCriticalInfrastructure).toMatchObject({
      __typename: 'NotFoundError',
      field: 'id',
    });
    const gone = await gql<Json>(`query ($id: ID!) { node(id: $id) { id } }`, { id: ids.m11 });
    expect(gone.data?.node).toBeNull();
  });
});
