/**
 * Builds the HTTP app: GraphQL (yoga) at /graphql with GraphiQL, /healthz and /readyz. `main`
 * only listens; tests call `app.fetch` in process.
 */

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import { type Context, createContext } from './context.js';
import { pendingMigrations } from './migrate.js';
import type { Db } from './neo4j.js';
import { FULL_ACCESS } from './principal.js';

export interface AppOptions {
  schema: GraphQLSchema;
  db: Db;
  config: Config;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** Answers /readyz within 2 s: Neo4j reachable and every migration applied. */
export async function readiness(db: Db) {
  const neo4jUp = await Promise.race([
    db.ping(),
    new Promise<boolean>((r) => setTimeout(() => r(false), 2_000)),
  ]);
  if (!neo4jUp) return { ready: false, neo4j: false, pendingMigrations: null };
  const pending = await pendingMigrations(db).then(
    (p) => p.length,
    () => null,
  );
  return { ready: pending === 0, neo4j: true, pendingMigrations: pending };
}

export function buildApp({ schema, db, config }: AppOptions): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql
      ? { title: '晋城市网络安全等级保护与关基保护登记库 · MLPS/CII registry' }
      : false,
    // GraphiQL's assets come from the package, not a CDN: police networks are often offline.
    renderGraphiQL,
    landingPage: false,
    // Unexpected errors are masked: no stack, Cypher or host in a response.
    maskedErrors: true,
    context: () => createContext(db, config, FULL_ACCESS),
    logging: config.logLevel,
    plugins: [
      {
        async onRequest({ url, endResponse, fetchAPI }) {
          if (url.pathname === '/healthz') {
            endResponse(fetchAPI.Response.json({ status: 'ok' }));
          } else if (url.pathname === '/readyz') {
            const state = await readiness(db);
            endResponse(fetchAPI.Response.json(state, { status: state.ready ? 200 : 503 }));
          }
        },
      },
    ],
  });
}
