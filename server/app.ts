/**
 * Builds the HTTP app: GraphQL (yoga) at /graphql with GraphiQL, /healthz and /readyz, and the
 * graph explorer's static page at /explorer. `main`
 * only listens; tests call `app.fetch` in process.
 *
 * Plugin order: health endpoints → hardening (limits, rate, production switches; nothing reaches
 * the schema or Neo4j when they refuse) → audit (records every request, refuses a mutation whose
 * record cannot be stored) → write gate (mutations for roles that may write). Authentication runs in
 * the context factory: no valid bearer token, no context, 401.
 */

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, type GraphQLSchema, getOperationAST, Kind } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { auditPlugins } from './audit.js';
import { TokenVerifier } from './auth.js';
import { complianceExportEndpoint } from './compliance/export-link.js';
import type { Config } from './config.js';
import { type Context, createContext } from './context.js';
import { coerceVariablesFirst, compiledExecution } from './execution.js';
import { EXPLORER_DIST, explorerPlugin } from './explorer.js';
import { createRateLimit, hardeningPlugins } from './hardening.js';
import { pendingMigrations } from './migrate.js';
import type { Db } from './neo4j.js';
import type { Principal } from './principal.js';

export interface AppOptions {
  schema: GraphQLSchema;
  db: Db;
  config: Config;
  /** GraphiQL's default request headers (the local demo pre-fills a token). */
  graphiqlHeaders?: Record<string, string>;
  /** The built graph explorer served at /explorer (default dist/explorer). */
  explorerDir?: string;
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

const healthEndpoints = (db: Db): Plugin => ({
  async onRequest({ url, endResponse, fetchAPI }) {
    if (url.pathname === '/healthz') {
      endResponse(fetchAPI.Response.json({ status: 'ok' }));
    } else if (url.pathname === '/readyz') {
      const state = await readiness(db);
      endResponse(fetchAPI.Response.json(state, { status: state.ready ? 200 : 503 }));
    }
  },
});

/**
 * City reference data (sectors, protection departments, police units, CII designations) is kept by
 * city-wide registrars; a county registrar writes within its county only.
 */
const CITY_ONLY_MUTATIONS = new Set([
  'createSector',
  'updateSector',
  'deleteSector',
  'createProtectionDepartment',
  'updateProtectionDepartment',
  'deleteProtectionDepartment',
  'createPoliceUnit',
  'updatePoliceUnit',
  'deletePoliceUnit',
  'createCriticalInfrastructure',
  'updateCriticalInfrastructure',
  'deleteCriticalInfrastructure',
]);

const forbidden = (message: string) => ({
  errors: [new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } })],
});

/** Mutations only for principals that may write; refused before any resolver (or Cypher) runs. */
const writeGate: Plugin<Context> = {
  onExecute({ args, setResultAndStopExecution }) {
    const operation = getOperationAST(args.document, args.operationName ?? undefined);
    if (operation?.operation !== 'mutation') return;
    const { principal } = args.contextValue;
    if (!principal.canWrite) {
      setResultAndStopExecution(forbidden(`role ${principal.role} may not change the registry`));
      return;
    }
    const cityOnly = operation.selectionSet.selections.find(
      (s) => s.kind === Kind.FIELD && CITY_ONLY_MUTATIONS.has(s.name.value),
    );
    if (cityOnly && cityOnly.kind === Kind.FIELD && !principal.scope.all) {
      setResultAndStopExecution(
        forbidden(
          `${cityOnly.name.value} changes city reference data: city-wide registrars only (you: ${principal.jurisdiction})`,
        ),
      );
    }
  },
};

const authorizationOf = (request: Request) => request.headers.get('authorization');

export function buildApp({ schema, db, config, graphiqlHeaders, explorerDir }: AppOptions): App {
  const verifier = new TokenVerifier(config.auth);
  // Authenticate before the document is parsed: an anonymous caller learns nothing of the
  // schema from validation errors, and pays no parsing. The context reuses the principal.
  const principals = new WeakMap<Request, Principal>();
  const authenticateFirst: Plugin = {
    // onParams: after the audit plugin has seen the request's parameters, before GraphQL parsing.
    async onParams({ request }) {
      principals.set(request, await verifier.authenticate(authorizationOf(request)));
    },
  };
  const graphiql = config.graphiql && !config.hardening.production;
  // One request budget per caller for every route of the app (GraphQL and the CSV download).
  const limit = createRateLimit(config.hardening);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: graphiql
      ? {
          title: '晋城市网络安全等级保护与关基保护登记库 · MLPS/CII registry',
          ...(graphiqlHeaders ? { headers: JSON.stringify(graphiqlHeaders) } : {}),
        }
      : false,
    // GraphiQL's assets come from the package, not a CDN: police networks are often offline.
    renderGraphiQL,
    landingPage: false,
    // hardening's body limit (GRAPHQL_MAX_BODY_BYTES, uploads apart) reads and counts every body;
    // yoga's own 25 MB limit would pipe each body through one more stream for nothing.
    maxRequestBodySize: false,
    // Unexpected errors are masked: no stack, Cypher or host in a response.
    maskedErrors: true,
    context: async ({ request }) =>
      createContext(
        db,
        config,
        principals.get(request) ?? (await verifier.authenticate(authorizationOf(request))),
      ),
    logging: config.logLevel,
    plugins: [
      healthEndpoints(db),
      // Static files of the graph explorer (/explorer): no GraphQL, no registry data.
      explorerPlugin(explorerDir ?? EXPLORER_DIST),
      complianceExportEndpoint(db, config, limit),
      // First, so the deadline and audit wrap the compiled executor.
      compiledExecution(),
      ...hardeningPlugins(config.hardening, limit),
      ...auditPlugins(config.audit, { authenticate: (h) => verifier.authenticate(h) }),
      authenticateFirst,
      writeGate,
      coerceVariablesFirst,
    ],
  });
}
