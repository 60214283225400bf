/**
 * Integration-test harness: a real Neo4j (the test instance started by `npm test`, or NEO4J_URI),
 * the app built in process, and a GraphQL helper that counts Cypher round trips per request.
 */

import { schema } from '../../schema/index.js';
import { buildApp } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { testDb } from './db.js';

export { testDb };

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** Cypher statements the request sent. */
  statements: string[];
}

export function testApp(overrides: Partial<Config> = {}) {
  const { db, config } = testDb();
  const app = buildApp({ schema, db, config: { ...config, ...overrides } });
  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult<T>> {
    const statements: string[] = [];
    const stop = db.onStatement((name) => statements.push(name));
    try {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResult<T>, 'status' | 'statements'>;
      return { status: response.status, ...body, statements };
    } finally {
      stop();
    }
  }
  return { app, db, config, gql };
}
