/**
 * Exposure imports against a hand-made two-county graph:
 *   operator A (140522, ENERGY) operates systems A1, A2; operator B (140524) operates B1.
 *   A declares 203.0.113.0/24; A2 declares 203.0.113.0/28 and 2001:db8:a::/48; A1 declares
 *   203.0.113.8/30 and 127.0.0.1; B declares 198.51.100.0/24, B1 declares 198.51.100.5.
 * The nmap files are real nmap output (fixture made by running nmap, see test/fixtures/README.md;
 * one test runs nmap itself against servers it starts on 127.0.0.1).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { CITY_REGISTRAR, testApp, tokenFor } from '../support/harness.js';

const { gql, db, config } = testApp();
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/exposures/${name}`, import.meta.url), 'utf8');

const REGISTRAR_A: TokenClaims = { sub: 'registrar-a', role: 'REGISTRAR', division: '140522' };
const REGISTRAR_B: TokenClaims = { sub: 'registrar-b', role: 'REGISTRAR', division: '140524' };
const POLICE_B: TokenClaims = { sub: 'police-b', role: 'COUNTY_POLICE', division: '140524' };
const POLICE_A: TokenClaims = { sub: 'police-a', role: 'COUNTY_POLICE', division: '140522' };

const sys = (id: string) => encodeGlobalID('System', id);
const op = (id: string) => encodeGlobalID('Operator', id);

const DECLARE = /* GraphQL */ `
  mutation Declare($ownerId: ID!, $input: DeclareAddressBlockInput!) {
    declareAddressBlock(ownerId: $ownerId, input: $input) {
      __typename
      ... on MutationDeclareAddressBlockSuccess { data { id cidr ownerKind ownerId declaredOn } }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { message }
      ... on ConflictError { message }
    }
  }
`;

const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportExposuresInput!) {
    importExposures(input: $input) {
      __typename
      ... on MutationImportExposuresSuccess {
        data {
          alreadyImported
          badRows { location field value reason }
          scan {
            id source label jurisdiction fileName rows created updated unchanged matched unmatched unknownOwner new gone badRows
          }
        }
      }
      ... on ValidationError { issues { field message } }
    }
  }
