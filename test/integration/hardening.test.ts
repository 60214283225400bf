/**
 * Request hardening: an abuse corpus refused before any Cypher runs, rate limits, CSRF, production
 * switches, trusted documents and the execution deadline.
 */
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';
import { type App, buildApp } from '../../server/app.js';
import { type HardeningConfig, loadHardeningConfig, sha256Hex } from '../../server/hardening.js';
import { testApp, testAuthHeader, tokenFor } from '../support/harness.js';

// The documented defaults, whatever the environment of the test run says.
const { app, db, config, gql } = testApp({ hardening: loadHardeningConfig({}, []) });
const auth = await testAuthHeader();
const GQL_JSON = 'application/graphql-response+json';
const JSON_HEADERS = { 'content-type': 'application/json', accept: GQL_JSON };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  statements: string[];
}

/** A raw request to `target`, with the Cypher statements it sent. */
async function send(target: App, init: RequestInit = {}, url = 'http://localhost/graphql'): Promise<Answer> {
  const statements: string[] = [];
  const stop = db.onStatement((name) => statements.push(name));
  try {
    const res = await target.fetch(url, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : {}, statements };
  } finally {
    stop();
  }
}

const post = (target: App, body: unknown, headers: Record<string, string> = {}) =>
  send(target, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...auth, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const codes = (a: { body?: Answer['body']; errors?: Answer['body']['errors'] }) =>
  (a.body?.errors ?? a.errors ?? []).map((e) => e.extensions?.code);

function hardened(overrides: Partial<HardeningConfig>, target = schema): App {
  return buildApp({
    schema: target,
    db,
    config: { ...config, hardening: { ...config.hardening, ...overrides } },
  });
}

/** Query.systems → edges → node → operator → systems → …, `depth` levels of fields. */
function deepQuery(depth: number): string {
  const cycle = ['systems(first: 1)', 'edges', 'node', 'operator'];
  const fields = Array.from({ length: depth - 1 }, (_, i) => cycle[i % cycle.length]);
  return `{ ${fields.map((f) => `${f} {`).join(' ')} __typename ${'}'.repeat(depth - 1)} }`;
}

describe('abuse corpus: refused with a clear error before any Cypher', () => {
  it('ordinary queries pass the limits', async () => {
    const r = await gql('{ sectors(first: 5) { edges { node { code } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('deep nesting (depth 30)', async () => {
    const r = await gql(deepQuery(30));
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toEqual([
      `query depth 30 exceeds the maximum of ${config.hardening.maxDepth}`,
    ]);
    expect(codes(r)).toEqual(['MAX_DEPTH_EXCEEDED']);
    expect(r.statements).toEqual([]);
  });

  it('alias bomb (100 aliases)', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: sectorByCode(code: "X${i}") { code }`);
    const r = await gql(`{ ${aliases.join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toEqual([
      `query uses 100 aliases, more than the maximum of ${config.hardening.maxAliases}`,
    ]);
    expect(codes(r)).toEqual(['MAX_ALIASES_EXCEEDED']);
    expect(r.statements).toEqual([]);
  });

  it('fragment bomb (each fragment spreads the next twice)', async () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const r = await gql(
      `{ ...F0 } ${fragments.join(' ')} fragment F20 on Query { sectors(first: 50) { edges { cursor } } }`,
    );
    expect(r.status).toBe(400);
    const cost = 2 ** 20 * (1 + 50 * 2);
    expect(r.errors?.map((e) => e.message)).toContain(
      `query cost ${cost} exceeds the maximum of ${config.hardening.maxCost}`,
    );
    expect(codes(r)).toContain('COST_LIMIT_EXCEEDED');
    expect(r.statements).toEqual([]);
  });

  it('cyclic fragments', async () => {
    const r = await gql(
      '{ ...A } fragment A on Query { sectors(first: 1) { edges { cursor } } ...B } fragment B on Query { ...A }',
    );
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toContain('Cannot spread fragment "A" within itself via "B".');
    expect(r.statements).toEqual([]);
  });

  it('a 5,000-token document', async () => {
    const r = await gql(`{ ${'__typename '.repeat(4_999)}}`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toEqual([
      'query document has more than the maximum of 2000 tokens',
    ]);
    expect(codes(r)).toEqual(['MAX_TOKENS_EXCEEDED']);
    expect(r.statements).toEqual([]);
  });

  it('a huge page (first: 100000, nested 3 deep)', async () => {
    const huge =
      '{ operators(first: 100000) { edges { node { systems(first: 100000) { edges { node { vendors(first: 100000) { edges { node { id } } } } } } } } } }';
    const r = await gql(huge);
    expect(r.status).toBe(400);
    const vendors = 1 + 100_000 * (1 + (1 + 1));
    const systems = 1 + 100_000 * (1 + (1 + vendors));
    const cost = 1 + 100_000 * (1 + (1 + systems));
    expect(r.errors?.map((e) => e.message)).toEqual([
      `query cost ${cost} exceeds the maximum of ${config.hardening.maxCost}`,
    ]);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost,
      maxCost: config.hardening.maxCost,
    });
    expect(r.statements).toEqual([]);
  });

  it('prices `first` from the variables of each request (no stale cached verdict)', async () => {
    const q = 'query Page($n: Int) { operators(first: $n) { edges { node { id name } } } }';
    const small = await gql(q, { n: 10 });
    expect(small.errors).toBeUndefined();
    const big = await gql(q, { n: 100_000 });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.message).toBe(
      `query cost ${1 + 100_000 * 4} exceeds the maximum of ${config.hardening.maxCost}`,
    );
    expect(big.statements).toEqual([]);
    const again = await gql(q, { n: 10 });
    expect(again.errors).toBeUndefined();
  });

  it('an oversized body (200 kB), announced by content-length or streamed without one', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200_000) } });
    const announced = await post(app, body, { 'content-length': String(Buffer.byteLength(body)) });
    expect(announced.status).toBe(413);
    expect(announced.body.errors?.map((e) => e.message)).toEqual([
      `request body of ${Buffer.byteLength(body)} bytes exceeds the maximum of 100000 bytes`,
    ]);
    expect(codes(announced)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    expect(announced.statements).toEqual([]);

    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const streamed = await send(app, {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...auth },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.body.errors?.map((e) => e.message)).toEqual([
      'request body exceeds the maximum of 100000 bytes',
    ]);
    expect(streamed.statements).toEqual([]);

    // an in-process caller whose content-length understates the body is measured, not believed
    const understated = await post(app, body, { 'content-length': '100' });
    expect(understated.status).toBe(413);
    expect(understated.body.errors?.map((e) => e.message)).toEqual([
      `request body of ${Buffer.byteLength(body)} bytes exceeds the maximum of 100000 bytes`,
    ]);
    expect(understated.statements).toEqual([]);

    // a body under the limit still goes through
    const fine = await post(app, { query: '{ __typename }', variables: { pad: 'x'.repeat(50_000) } });
    expect(fine.status).toBe(200);
  });

  it('a batched JSON array', async () => {
    const r = await post(app, [
      { query: '{ __typename }' },
      { query: '{ sectors(first: 1) { edges { cursor } } }' },
    ]);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BATCHING_NOT_SUPPORTED']);
    expect(r.statements).toEqual([]);
  });

  it('a directive flood', async () => {
    const fields = Array.from(
      { length: 25 },
      (_, i) => `a${i}: __typename @include(if: true) @skip(if: false)`,
    );
    const r = await gql(`{ ${fields.join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toEqual([
      'query uses 50 directives, more than the maximum of 20',
    ]);
    expect(codes(r)).toEqual(['MAX_DIRECTIVES_EXCEEDED']);
    expect(r.statements).toEqual([]);
  });
});

describe('rate limit', () => {
  it('refuses the N+1-th request of a token within a minute with 429; other tokens are unaffected', async () => {
    const limited = hardened({ rateLimitPerMinute: 3 });
    const a = { authorization: `Bearer ${await tokenFor({ sub: 'rate-a', role: 'CITY_POLICE' })}` };
    const b = { authorization: `Bearer ${await tokenFor({ sub: 'rate-b', role: 'CITY_POLICE' })}` };
    for (let i = 0; i < 3; i++)
      expect((await post(limited, { query: '{ __typename }' }, a)).status).toBe(200);
    const refused = await post(limited, { query: '{ sectors(first: 1) { edges { cursor } } }' }, a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^rate limit of 3 requests per minute exceeded; retry in \d+ s$/,
    );
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.statements).toEqual([]);

    expect((await post(limited, { query: '{ __typename }' }, b)).status).toBe(200);
  });

  it('keys anonymous requests by client address', async () => {
    const limited = hardened({ rateLimitPerMinute: 2 });
    const anonymous = () =>
      send(limited, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await anonymous()).status).toBe(401);
    expect((await anonymous()).status).toBe(401);
    expect((await anonymous()).status).toBe(429);
    // a caller with a token has its own budget
    expect((await post(limited, { query: '{ __typename }' })).status).toBe(200);
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ __typename }');

  it('refuses a GET without a non-simple header, accepts it with x-graphql-client', async () => {
    const bare = await send(
      app,
      { headers: { ...auth, accept: GQL_JSON } },
      `http://localhost/graphql?query=${query}`,
    );
    expect(bare.status).toBe(403);
    expect(codes(bare)).toEqual(['CSRF_HEADER_REQUIRED']);
    const marked = await send(
      app,
      { headers: { ...auth, accept: GQL_JSON, 'x-graphql-client': 'tests' } },
      `http://localhost/graphql?query=${query}`,
    );
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ data: { __typename: 'Query' } });
    // with the header, a mutation by GET still meets yoga's 405
    const mutation = encodeURIComponent('mutation { deleteOperator(id: "x") { __typename } }');
    const viaGet = await send(
      app,
      { headers: { ...auth, accept: GQL_JSON, 'x-graphql-client': 'tests' } },
      `http://localhost/graphql?query=${mutation}`,
    );
    expect(viaGet.status).toBe(405);
  });

  it('refuses a POST a plain HTML form could send; application/json passes', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const r = await send(app, {
        method: 'POST',
        headers: { ...auth, accept: GQL_JSON, 'content-type': contentType },
        body: contentType === 'text/plain' ? '{ __typename }' : `query=${query}`,
      });
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0]?.message).toContain('cross-site request protection');
      expect(r.statements).toEqual([]);
    }
    expect((await post(app, { query: '{ __typename }' })).status).toBe(200);
    // a non-simple content type passes CSRF and meets yoga's 415 if it is not GraphQL
    const xml = await send(app, {
      method: 'POST',
      headers: { ...auth, accept: GQL_JSON, 'content-type': 'application/xml' },
      body: '<query/>',
    });
    expect(xml.status).toBe(415);
  });
});

