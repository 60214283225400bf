import { decodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import {
  countExposures,
  listExposures,
  listExposuresOfSystems,
  loadExposure,
} from '../../server/repositories/exposures.js';
import { scopedContext, testApp } from '../support/harness.js';

const { gql, db } = testApp();

const scoped = scopedContext;
const PAGE = { limit: 51, pageSize: 50, afterKey: null, afterId: null };

const WRITES = ['exposures/create', 'exposures/update', 'exposures/delete'];
const sys = (id: string) => encodeGlobalID('System', id);
/** The database id inside a global id. */
const dbId = (globalId: string | undefined) => decodeGlobalID(globalId ?? '').id;

const FIELDS = 'id ip port protocol domain service firstSeen lastSeen system { id name }';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateExposureInput!) {
    createExposure(input: $input) {
      __typename
      ... on MutationCreateExposureSuccess { data { ${FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
      ... on ConflictError { field message }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateExposureInput!) {
    updateExposure(id: $id, input: $input) {
      __typename
      ... on MutationUpdateExposureSuccess { data { ${FIELDS} } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field id }
      ... on ConflictError { field message }
    }
  }
`;

const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteExposure(id: $id) {
      __typename
      ... on MutationDeleteExposureSuccess { data }
      ... on NotFoundError { field id }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($filter: ExposureFilter, $first: Int, $after: String) {
    exposures(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id ip port protocol } }
    }
  }
`;

type Result = Record<string, unknown> & { __typename: string };
const ids: Record<string, string> = {};

async function create(name: string, input: Record<string, unknown>) {
  const r = await gql<{ createExposure: Result & { data: { id: string } } }>(CREATE, { input });
  expect(r.errors).toBeUndefined();
  expect(r.data?.createExposure.__typename).toBe('MutationCreateExposureSuccess');
  ids[name] = r.data?.createExposure.data.id as string;
  return r.data?.createExposure.data as Record<string, unknown>;
}

/** Names of the exposures a list query returns, in order, plus the total. */
async function list(filter: Record<string, unknown>, first = 50) {
  const r = await gql<{ exposures: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST, {
    filter,
    first,
  });
  expect(r.errors).toBeUndefined();
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  const names = r.data?.exposures.edges.map((e) => byId.get(e.node.id)) ?? [];
  return { names, total: r.data?.exposures.totalCount };
}

async function count() {
  const { records } = await db.driver.executeQuery(
    'MATCH (e:Exposure) RETURN count(e) AS n',
    {},
    { database: 'neo4j' },
  );
  return records[0]?.get('n');
}

beforeAll(async () => {
  await db.driver.executeQuery(
    `CREATE (o:Operator {id: 'op-1', name: '晋城市测试单位', uscc: '91140500MA0K000058', divisionCode: '140502', inDevelopmentZone: false})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-1', name: '门户网站', status: 'LIVE', protectionLevel: 3})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-2', name: '政务服务平台', status: 'LIVE', protectionLevel: 2})
     CREATE (o)-[:OPERATES]->(:System {id: 'sys-3', name: '无暴露面系统', status: 'LIVE', protectionLevel: 2})`,
    {},
    { database: 'neo4j' },
  );
  const seen = { firstSeen: '2025-01-10', lastSeen: '2025-03-01' };
  await create('e1', {
    ip: '10.8.1.2',
    port: 443,
    protocol: 'tcp',
    domain: 'www.jcgov.cn',
    service: 'https',
    systemId: sys('sys-1'),
    ...seen,
  });
  await create('e8', { ip: '10.8.1.2', port: 80, protocol: 'tcp', systemId: sys('sys-1'), ...seen });
  await create('e9', { ip: '10.8.1.2', port: 443, protocol: 'UDP', systemId: sys('sys-1'), ...seen });
  await create('e2', {
    ip: '10.8.1.3',
    port: 22,
    protocol: 'tcp',
    service: 'ssh',
    systemId: sys('sys-1'),
    ...seen,
  });
  await create('e3', {
    ip: '10.8.2.1',
    port: 53,
    protocol: 'udp',
    domain: 'dns.jcgov.cn',
    systemId: sys('sys-2'),
    ...seen,
  });
  await create('e4', { ip: '10.9.0.1', port: 80, protocol: 'tcp', domain: 'jcgov.cn', ...seen });
  await create('e5', {
    ip: '2001:DB8:1:0:0:0:0:5',
    port: 443,
    protocol: 'tcp',
    domain: 'V6.JCGOV.CN',
    systemId: sys('sys-2'),
    ...seen,
  });
  await create('e6', {
    ip: '2001:db8:2::1',
    port: 8080,
    protocol: 'tcp',
    domain: 'other.example.com',
    ...seen,
  });
  await create('e7', {
    ip: '1.2.3.4',
    port: 443,
    protocol: 'udp',
    domain: 'Bücher.example',
    firstSeen: '2025-02-01',
  });
});

describe('createExposure', () => {
  it('normalises the endpoint and reads the exposure back with its system', async () => {
    const r = await gql(`query { node(id: "${ids.e5}") { ... on Exposure { ${FIELDS} } } }`);
    expect(r.data?.node).toEqual({
      id: ids.e5,
      ip: '2001:db8:1::5',
      port: 443,
      protocol: 'tcp',
      domain: 'v6.jcgov.cn',
      service: null,
      firstSeen: '2025-01-10',
      lastSeen: '2025-03-01',
      system: { id: sys('sys-2'), name: '政务服务平台' },
    });
    const r7 = await gql(`query { node(id: "${ids.e7}") { ... on Exposure { ${FIELDS} } } }`);
    expect(r7.data?.node).toMatchObject({
      ip: '1.2.3.4',
      protocol: 'udp',
      domain: 'xn--bcher-kva.example',
      firstSeen: '2025-02-01',
      lastSeen: '2025-02-01',
      system: null,
    });
  });

  it('stores the fixed-width address key', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (e:Exposure) WHERE e.id IN $ids RETURN e.ip AS ip, e.ipKey AS key ORDER BY key',
      { ids: [dbId(ids.e1), dbId(ids.e5)] },
      { database: 'neo4j' },
    );
    expect(records.map((r) => [r.get('ip'), r.get('key')])).toEqual([
      ['10.8.1.2', '00000000000000000000ffff0a080102'],
      ['2001:db8:1::5', '20010db8000100000000000000000005'],
    ]);
  });

  it('rejects a second exposure of an endpoint, also written in another form', async () => {
    const before = await count();
    for (const input of [
      { ip: '2001:db8:1::5', port: 443, protocol: 'tcp' },
      { ip: '2001:0DB8:0001::0005', port: 443, protocol: 'TCP' },
      { ip: '::ffff:10.8.1.2', port: 443, protocol: 'tcp' },
    ]) {
      const r = await gql<{ createExposure: Result }>(CREATE, {
        input: { ...input, firstSeen: '2025-03-01' },
      });
      expect(r.data?.createExposure).toMatchObject({ __typename: 'ConflictError', field: 'input.ip' });
    }
    expect(await count()).toBe(before);
  });

  it('answers every bad field at once and runs no statement', async () => {
    const r = await gql<{ createExposure: Result & { issues: { field: string }[] } }>(CREATE, {
      input: {
        ip: '10.0.0.256',
        port: 0,
        protocol: 'icmp',
        domain: 'bad_label.jcgov.cn',
        firstSeen: '2025-03-01',
        lastSeen: '2025-02-28',
      },
    });
    expect(r.data?.createExposure.__typename).toBe('ValidationError');
    expect(r.data?.createExposure.issues.map((i) => i.field)).toEqual([
      'input.ip',
      'input.port',
      'input.protocol',
      'input.domain',
      'input.lastSeen',
    ]);
    expect(r.statements).toEqual([]);
  });

  it('rejects port 65536, a domain with a bad label and a future sighting', async () => {
    const r = await gql<{ createExposure: Result & { issues: { field: string; message: string }[] } }>(
      CREATE,
      {
        input: {
          ip: '10.0.0.1',
          port: 65536,
          protocol: 'tcp',
          domain: '-x.jcgov.cn',
          firstSeen: '2999-01-01',
        },
      },
    );
    expect(r.data?.createExposure.issues.map((i) => i.field)).toEqual([
      'input.port',
      'input.domain',
      'input.firstSeen',
    ]);
    expect(r.data?.createExposure.issues[0]?.message).toContain('65536');
  });

  it('answers NotFoundError for an unknown system and writes nothing', async () => {
    const before = await count();
    const r = await gql<{ createExposure: Result }>(CREATE, {
      input: { ip: '10.0.0.1', port: 80, protocol: 'tcp', firstSeen: '2025-03-01', systemId: sys('nope') },
    });
    expect(r.data?.createExposure).toMatchObject({ __typename: 'NotFoundError', field: 'input.systemId' });
    expect(r.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    expect(await count()).toBe(before);
  });
});

describe('exposures query', () => {
  it('lists every exposure by address (IPv4 first), port, protocol', async () => {
    expect(await list({})).toEqual({
      names: ['e7', 'e8', 'e1', 'e9', 'e2', 'e3', 'e4', 'e5', 'e6'],
      total: 9,
    });
  });

  it('filters by CIDR ranges', async () => {
    expect(await list({ cidr: '10.8.0.0/16' })).toEqual({ names: ['e8', 'e1', 'e9', 'e2', 'e3'], total: 5 });
    expect(await list({ cidr: '10.8.1.0/24' })).toEqual({ names: ['e8', 'e1', 'e9', 'e2'], total: 4 });
    expect((await list({ cidr: '10.8.1.2/32' })).names).toEqual(['e8', 'e1', 'e9']);
    expect((await list({ cidr: '10.8.1.2' })).names).toEqual(['e8', 'e1', 'e9']);
    expect((await list({ cidr: '10.8.1.3/31' })).names).toEqual(['e8', 'e1', 'e9', 'e2']);
    expect((await list({ cidr: '0.0.0.0/0' })).names).toEqual(['e7', 'e8', 'e1', 'e9', 'e2', 'e3', 'e4']);
    expect((await list({ cidr: '10.0.0.0/7' })).names).toEqual(['e8', 'e1', 'e9', 'e2', 'e3', 'e4']);
    expect((await list({ cidr: '::ffff:10.8.0.0/112' })).names).toEqual(['e8', 'e1', 'e9', 'e2', 'e3']);
    expect((await list({ cidr: '2001:db8:1::/64' })).names).toEqual(['e5']);
    expect((await list({ cidr: '2001:DB8::/32' })).names).toEqual(['e5', 'e6']);
    expect((await list({ cidr: '::/0' })).names).toEqual(['e5', 'e6']);
    expect(await list({ cidr: '192.168.0.0/16' })).toEqual({ names: [], total: 0 });
  });

  it('filters by exact address in any textual form', async () => {
    expect((await list({ ip: '::ffff:10.8.1.3' })).names).toEqual(['e2']);
    expect((await list({ ip: '2001:DB8:1::5' })).names).toEqual(['e5']);
    expect((await list({ ip: '10.8.1.2', cidr: '10.8.0.0/16' })).names).toEqual(['e8', 'e1', 'e9']);
    expect((await list({ ip: '10.8.1.2', cidr: '10.9.0.0/16' })).names).toEqual([]);
  });

  it('filters by port, protocol and domain', async () => {
    expect((await list({ port: 443 })).names).toEqual(['e7', 'e1', 'e9', 'e5']);
    expect((await list({ port: 443, protocol: 'TCP' })).names).toEqual(['e1', 'e5']);
    expect((await list({ protocol: 'udp' })).names).toEqual(['e7', 'e9', 'e3']);
    expect((await list({ domain: 'WWW.jcgov.cn.' })).names).toEqual(['e1']);
    expect((await list({ domain: 'jcgov.cn' })).names).toEqual(['e4']);
    expect((await list({ domain: '*.jcgov.cn' })).names).toEqual(['e1', 'e3', 'e5']);
    expect((await list({ domain: '*.JCGOV.cn', cidr: '10.0.0.0/8' })).names).toEqual(['e1', 'e3']);
    expect((await list({ domain: 'bücher.example' })).names).toEqual(['e7']);
    expect((await list({ domain: '*.example' })).names).toEqual(['e7']);
    expect((await list({ domain: '*.com' })).names).toEqual(['e6']);
  });

  it('filters by system and by matched/unmatched', async () => {
    expect((await list({ systemId: sys('sys-1') })).names).toEqual(['e8', 'e1', 'e9', 'e2']);
    expect(await list({ unmatched: true })).toEqual({ names: ['e7', 'e4', 'e6'], total: 3 });
    expect((await list({ unmatched: false })).names).toEqual(['e8', 'e1', 'e9', 'e2', 'e3', 'e5']);
    expect((await list({ unmatched: true, cidr: '10.0.0.0/8' })).names).toEqual(['e4']);
    expect((await list({ systemId: sys('sys-3') })).names).toEqual([]);
  });

  it('pages with first/after', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const r: {
        data?: {
          exposures: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string } }[];
          };
        };
      } = await gql(LIST, { first: 4, after });
      const conn = r.data?.exposures;
      seen.push(...(conn?.edges.map((e) => e.node.id) ?? []));
      pages.push(conn?.pageInfo.hasNextPage ?? false);
      after = conn?.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(['e7', 'e8', 'e1', 'e9', 'e2', 'e3', 'e4', 'e5', 'e6'].map((n) => ids[n]));
  });

  it('answers BAD_USER_INPUT naming the filter field for invalid values', async () => {
    for (const [filter, field] of [
      [{ cidr: '10.0.0.0/33' }, 'filter.cidr'],
      [{ cidr: '10.0.0/8' }, 'filter.cidr'],
      [{ ip: '10.0.0.256' }, 'filter.ip'],
      [{ port: 0 }, 'filter.port'],
      [{ port: 65536 }, 'filter.port'],
      [{ protocol: 'icmp' }, 'filter.protocol'],
      [{ domain: '*.bad_label.cn' }, 'filter.domain'],
      [{ systemId: 'not-an-id' }, 'filter.systemId'],
    ] as const) {
      const r = await gql(LIST, { filter });
      expect(r.errors?.[0]?.extensions, JSON.stringify(filter)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: field,
      });
      expect(r.errors?.[0]?.message).toContain(field);
    }
  });
});