`;

const ENTRIES = /* GraphQL */ `
  query Entries($id: ID!, $kind: ScanEntryKind, $status: ExposureMatchStatus, $first: Int, $after: String) {
    node(id: $id) {
      ... on Scan {
        entries(kind: $kind, status: $status, first: $first, after: $after) {
          edges { node { status isNew exposure { ip port protocol domain title banner service firstSeen lastSeen system { name } } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

interface Report {
  alreadyImported: boolean;
  badRows: { location: string; field: string; value: string | null; reason: string }[];
  scan: Record<string, unknown> & { id: string };
}

async function importFile(
  source: 'NMAP' | 'SEARCH_ENGINE',
  fileName: string,
  content: string,
  label: string | null = null,
  as?: TokenClaims,
): Promise<Report> {
  const r = await gql<{ importExposures: { __typename: string; data: Report } }>(
    IMPORT,
    { input: { source, fileName, content, label } },
    as,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data?.importExposures.__typename).toBe('MutationImportExposuresSuccess');
  return r.data?.importExposures.data as Report;
}

async function entries(scanId: string, kind: string, status: string | null = null, as?: TokenClaims) {
  const r = await gql<{ node: { entries: { edges: { node: Record<string, unknown> }[] } } | null }>(
    ENTRIES,
    { id: scanId, kind, status, first: 50 },
    as,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.node?.entries.edges.map((e) => e.node) ?? null;
}

const endpoint = (e: Record<string, unknown>) => {
  const x = e.exposure as { ip: string; port: number; system: { name: string } | null };
  return `${x.ip}:${x.port} ${e.status}${x.system ? ` ${x.system.name}` : ''}`;
};

beforeAll(async () => {
  await db.driver.executeQuery(
    `CREATE (a:Operator {id: 'op-a', name: '甲能源公司', divisionCode: '140522', sectorCode: 'ENERGY'})
     CREATE (b:Operator {id: 'op-b', name: '乙医院', divisionCode: '140524', sectorCode: 'HEALTH'})
     CREATE (a)-[:OPERATES]->(:System {id: 'sys-a1', name: 'A1'})
     CREATE (a)-[:OPERATES]->(:System {id: 'sys-a2', name: 'A2'})
     CREATE (b)-[:OPERATES]->(:System {id: 'sys-b1', name: 'B1'})`,
    {},
    { database: config.neo4j.database },
  );
  const declarations: [string, string][] = [
    [op('op-a'), '203.0.113.0/24'],
    [sys('sys-a2'), '203.0.113.0/28'],
    [sys('sys-a2'), '2001:db8:a::/48'],
    [sys('sys-a1'), '203.0.113.8/30'],
    [sys('sys-a1'), '127.0.0.1'],
    [op('op-b'), '198.51.100.0/24'],
    [sys('sys-b1'), '198.51.100.5'],
  ];
  for (const [ownerId, cidr] of declarations) {
    const r = await gql<{ declareAddressBlock: { __typename: string } }>(DECLARE, {
      ownerId,
      input: { cidr, declaredOn: '2026-10-01' },
    });
    expect(r.data?.declareAddressBlock.__typename).toBe('MutationDeclareAddressBlockSuccess');
  }
});

describe('address declarations', () => {
  it('normalises the CIDR and answers typed errors', async () => {
    const ok = await gql<{ declareAddressBlock: { data: Record<string, unknown> } }>(DECLARE, {
      ownerId: sys('sys-b1'),
      input: { cidr: '198.51.100.77/30' },
    });
    expect(ok.data?.declareAddressBlock.data).toMatchObject({
      cidr: '198.51.100.76/30',
      ownerKind: 'System',
    });
    const again = await gql<{ declareAddressBlock: { __typename: string } }>(DECLARE, {
      ownerId: sys('sys-b1'),
      input: { cidr: '198.51.100.76/30' },
    });
    expect(again.data?.declareAddressBlock.__typename).toBe('ConflictError');
    const bad = await gql<{ declareAddressBlock: { __typename: string; issues: unknown[] } }>(DECLARE, {
      ownerId: sys('sys-b1'),
      input: { cidr: '10.0.0.0/4', declaredOn: '2999-01-01' },
    });
    expect(bad.data?.declareAddressBlock.issues).toEqual([
      { field: 'input.cidr', message: "0.0.0.0/4 is wider than /8: declare the unit's own ranges" },
      { field: 'input.declaredOn', message: expect.stringMatching(/^2999-01-01 is in the future/) },
    ]);
    // A county registrar cannot declare for another county's system.
    const foreign = await gql<{ declareAddressBlock: { __typename: string } }>(
      DECLARE,
      { ownerId: sys('sys-a1'), input: { cidr: '192.0.2.0/24' } },
      REGISTRAR_B,
    );
    expect(foreign.data?.declareAddressBlock.__typename).toBe('NotFoundError');
    const removed = await gql<{ removeAddressBlock: { __typename: string } }>(
      /* GraphQL */ `mutation R($id: ID!) { removeAddressBlock(id: $id) { __typename } }`,
      { id: (ok.data?.declareAddressBlock.data as { id: string } | undefined)?.id },
    );
    expect(removed.data?.removeAddressBlock.__typename).toBe('MutationRemoveAddressBlockSuccess');
  });

  it('lists the blocks of a system and an operator, paginated, in jurisdiction', async () => {
    const q = /* GraphQL */ `
      query B($a2: ID!, $a: ID!) {
        a2: node(id: $a2) { ... on System { addressBlocks(first: 1) { edges { node { cidr } } pageInfo { hasNextPage } } } }
        a: node(id: $a) { ... on Operator { addressBlocks { edges { node { cidr ownerKind } } } } }
      }
    `;
    const r = await gql(q, { a2: sys('sys-a2'), a: op('op-a') });
    expect(r.data).toEqual({
      a2: {
        addressBlocks: { edges: [{ node: { cidr: '203.0.113.0/28' } }], pageInfo: { hasNextPage: true } },
      },
      a: { addressBlocks: { edges: [{ node: { cidr: '203.0.113.0/24', ownerKind: 'Operator' } }] } },
    });
    const foreign = await gql(q, { a2: sys('sys-a2'), a: op('op-a') }, POLICE_B);
    expect(foreign.data).toEqual({ a2: null, a: null });
  });
});

describe('search-engine CSV', () => {
  let first: Report;

  it('imports good rows, matches by the most specific declaration, reports bad rows', async () => {
    first = await importFile('SEARCH_ENGINE', 'fofa-1.csv', fixture('search-engine-1.csv'));
    expect(first.alreadyImported).toBe(false);
    expect(first.scan).toMatchObject({
      source: 'SEARCH_ENGINE',
      label: 'default',
      jurisdiction: 'city',
      fileName: 'fofa-1.csv',
      rows: 6,
      created: 6,
      updated: 0,
      unchanged: 0,
      matched: 4,
      unmatched: 1,
      unknownOwner: 1,
      new: 6,
      gone: 0,
      badRows: 3,
    });
    expect(first.badRows).toEqual([
      { location: 'line 8', field: 'ip', value: '999.1.1.1', reason: expect.any(String) },
      { location: 'line 9', field: 'port', value: '70000', reason: 'port 70000 is out of range 1–65535' },
      { location: 'line 10', field: 'lastSeen', value: '2026-10-01', reason: 'is before first_seen' },
    ]);
    expect((await entries(first.scan.id, 'OBSERVED'))?.map(endpoint)).toEqual([
      '192.0.2.7:8080 UNKNOWN_OWNER',
      '198.51.100.5:3389 MATCHED B1',
      '203.0.113.3:80 MATCHED A2',
      '203.0.113.10:443 MATCHED A1',
      '203.0.113.200:22 UNMATCHED',
      '2001:db8:a::1:443 MATCHED A2',
    ]);
    const [www] =
      (await entries(first.scan.id, 'OBSERVED', 'MATCHED'))?.filter(
        (e) => (e.exposure as { port: number }).port === 443,
      ) ?? [];
    expect(www?.exposure).toMatchObject({
      domain: 'www.a-energy.example.cn',
      title: '能源门户',
      banner: 'HTTP/1.1 200 OK',
      firstSeen: '2026-10-01',
      lastSeen: '2026-10-22',
    });
    expect((await entries(first.scan.id, 'OBSERVED', 'UNMATCHED'))?.map(endpoint)).toEqual([
      '203.0.113.200:22 UNMATCHED',
    ]);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const before = await db.run({ name: 't', mode: 'read', text: 'MATCH (n) RETURN count(n) AS n' }, {});
    const again = await importFile('SEARCH_ENGINE', 'fofa-1.csv', fixture('search-engine-1.csv'));
    expect(again.alreadyImported).toBe(true);
    expect(again.scan.id).toBe(first.scan.id);
    const after = await db.run({ name: 't', mode: 'read', text: 'MATCH (n) RETURN count(n) AS n' }, {});
    expect(after).toEqual(before);
  });

  it('the next scan reports what is new and what is gone', async () => {
    const second = await importFile('SEARCH_ENGINE', 'fofa-2.csv', fixture('search-engine-2.csv'));
    expect(second.scan).toMatchObject({
      rows: 6,
      created: 1,
      updated: 0,
      unchanged: 5,
      matched: 4,
      unmatched: 1,
      unknownOwner: 1,
      new: 1,
      gone: 1,
      badRows: 0,
    });
    expect((await entries(second.scan.id, 'NEW'))?.map(endpoint)).toEqual(['203.0.113.11:8443 MATCHED A1']);
    expect((await entries(second.scan.id, 'GONE'))?.map((e) => (e.exposure as { ip: string }).ip)).toEqual([
      '198.51.100.5',
    ]);
    // County police of B see the city's scan? No: scans are visible city-wide or to the importing jurisdiction.
    expect(await entries(second.scan.id, 'OBSERVED', null, POLICE_B)).toBeNull();
  });

  it('a county registrar imports only rows of its own units; the others are bad rows', async () => {
    const county = await importFile(
      'SEARCH_ENGINE',
      'fofa-1.csv',
      fixture('search-engine-1.csv'),
      null,
      REGISTRAR_A,
    );
    expect(county.scan).toMatchObject({
      jurisdiction: 'division:140522',
      rows: 4,
      created: 0,
      updated: 0,
      unchanged: 4,
      matched: 3,
      unmatched: 1,
      unknownOwner: 0,
      new: 4,
      gone: 0,
      badRows: 5,
    });
    expect(county.badRows.slice(3)).toEqual([
      {
        location: 'line 5',
        field: 'ip',
        value: '192.0.2.7',
        reason: 'no system or operator declares this address: only city-wide registrars import it',
      },
      {
        location: 'line 6',
        field: 'ip',
        value: '198.51.100.5',
        reason: 'outside your jurisdiction (division:140522): the address belongs to another unit',
      },
    ]);
    // County police of A see that scan? Its jurisdiction is the importer's (division:140522): yes.
    expect((await entries(county.scan.id, 'OBSERVED', null, POLICE_A))?.length).toBe(4);
    expect(await entries(county.scan.id, 'OBSERVED', null, POLICE_B)).toBeNull();
  });

  it('a file without an ip/port header is a ValidationError and writes nothing', async () => {
    const r = await gql<{ importExposures: { __typename: string; issues: unknown[] } }>(IMPORT, {
      input: { source: 'SEARCH_ENGINE', fileName: 'x.csv', content: 'a,b\n1,2\n' },
    });
    expect(r.data?.importExposures.__typename).toBe('ValidationError');
    expect(r.statements.filter((s) => s.includes('create') || s.includes('upsert'))).toEqual([]);
  });
});

describe('the CLI (in-process GraphQL, audited)', () => {
  it('imports a file with a registrar token and prints the report', async () => {
    const token = await tokenFor(CITY_REGISTRAR);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/import-exposures.ts',
        '--source',
        'search-engine',
        '--file',
        'test/fixtures/exposures/search-engine-1.csv',
        '--label',
        'cli',
      ],
      {
        env: { ...process.env, REGISTRY_TOKEN: token, AUDIT_DIR: mkdtempSync(join(tmpdir(), 'cli-audit-')) },
      },
    );
    expect(stdout).toContain('unmatched (未备案暴露面): 1');
    expect(stdout).toContain('203.0.113.200:22/tcp');
    expect(stdout).toContain('new since the previous scan (新增): 6');
    expect(stdout).toMatch(/bad rows: 3/);
  }, 60_000);

  it('refuses a caller who may not write', async () => {
    const token = await tokenFor(POLICE_A);
    const run = promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/import-exposures.ts',
        '--source',
        'nmap',
        '--file',
        'test/fixtures/exposures/nmap-localhost.xml',
      ],
      {
        env: { ...process.env, REGISTRY_TOKEN: token, AUDIT_DIR: mkdtempSync(join(tmpdir(), 'cli-audit-')) },
      },
    );
    await expect(run).rejects.toMatchObject({
      stderr: expect.stringContaining('may not change the registry'),
    });
  }, 60_000);
});

describe('nmap XML', () => {
  it('imports the committed nmap fixture exactly (open ports only)', async () => {
    const report = await importFile('NMAP', 'nmap-localhost.xml', fixture('nmap-localhost.xml'), 'fixture');
    expect(report.scan).toMatchObject({
      source: 'NMAP',
      rows: 2,
      created: 2,
      matched: 2,
      new: 2,
      badRows: 0,
    });
    const list = await entries(report.scan.id, 'OBSERVED');
    expect(list?.map((e) => e.exposure)).toEqual([
      {
        ip: '127.0.0.1',
        port: 18022,
        protocol: 'tcp',
        domain: null,
        title: null,
        banner: null,
        service: 'ssh OpenSSH 9.2p1 Debian 2',
        firstSeen: '2026-11-25',
        lastSeen: '2026-11-25',
        system: { name: 'A1' },
      },
      {
        ip: '127.0.0.1',
        port: 18080,
        protocol: 'tcp',
        domain: null,
        title: null,
        banner: null,
        service: 'tcpwrapped',
        firstSeen: '2026-11-25',
        lastSeen: '2026-11-25',
        system: { name: 'A1' },
      },
    ]);
  });

  it('reports an element with a bad address', async () => {
    const report = await importFile('NMAP', 'bad.xml', fixture('nmap-bad-address.xml'), 'bad');
    expect(report.scan).toMatchObject({ rows: 0, badRows: 1 });
    expect(report.badRows).toEqual([
      { location: 'host[1]/address', field: 'ip', value: '127.0.0.999', reason: expect.any(String) },
    ]);
  });

  it('a broken XML file is a ValidationError', async () => {
    const r = await gql<{ importExposures: { __typename: string; issues: { field: string }[] } }>(IMPORT, {
      input: { source: 'NMAP', fileName: 'x.xml', content: '<nmaprun><host></nmaprun>' },
    });
    expect(r.data?.importExposures.__typename).toBe('ValidationError');
    expect(r.data?.importExposures.issues[0]?.field).toBe('input.content');
  });

  describe('running nmap against services started here', () => {
    const servers: net.Server[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'nmap-'));
    afterAll(async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    });
    const listen = () =>
      new Promise<number>((resolve) => {
        const server = net.createServer((c) => {
          c.on('error', () => {});
          c.end();
        });
        servers.push(server);
        server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
      });

    it('imports exactly the open ports nmap found, then sees one gone when a service stops', async () => {
      const open = [await listen(), await listen()];
      // A port that was open and is now closed: listen, note it, close.
      const closedServer = net.createServer();
      const closed = await new Promise<number>((resolve) =>
        closedServer.listen(0, '127.0.0.1', () => resolve((closedServer.address() as net.AddressInfo).port)),
      );
      await new Promise((r) => closedServer.close(r));
      const scan = async (name: string) => {
        const file = join(dir, name);
        await promisify(execFile)('nmap', [
          '-sT',
          '-Pn',
          '-n',
          '-p',
          [...open, closed].join(','),
          '-oX',
          file,
          '127.0.0.1',
        ]);
        return readFileSync(file, 'utf8');
      };
      const report = await importFile('NMAP', 'live-1.xml', await scan('live-1.xml'), 'live');
      expect(report.scan).toMatchObject({ rows: 2, created: 2, matched: 2, new: 2, gone: 0, badRows: 0 });
      expect((await entries(report.scan.id, 'OBSERVED'))?.map(endpoint)).toEqual(
        [...open].sort((a, b) => a - b).map((p) => `127.0.0.1:${p} MATCHED A1`),
      );
      // Stop the second service and scan again.
      await new Promise((r) => servers[1]?.close(r));
      const next = await importFile('NMAP', 'live-2.xml', await scan('live-2.xml'), 'live');
      expect(next.scan).toMatchObject({ rows: 1, created: 0, new: 0, gone: 1 });
      expect((await entries(next.scan.id, 'GONE'))?.map(endpoint)).toEqual([
        `127.0.0.1:${open[1]} MATCHED A1`,
      ]);
    });
  });
});
