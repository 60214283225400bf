/**
 * Integration-test harness: a real Neo4j (the test instance started by `npm test`, or NEO4J_URI),
 * the app built in process, and a GraphQL helper that signs its requests with a bearer token and
 * counts the Cypher round trips each request makes.
 */

import { schema } from '../../schema/index.js';
import { buildApp } from '../../server/app.js';
import { issueToken, type TokenClaims } from '../../server/auth.js';
import type { Config } from '../../server/config.js';
import { type Context, createContext } from '../../server/context.js';
import { NO_SCOPE, type Scope } from '../../server/principal.js';
import { testDb } from './db.js';

export { testDb };

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** Cypher statements the request sent. */
  statements: string[];
}

/** The default caller of the tests: a city-wide registrar (reads everything, may write). */
export const CITY_REGISTRAR: TokenClaims = { sub: 'test-registrar', role: 'REGISTRAR' };

/** A signed token for these claims, accepted by apps built from the test configuration. */
export function tokenFor(claims: TokenClaims, ttlSeconds?: number): Promise<string> {
  return issueToken(testDb().config.auth, claims, ttlSeconds);
}

/** `{ authorization: 'Bearer …' }` for raw `app.fetch` calls. */
export async function testAuthHeader(claims: TokenClaims = CITY_REGISTRAR): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(claims)}` };
}

export function testApp(overrides: Partial<Config> = {}, claims: TokenClaims | null = CITY_REGISTRAR) {
  const { db, config } = testDb();
  const merged = { ...config, ...overrides };
  const app = buildApp({ schema, db, config: merged });
  let token: Promise<string> | undefined;
  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    as: TokenClaims | null = claims,
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    };
    if (as) {
      if (as !== claims) headers.authorization = `Bearer ${await issueToken(merged.auth, as)}`;
      else {
        token ??= issueToken(merged.auth, as);
        headers.authorization = `Bearer ${await token}`;
      }
    }
    const statements: string[] = [];
    const stop = db.onStatement((name) => statements.push(name));
    try {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResult<T>, 'status' | 'statements'>;
      return { status: response.status, ...body, statements };
    } finally {
      stop();
    }
  }
  return { app, db, config: merged, gql };
}

/** A request context of a county-police caller restricted to `scope`, for store-level tests. */
export function scopedContext(scope: Partial<Scope>): Context {
  const { db, config } = testDb();
  return createContext(db, config, {
    subject: 'test',
    role: 'COUNTY_POLICE',
    jurisdiction: 'test',
    canWrite: false,
    seesPersonalData: true,
    canReadAudit: false,
    scope: { ...NO_SCOPE, ...scope },
  });
}
