/**
 * The audit trail end to end: each request to /graphql leaves a record in the audit directory
 * (here a temporary one), a mutation whose record cannot be stored changes nothing, and only
 * AUDITOR reads the trail.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuditRecord, REDACTED, sha256 } from '../../server/audit.js';
import type { TokenClaims } from '../../server/auth.js';
import { countByLabel } from '../../server/maintenance.js';
import { residentIdCheckCharacter } from '../../server/validation/identifiers.js';
import { testApp } from '../support/harness.js';

const root = mkdtempSync(join(tmpdir(), 'audit-it-'));
const directory = join(root, 'audit');
const { gql, db } = testApp({ audit: { directory, syncReads: false } });

const AUDITOR: TokenClaims = { sub: 'auditor-1', role: 'AUDITOR' };
const CITY_POLICE: TokenClaims = { sub: 'police-1', role: 'CITY_POLICE' };

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const ID_A = withCheck('14052219850505001');
const ID_B = withCheck('14058120000229002');
const ID_C = withCheck('14050219900101003');

const CREATE_PERSON = `mutation CreatePerson($input: CreatePersonInput!) {
  createPerson(input: $input) { __typename ... on MutationCreatePersonSuccess { data { id } } }
}`;

function records(dir = directory): AuditRecord[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return [];
  }
  return files
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as AuditRecord);
}

const rawTrail = () =>
  readdirSync(directory)
    .map((f) => readFileSync(join(directory, f), 'utf8'))
    .join('\n');

/** The last record of an operation (names are unique per test). */
function lastOf(operationName: string): AuditRecord {
  const found = records().filter((r) => r.operationName === operationName);
  expect(found.length).toBeGreaterThan(0);
  return found.at(-1) as AuditRecord;
}

const personIds: string[] = [];