describe('jurisdiction', () => {
  it('shows a restricted caller the exposures of its systems only, never unmatched ones', async () => {
    const names = async (ctx: ReturnType<typeof scoped>, filter = {}) => {
      const byId = new Map(Object.entries(ids).map(([k, v]) => [dbId(v), k]));
      return (await listExposures(ctx, filter, PAGE)).map((r) => byId.get(r.node.id));
    };
    const county = scoped({ divisionCodes: ['140502'] });
    expect(await names(county)).toEqual(['e8', 'e1', 'e9', 'e2', 'e3', 'e5']);
    expect(await countExposures(county, {})).toBe(6);
    expect(await names(county, { unmatched: true })).toEqual([]);
    expect(await loadExposure(county, dbId(ids.e4))).toBeNull();
    expect((await loadExposure(county, dbId(ids.e1)))?.ip).toBe('10.8.1.2');
    expect(await names(scoped({ operatorIds: ['op-1'] }), { cidr: '10.8.2.0/24' })).toEqual(['e3']);
    const other = scoped({ divisionCodes: ['140521'], sectorCodes: ['ENERGY'] });
    expect(await names(other)).toEqual([]);
    expect(await countExposures(other, {})).toBe(0);
    expect(await loadExposure(other, dbId(ids.e1))).toBeNull();
    expect(await listExposuresOfSystems(other, ['sys-1'], PAGE)).toEqual([]);
  });
});