describe('production mode', () => {
  const production = hardened({ production: true, introspection: false });

  it('refuses introspection but still answers __typename', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const r = await post(production, { query });
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.message).toContain('introspection has been disabled');
      expect(r.statements).toEqual([]);
    }
    expect((await post(production, { query: '{ __typename }' })).body).toEqual({
      data: { __typename: 'Query' },
    });
    // development answers introspection
    expect((await post(app, { query: '{ __type(name: "Query") { name } }' })).body).toEqual({
      data: { __type: { name: 'Query' } },
    });
  });

  it('gives no field suggestions', async () => {
    const query = '{ operatrs(first: 1) { totalCount } }';
    const dev = await post(app, { query });
    expect(dev.body.errors?.[0]?.message).toContain('Did you mean');
    const r = await post(production, { query });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.message)).toEqual(['Cannot query field "operatrs" on type "Query".']);
    // nor for an enum value in the variables (refused while coercing them)
    const enumQuery = {
      query:
        'query($kind: ServiceKind) { vendors(first: 1) { edges { node { services(kind: $kind) { edges { cursor } } } } } }',
      variables: { kind: 'OPERATIONZ' },
    };
    expect((await post(app, enumQuery)).text).toContain('Did you mean');
    const kind = await post(production, enumQuery);
    expect(kind.text).toContain('OPERATIONZ');
    expect(kind.statements).toEqual([]);
    expect(kind.text).not.toContain('Did you mean');
  });

  it('hides the limits themselves', async () => {
    const r = await post(production, { query: deepQuery(30) });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.message)).toEqual(['query depth exceeds the maximum allowed']);
  });

  it('masks an unexpected error: no stack, Cypher, host or path in the response', async () => {
    const broken = createSchema({
      typeDefs: 'type Query { broken: Int }',
      resolvers: {
        Query: {
          broken: async () => {
            await db.driver.executeQuery(
              'MATCH (o:Operator) RETURN o.name +',
              {},
              { database: config.neo4j.database },
            );
            return 1;
          },
        },
      },
    });
    const target = hardened({ production: true, introspection: false }, broken);
    const previous = process.env.NODE_ENV;
    // even if yoga were left in development mode, production strips the error details
    process.env.NODE_ENV = 'development';
    try {
      const dev = await post(hardened({}, broken), { query: '{ broken }' });
      expect(dev.text).toContain('originalError');
      const r = await post(target, { query: '{ broken }' });
      expect(r.body.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
      expect(r.body.data).toEqual({ broken: null });
      for (const leak of [
        'MATCH',
        'Neo',
        'stack',
        'originalError',
        config.neo4j.uri,
        '127.0.0.1',
        '/work',
        '.ts',
      ])
        expect(r.text).not.toContain(leak);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

describe('trusted documents', () => {
  const listed = '{ sectors(first: 2) { edges { node { code } } } }';
  const hash = sha256Hex(listed);
  const trusted = hardened({ trustedDocuments: new Map([[hash, listed]]) });

  it('accepts a listed document by its sha256, as a persisted query or a documentId', async () => {
    const byExtension = await post(trusted, {
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(byExtension.status).toBe(200);
    expect(byExtension.body.data).toEqual({ sectors: { edges: [] } });
    expect(byExtension.statements.length).toBeGreaterThan(0);
    const byId = await post(trusted, { documentId: `sha256:${hash}` });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toEqual({ sectors: { edges: [] } });
  });

  it('refuses an arbitrary document and an unknown hash', async () => {
    const arbitrary = await post(trusted, { query: listed });
    expect(arbitrary.status).toBe(400);
    expect(codes(arbitrary)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    expect(arbitrary.statements).toEqual([]);
    const unknown = await post(trusted, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.message).toBe(`document "${'f'.repeat(64)}" is not a trusted document`);
    expect(codes(unknown)).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
    expect(unknown.statements).toEqual([]);
  });
});

describe('request deadline', () => {
  it('answers REQUEST_TIMEOUT when execution takes longer than the limit', async () => {
    let finished = 0;
    const slow = createSchema({
      typeDefs: 'type Query { slow: Int }',
      resolvers: {
        Query: {
          slow: () =>
            new Promise((resolve) =>
              setTimeout(() => {
                finished++;
                resolve(1);
              }, 400),
            ),
        },
      },
    });
    const target = hardened({ requestTimeoutMs: 50 }, slow);
    const started = Date.now();
    const r = await post(target, { query: '{ slow }' });
    expect(Date.now() - started).toBeLessThan(350);
    expect(r.status).toBe(504);
    expect(r.body.errors?.map((e) => e.message)).toEqual(['request exceeded the time limit of 50 ms']);
    expect(codes(r)).toEqual(['REQUEST_TIMEOUT']);
    expect(finished).toBe(0);

    const patient = hardened({ requestTimeoutMs: 2_000 }, slow);
    expect((await post(patient, { query: '{ slow }' })).body).toEqual({ data: { slow: 1 } });
  });
});