beforeAll(async () => {
  for (const [name, residentId] of [
    ['Wang Wu', ID_A],
    ['Zhao Liu', ID_B],
  ] as const) {
    const r = await gql<{ createPerson: { data: { id: string } } }>(CREATE_PERSON, {
      input: { name, residentId },
    });
    personIds.push(r.data?.createPerson.data.id as string);
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('recording', () => {
  it('records a query: who, what, hash, outcome, duration', async () => {
    const query = 'query ListSectors($first: Int) { sectors(first: $first) { edges { node { code } } } }';
    const r = await gql(query, { first: 5 });
    expect(r.status).toBe(200);
    const record = lastOf('ListSectors');
    expect(record).toMatchObject({
      subject: 'test-registrar',
      role: 'REGISTRAR',
      jurisdiction: 'city',
      operationName: 'ListSectors',
      operationType: 'query',
      documentHash: sha256(query),
      variables: { first: 5 },
      outcome: 'ok',
      errorCodes: [],
      httpStatus: 200,
    });
    expect(record.durationMs).toBeGreaterThan(0);
    expect(Date.parse(record.at)).toBeLessThanOrEqual(Date.now());
    expect(record.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the persons a query returned, with or without their ids selected', async () => {
    await gql('query People { persons { edges { node { id name } } } }');
    expect(lastOf('People').returned).toEqual({ objects: 2, persons: [...personIds].sort() });

    await gql('query PeopleNoIds { persons { edges { node { name residentIdMasked } } } }');
    expect(lastOf('PeopleNoIds').returned).toEqual({ objects: 0, persons: [...personIds].sort() });

    const one = personIds[0] as string;
    await gql('query OnePerson($id: ID!) { node(id: $id) { id } }', { id: one });
    expect(lastOf('OnePerson').returned).toEqual({ objects: 1, persons: [one] });
  });

  it('records a mutation before it runs and after, with the resident ID and name redacted', async () => {
    const r = await gql<{ createPerson: { data: { id: string } } }>(
      CREATE_PERSON.replace('CreatePerson(', 'CreateLiSi('),
      { input: { name: 'Li Si', residentId: ID_C } },
    );
    expect(r.data?.createPerson.data.id).toBeTruthy();
    const mine = records().filter((x) => x.operationName === 'CreateLiSi');
    expect(mine.map((x) => x.outcome)).toEqual(['pending', 'ok']);
    expect(mine[0]?.requestId).toBe(mine[1]?.requestId);
    expect(mine[1]?.seq).toBeGreaterThan(mine[0]?.seq as number);
    for (const x of mine) {
      expect(x.operationType).toBe('mutation');
      expect(x.variables).toEqual({ input: { name: REDACTED, residentId: REDACTED } });
    }
    expect(mine[1]?.returned).toEqual({ objects: 1, persons: [r.data?.createPerson.data.id] });
    const trail = rawTrail();
    for (const clear of [ID_A, ID_B, ID_C]) expect(trail).not.toContain(clear);
    expect(trail).not.toContain('Li Si');
  });

  it('records a request without a valid token as unauthenticated', async () => {
    const r = await gql('query Anonymous { sectors { edges { node { code } } } }', {}, null);
    expect(r.status).toBe(401);
    expect(lastOf('Anonymous')).toMatchObject({
      subject: null,
      role: null,
      outcome: 'unauthenticated',
      errorCodes: ['UNAUTHENTICATED'],
      httpStatus: 401,
      returned: { objects: 0, persons: [] },
    });
  });

  it('records refusals: an invalid document, a mutation the role may not run', async () => {
    const invalid = await gql('query Invalid { noSuchField }');
    expect(invalid.status).toBe(400);
    expect(lastOf('Invalid')).toMatchObject({
      operationType: 'query',
      outcome: 'rejected',
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      httpStatus: 400,
    });

    const before = await countByLabel(db);
    const forbidden = await gql(
      CREATE_PERSON.replace('CreatePerson(', 'PoliceCreates('),
      { input: { name: 'Qian Qi', residentId: withCheck('14050219900101004') } },
      CITY_POLICE,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countByLabel(db)).toEqual(before);
    expect(
      records()
        .filter((x) => x.operationName === 'PoliceCreates')
        .map((x) => [x.outcome, x.subject, x.errorCodes]),
    ).toEqual([
      ['pending', 'police-1', []],
      ['rejected', 'police-1', ['FORBIDDEN']],
    ]);
  });

  it('keeps a valid chain', async () => {
    const r = await gql<{ auditChainStatus: { valid: boolean; records: number } }>(
      'query Chain { auditChainStatus { valid records firstBrokenAt { file line reason } } }',
      {},
      AUDITOR,
    );
    // The trail now also holds the record of this very request, written after its answer.
    expect(r.data?.auditChainStatus).toEqual({
      valid: true,
      records: records().length - 1,
      firstBrokenAt: null,
    });
    expect(lastOf('Chain')).toMatchObject({ subject: 'auditor-1', role: 'AUDITOR', jurisdiction: 'audit' });
  });
});

describe('when the audit trail cannot be written', () => {
  // A directory under a regular file: mkdir and open fail whoever runs the tests (root included).
  const blocker = join(root, 'not-a-directory');
  writeFileSync(blocker, 'a file');
  const broken = testApp({ audit: { directory: join(blocker, 'audit'), syncReads: false } });

  it('refuses a mutation with AUDIT_UNAVAILABLE (503) and changes nothing', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const before = await countByLabel(db);
      const r = await broken.gql(CREATE_PERSON, { input: { name: 'Sun Ba', residentId: ID_C } });
      expect(r.status).toBe(503);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(r.statements).toEqual([]); // nothing reached Neo4j
      expect(await countByLabel(db)).toEqual(before);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('mutation refused');
    } finally {
      stderr.mockRestore();
    }
  });

  it('still answers a query, logging the lost record to stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const r = await broken.gql('query StillReads { sectors { edges { node { code } } } }');
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /audit record of request .* StillReads, ok\) could not be stored/,
      );
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('reading the trail', () => {
  const LIST = `query AuditPage($first: Int, $after: String, $filter: AuditRecordFilter) {
    auditRecords(first: $first, after: $after, filter: $filter) {
      edges { cursor node { seq subject role operationName operationType outcome variables documentHash
        returned { objects persons } errorCodes durationMs httpStatus } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type Page = {
    auditRecords: {
      edges: { node: { seq: number; subject: string; operationName: string; outcome: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  it('lets AUDITOR list records newest first, filter them and page through them', async () => {
    const filter = { subject: 'test-registrar', outcome: 'OK' };
    const expected = records()
      .filter((r) => r.subject === 'test-registrar' && r.outcome === 'ok')
      .map((r) => r.seq)
      .reverse();
    expect(expected.length).toBeGreaterThan(3);

    const first = await gql<Page>(LIST, { first: 2, filter }, AUDITOR);
    expect(first.errors).toBeUndefined();
    expect(first.data?.auditRecords.edges.map((e) => e.node.seq)).toEqual(expected.slice(0, 2));
    expect(first.data?.auditRecords.pageInfo.hasNextPage).toBe(true);
    const rest = await gql<Page>(
      LIST,
      { first: 100, after: first.data?.auditRecords.pageInfo.endCursor, filter },
      AUDITOR,
    );
    expect(rest.data?.auditRecords.edges.map((e) => e.node.seq)).toEqual(expected.slice(2));
    expect(rest.data?.auditRecords.pageInfo.hasNextPage).toBe(false);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const pending = await gql<Page>(
      LIST,
      { filter: { outcome: 'PENDING', operationName: 'CreateLiSi', from: today, to: today } },
      AUDITOR,
    );
    expect(pending.data?.auditRecords.edges.map((e) => e.node)).toMatchObject([
      {
        subject: 'test-registrar',
        operationName: 'CreateLiSi',
        outcome: 'PENDING',
        variables: JSON.stringify({ input: { name: REDACTED, residentId: REDACTED } }),
      },
    ]);
    const yesterday = await gql<Page>(LIST, { filter: { to: '2020-01-01' } }, AUDITOR);
    expect(yesterday.data?.auditRecords.edges).toEqual([]);
  });

  it('refuses everyone else with FORBIDDEN', async () => {
    for (const claims of [CITY_POLICE, undefined]) {
      const r = await gql(LIST, { first: 1 }, claims);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const chain = await gql('{ auditChainStatus { valid } }', {}, claims);
      expect(chain.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    // The refusals are in the trail too.
    expect(lastOf('AuditPage')).toMatchObject({ subject: 'test-registrar', outcome: 'error' });
  });

  it('global ids in the records decode to persons', () => {
    const people = records().flatMap((r) => r.returned.persons);
    expect(people.length).toBeGreaterThan(0);
    for (const id of people) expect(decodeGlobalID(id).typename).toBe('Person');
  });
});
