import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { serve } from '../../server/main.js';
import { migrate } from '../../server/migrate.js';
import { Db } from '../../server/neo4j.js';
import { testApp, testAuthHeader } from '../support/harness.js';

const { app, db, config, gql } = testApp();
const GQL_JSON = 'application/graphql-response+json';
const auth = await testAuthHeader();

describe('health and readiness', () => {
  it('answers /healthz without touching Neo4j', async () => {
    const res = await app.fetch('http://localhost/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when Neo4j answers and every migration is applied', async () => {
    const res = await app.fetch('http://localhost/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, neo4j: true, pendingMigrations: 0 });
  });

  it('says not ready within 2 s when Neo4j cannot be reached', async () => {
    const deadDb = new Db({ ...config.neo4j, uri: 'bolt://127.0.0.1:1' });
    const deadApp = buildApp({ schema, db: deadDb, config });
    const started = Date.now();
    const res = await deadApp.fetch('http://localhost/readyz');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, neo4j: false, pendingMigrations: null });
    await deadDb.close();
  });

  it('applies migrations idempotently: a second run does nothing', async () => {
    const report = await migrate(db);
    expect(report.applied).toEqual([]);
    expect(report.skipped.length).toBeGreaterThanOrEqual(3);
  });
});

describe('GraphQL over HTTP', () => {
  it('accepts a query by GET with the GraphQL response media type', async () => {
    const res = await app.fetch(`http://localhost/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...auth, accept: GQL_JSON, 'x-graphql-client': 'test' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(GQL_JSON);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a mutation sent by GET with 405', async () => {
    const query = 'mutation { deleteOperator(id: "x") { __typename } }';
    const res = await app.fetch(`http://localhost/graphql?query=${encodeURIComponent(query)}`, {
      headers: { ...auth, accept: GQL_JSON, 'x-graphql-client': 'test' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });

  it('answers 400 for a document that does not parse or validate', async () => {
    for (const query of ['{ operators { ', '{ noSuchField }']) {
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', accept: GQL_JSON },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: unknown[]; data?: unknown };
      expect(body.errors.length).toBe(1);
      expect(body.data).toBeUndefined();
    }
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/xml', accept: GQL_JSON },
      body: '{ __typename }',
    });
    expect(res.status).toBe(415);
  });

  it('serves GraphiQL to a browser', async () => {
    const res = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    // Served from the package: no script or stylesheet from the internet.
    expect(html.match(/(src|href)="https?:[^"]*"/g)).toBeNull();
  });

  it('rejects a page larger than the maximum before any Cypher runs', async () => {
    const r = await gql(`{ operators(first: ${config.maxPageSize + 1}) { edges { node { id } } } }`);
    expect(r.errors?.[0]?.message).toBe(
      `first: must be an integer from 0 to ${config.maxPageSize}, got ${config.maxPageSize + 1}`,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.statements).toEqual([]);
  });

  it('rejects a forged cursor', async () => {
    const r = await gql('{ operators(first: 1, after: "bm9wZQ") { edges { node { id } } } }');
    expect(r.errors?.[0]?.message).toContain('after: "bm9wZQ" is not a cursor returned by this API');
  });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, then refuses new connections and closes the driver', async () => {
    const running = await serve({ ...loadConfig({ ...process.env, LOG_LEVEL: 'error' }), port: 0 }, () => {});
    const inFlight = fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', accept: GQL_JSON },
      body: JSON.stringify({ query: '{ operators(first: 5) { totalCount } }' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    const stopped = running.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    await stopped;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});