describe('System.exposures', () => {
  it('lists the exposures of several systems with one batched statement', async () => {
    const r = await gql<Record<string, { exposures: { edges: { node: { ip: string; port: number } }[] } }>>(
      `query {
        a: node(id: "${sys('sys-1')}") { ... on System { exposures(first: 3) { pageInfo { hasNextPage } edges { node { ip port protocol } } } } }
        b: node(id: "${sys('sys-2')}") { ... on System { exposures(first: 3) { pageInfo { hasNextPage } edges { node { ip port protocol } } } } }
        c: node(id: "${sys('sys-3')}") { ... on System { exposures(first: 3) { pageInfo { hasNextPage } edges { node { ip port protocol } } } } }
      }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      a: {
        exposures: {
          pageInfo: { hasNextPage: true },
          edges: [
            { node: { ip: '10.8.1.2', port: 80, protocol: 'tcp' } },
            { node: { ip: '10.8.1.2', port: 443, protocol: 'tcp' } },
            { node: { ip: '10.8.1.2', port: 443, protocol: 'udp' } },
          ],
        },
      },
      b: {
        exposures: {
          pageInfo: { hasNextPage: false },
          edges: [
            { node: { ip: '10.8.2.1', port: 53, protocol: 'udp' } },
            { node: { ip: '2001:db8:1::5', port: 443, protocol: 'tcp' } },
          ],
        },
      },
      c: { exposures: { pageInfo: { hasNextPage: false }, edges: [] } },
    });
    expect(r.statements.filter((s) => s === 'exposures/bySystems')).toHaveLength(1);
  });
});

describe('updateExposure and deleteExposure', () => {
  it('links an unmatched exposure to a system, then unlinks it', async () => {
    const r = await gql<{ updateExposure: Result & { data: Record<string, unknown> } }>(UPDATE, {
      id: ids.e4,
      input: { systemId: sys('sys-2'), lastSeen: '2025-04-01', service: 'http' },
    });
    expect(r.data?.updateExposure.data).toMatchObject({
      ip: '10.9.0.1',
      service: 'http',
      lastSeen: '2025-04-01',
      system: { id: sys('sys-2') },
    });
    expect((await list({ unmatched: true })).names).toEqual(['e7', 'e6']);
    expect((await list({ systemId: sys('sys-2') })).names).toEqual(['e3', 'e4', 'e5']);
    const u = await gql<{ updateExposure: Result & { data: Record<string, unknown> } }>(UPDATE, {
      id: ids.e4,
      input: { systemId: null },
    });
    expect(u.data?.updateExposure.data).toMatchObject({ system: null, service: 'http' });
    expect((await list({ unmatched: true })).names).toEqual(['e7', 'e4', 'e6']);
  });

  it('moves an exposure to another system and keeps the link when systemId is absent', async () => {
    const r = await gql<{ updateExposure: Result & { data: Record<string, unknown> } }>(UPDATE, {
      id: ids.e2,
      input: { systemId: sys('sys-3') },
    });
    expect(r.data?.updateExposure.data).toMatchObject({ system: { id: sys('sys-3') } });
    const k = await gql<{ updateExposure: Result & { data: Record<string, unknown> } }>(UPDATE, {
      id: ids.e2,
      input: { service: 'openssh' },
    });
    expect(k.data?.updateExposure.data).toMatchObject({ service: 'openssh', system: { id: sys('sys-3') } });
    const { records } = await db.driver.executeQuery(
      'MATCH (:Exposure {id: $id})-[r:EXPOSES]->(s) RETURN s.id AS s',
      { id: dbId(ids.e2) },
      { database: 'neo4j' },
    );
    expect(records.map((x) => x.get('s'))).toEqual(['sys-3']);
  });

  it('recomputes the address key when the address changes', async () => {
    const r = await gql<{ updateExposure: Result & { data: Record<string, unknown> } }>(UPDATE, {
      id: ids.e6,
      input: { ip: '2001:db8:1::6' },
    });
    expect(r.data?.updateExposure.data).toMatchObject({ ip: '2001:db8:1::6' });
    expect((await list({ cidr: '2001:db8:1::/64' })).names).toEqual(['e5', 'e6']);
    expect((await list({ cidr: '2001:db8:2::/64' })).names).toEqual([]);
  });

  it('rejects an update onto an existing endpoint, a bad sighting order and unknown ids', async () => {
    const c = await gql<{ updateExposure: Result }>(UPDATE, { id: ids.e8, input: { port: 443 } });
    expect(c.data?.updateExposure).toMatchObject({ __typename: 'ConflictError', field: 'input.ip' });
    const d = await gql<{ updateExposure: Result & { issues: { field: string }[] } }>(UPDATE, {
      id: ids.e8,
      input: { lastSeen: '2025-01-01' },
    });
    expect(d.data?.updateExposure.issues.map((i) => i.field)).toEqual(['input.lastSeen']);
    expect(d.statements.filter((s) => WRITES.includes(s))).toEqual([]);
    const f = await gql<{ updateExposure: Result & { issues: { field: string }[] } }>(UPDATE, {
      id: ids.e8,
      input: { firstSeen: '2025-03-02' },
    });
    expect(f.data?.updateExposure.issues.map((i) => i.field)).toEqual(['input.firstSeen']);
    const n = await gql<{ updateExposure: Result }>(UPDATE, { id: ids.e8, input: { ip: null } });
    expect(n.data?.updateExposure).toMatchObject({ __typename: 'ValidationError' });
    const s = await gql<{ updateExposure: Result }>(UPDATE, { id: ids.e8, input: { systemId: sys('nope') } });
    expect(s.data?.updateExposure).toMatchObject({ __typename: 'NotFoundError', field: 'input.systemId' });
    const x = await gql<{ updateExposure: Result }>(UPDATE, {
      id: encodeGlobalID('Exposure', 'nope'),
      input: { port: 1 },
    });
    expect(x.data?.updateExposure).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    const node = await gql(`query { node(id: "${ids.e8}") { ... on Exposure { port firstSeen lastSeen } } }`);
    expect(node.data?.node).toEqual({ port: 80, firstSeen: '2025-01-10', lastSeen: '2025-03-01' });
  });

  it('deletes an exposure', async () => {
    const before = await count();
    const r = await gql<{ deleteExposure: Result }>(DELETE, { id: ids.e7 });
    expect(r.data?.deleteExposure).toEqual({ __typename: 'MutationDeleteExposureSuccess', data: ids.e7 });
    expect(await count()).toBe(Number(before) - 1);
    expect((await gql(`query { node(id: "${ids.e7}") { id } }`)).data?.node).toBeNull();
    const again = await gql<{ deleteExposure: Result }>(DELETE, { id: ids.e7 });
    expect(again.data?.deleteExposure).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    expect(again.statements.filter((s) => WRITES.includes(s))).toEqual([]);
  });
});
