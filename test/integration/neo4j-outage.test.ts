/**
 * Neo4j goes away and comes back: /readyz says so within 2 s, requests fail fast with a masked
 * error, and the same server recovers by itself. Runs against a Neo4j of its own (started and
 * stopped here), so only when `npm test` manages the databases (not with a NEO4J_URI server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';
import { INSTANCES, startNeo4j, stopNeo4j, testInstance } from '../../scripts/neo4j.js';
import { buildApp } from '../../server/app.js';
import { migrate } from '../../server/migrate.js';
import { Db } from '../../server/neo4j.js';
import { testAuthHeader, testDb } from '../support/harness.js';

const instance = testInstance(Number(process.env.REGISTRY_OUTAGE_INSTANCE ?? 9));
const { config: base } = testDb();
const config = {
  ...base,
  neo4j: { ...base.neo4j, uri: `bolt://127.0.0.1:${instance.boltPort}`, password: INSTANCES.test.password },
};
const db = new Db(config.neo4j);
const app = buildApp({ schema, db, config });

async function query() {
  const started = Date.now();
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      ...(await testAuthHeader()),
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    },
    body: JSON.stringify({ query: '{ operators(first: 1) { totalCount } }' }),
  });
  const text = await res.text();
  return {
    ms: Date.now() - started,
    status: res.status,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

describe.runIf(process.env.REGISTRY_OWN_NEO4J === 'true')('Neo4j outage', () => {
  beforeAll(async () => {
    await startNeo4j(instance);
    await migrate(db);
  }, 180_000);

  afterAll(async () => {
    await db.close();
    await stopNeo4j(instance);
  }, 120_000);

  it('serves, degrades fast and masked while Neo4j is down, then recovers by itself', async () => {
    expect((await query()).body).toEqual({ data: { operators: { totalCount: 0 } } });

    await stopNeo4j(instance);

    const readyStarted = Date.now();
    const ready = await app.fetch('http://localhost/readyz');
    expect(Date.now() - readyStarted).toBeLessThan(2_500);
    expect(ready.status).toBe(503);

    const down = await query();
    expect(down.ms).toBeLessThan(6_000);
    expect(down.body).toMatchObject({ errors: [{ message: 'Unexpected error.' }] });
    // Masked: nothing about the driver, the host, the port or Cypher.
    expect(down.text).not.toMatch(/bolt|127\.0\.0\.1|Neo4j|MATCH|stack/i);
    expect(down.text).not.toContain(String(instance.boltPort));

    await startNeo4j(instance);
    const back = await query();
    expect(back.body).toEqual({ data: { operators: { totalCount: 0 } } });
    expect((await app.fetch('http://localhost/readyz')).status).toBe(200);
  }, 180_000);
});
