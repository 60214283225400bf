/**
 * Request limits and production-mode switches: every refusal here happens before the context is
 * built, before any resolver runs and so before any Cypher is sent.
 *
 * Order of the plugins (`hardeningPlugins`), cheapest refusal first:
 *   1. rate limit (429 + retry-after; per bearer token, else per client address)
 *   2. CSRF prevention (403 without a non-simple header)
 *   3. body size (413, from content-length or by counting the streamed bytes) and batch refusal (400)
 *   4. trusted documents (when a manifest is configured: only listed documents, by hash)
 *   5. token limit while parsing (400)
 *   6. validation rules: depth, aliases, directives, cost, introspection (400)
 *   7. execution deadline (504 REQUEST_TIMEOUT)
 *   8. production: field suggestions and dev-only error details removed from every response
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLErrorExtensions,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValidationContext,
  valueFromASTUntyped,
} from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { type Env, envReader } from './env.js';

export interface HardeningConfig {
  /** NODE_ENV=production or REGISTRY_MODE=production: no introspection, suggestions or limit values. */
  production: boolean;
  /** GRAPHQL_INTROSPECTION; default: on outside production. */
  introspection: boolean;
  /** GRAPHQL_MAX_DEPTH: nesting of field selections (fragments included). */
  maxDepth: number;
  /** GRAPHQL_MAX_ALIASES (aliases of `__typename` are free). */
  maxAliases: number;
  /** GRAPHQL_MAX_TOKENS: lexical tokens of the document, counted while parsing. */
  maxTokens: number;
  /** GRAPHQL_MAX_DIRECTIVES */
  maxDirectives: number;
  /** GRAPHQL_MAX_COST: see `queryCosts`. */
  maxCost: number;
  /** Page size the cost assumes for a connection without `first`/`last` (DEFAULT_PAGE_SIZE, else 50). */
  defaultPageSize: number;
  /** GRAPHQL_MAX_BODY_BYTES: larger request bodies are refused with 413 before parsing. */
  maxBodyBytes: number;
  /**
   * IMPORT_MAX_UPLOAD_BYTES: largest uploaded file (multipart request, `importInventory(file:)`); a
   * multipart request may carry this plus GRAPHQL_MAX_BODY_BYTES for its operation. JSON requests
   * keep GRAPHQL_MAX_BODY_BYTES.
   */
  maxUploadBytes: number;
  /** RATE_LIMIT_PER_MINUTE per bearer token (anonymous: per client address); 0 turns it off. */
  rateLimitPerMinute: number;
  /** REQUEST_TIMEOUT_MS: execution deadline of one request. */
  requestTimeoutMs: number;
  /** TRUST_PROXY: take the client address from the last X-Forwarded-For entry (behind a proxy). */
  trustProxy: boolean;
  /** TRUSTED_DOCUMENTS_FILE, loaded: id → document. Null: arbitrary documents are accepted. */
  trustedDocuments: ReadonlyMap<string, string> | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a trusted-documents manifest: a JSON object `{ "<id>": "<document>" }`. Ids that are a
 * sha256 (64 hex digits, optionally `sha256:`-prefixed) must be the hash of their document.
 */
export function loadTrustedDocuments(file: string, problems: string[]): Map<string, string> | null {
  const name = `TRUSTED_DOCUMENTS_FILE="${file}"`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${name} must be a readable JSON file: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    problems.push(`${name} must contain a JSON object mapping document hashes to GraphQL documents`);
    return null;
  }
  const documents = new Map<string, string>();
  const before = problems.length;
  for (const [id, document] of Object.entries(manifest)) {
    if (typeof document !== 'string' || !id) {
      problems.push(`${name}: entry "${id}" must map a non-empty id to a GraphQL document string`);
      continue;
    }
    try {
      parse(document);
    } catch (error) {
      problems.push(`${name}: the document of "${id}" does not parse: ${(error as Error).message}`);
      continue;
    }
    const hex = id.startsWith('sha256:') ? id.slice(7) : id;
    if (SHA256_HEX.test(hex.toLowerCase())) {
      const actual = sha256Hex(document);
      if (hex.toLowerCase() !== actual) {
        problems.push(`${name}: "${id}" is not the sha256 of its document (that is ${actual})`);
        continue;
      }
      documents.set(actual, document);
    }
    documents.set(id, document);
  }
  if (problems.length === before && documents.size === 0) {
    problems.push(`${name} lists no document: every request would be refused`);
  }
  return documents;
}

export function loadHardeningConfig(env: Env, problems: string[]): HardeningConfig {
  const { int, bool } = envReader(env, problems);

  const mode = env.REGISTRY_MODE;
  if (mode !== undefined && mode !== '' && !['production', 'development', 'test'].includes(mode)) {
    problems.push(`REGISTRY_MODE="${mode}" must be one of production, development, test`);
  }
  const production = env.NODE_ENV === 'production' || mode === 'production';
  const pageSize = Number(env.DEFAULT_PAGE_SIZE);
  const file = env.TRUSTED_DOCUMENTS_FILE?.trim() || null;

  return {
    production,
    introspection: bool('GRAPHQL_INTROSPECTION', !production),
    // 15: four nested Relay connections (3 levels each: field, edges, node) plus a leaf and an
    // object hop; operators → systems → vendors → personnel alone is depth 13.
    maxDepth: int('GRAPHQL_MAX_DEPTH', 15, 1, 100),
    // Aliases batch look-ups (`a: node(id: …) b: node(id: …)`); 30 still stops an alias bomb.
    maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0, 1_000),
    maxTokens: int('GRAPHQL_MAX_TOKENS', 2_000, 50, 100_000),
    maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0, 1_000),
    maxCost: int('GRAPHQL_MAX_COST', 200_000, 1, 1_000_000_000),
    // DEFAULT_PAGE_SIZE itself is checked by loadConfig; the cost only borrows it.
    defaultPageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : 50,
    maxBodyBytes: int('GRAPHQL_MAX_BODY_BYTES', 100_000, 1_024, 25_000_000),
    maxUploadBytes: int('IMPORT_MAX_UPLOAD_BYTES', 20_000_000, 1_024, 1_000_000_000),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 20_000, 10, 600_000),
    trustProxy: bool('TRUST_PROXY', false),
    trustedDocuments: file ? loadTrustedDocuments(file, problems) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Cost

export interface CostOptions {
  /** The request's variables (`first: $n` is priced with the value sent). */
  variables?: Readonly<Record<string, unknown>> | null;
  /** Price only this operation (the one that will run); all operations when absent. */
  operationName?: string | null;
  /** Page size assumed for a connection without `first`/`last` (and no schema default). */
  defaultPageSize?: number;
}

export interface OperationCost {
  operation: OperationDefinitionNode;
  cost: number;
}

const HOP_ARGUMENTS = ['maxHops', 'depth'];
const PAGE_ARGUMENTS = ['first', 'last'];

function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

/**
 * The cost of each operation: a scalar field costs 1, a field with a selection 1 + its children.
 * The children's cost is multiplied by the page size when the field returns a `…Connection` type
 * (`first`, else `last`, else the argument's schema default, else `defaultPageSize`), and by
 * 2^n for an integer argument `maxHops` or `depth` (n = its value, else its schema default).
 * Fragments are priced where they are spread (each fragment computed once); a spread inside a
 * fragment cycle counts 0 (validation rejects the cycle anyway).
 */
export function queryCosts(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: CostOptions = {},
): OperationCost[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const defaultPageSize = options.defaultPageSize ?? 50;
  const sent = options.variables ?? {};
  const selected = options.operationName
    ? operations.filter((o) => o.name?.value === options.operationName)
    : operations;

  return selected.map((operation) => {
    const variables: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (sent[name] !== undefined) variables[name] = sent[name];
      else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
    }
    const fragmentCost = new Map<string, number>();
    const visiting = new Set<string>();

    const argument = (field: FieldNode, def: GraphQLField<unknown, unknown> | undefined, name: string) => {
      const node = field.arguments?.find((a) => a.name.value === name);
      const given =
        node === undefined
          ? undefined
          : node.value.kind === Kind.VARIABLE
            ? variables[node.value.name.value]
            : valueFromASTUntyped(node.value, variables);
      return asInt(given) ?? asInt(def?.args.find((a) => a.name === name)?.defaultValue);
    };

    const fieldDef = (parent: GraphQLNamedType | undefined, name: string) => {
      if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
      if (parent && parent === schema.getQueryType()) {
        if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
        if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
      }
      return parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[name]
        : undefined;
    };

    // A field that takes `first` but returns an object holding the connection (vendorReach →
    // systems) pages that connection: `inherited` carries its page size down to it.
    const fieldCost = (
      field: FieldNode,
      parent: GraphQLNamedType | undefined,
      inherited?: number,
    ): number => {
      if (!field.selectionSet) return 1;
      const def = fieldDef(parent, field.name.value);
      const type = def ? getNamedType(def.type) : undefined;
      const page = PAGE_ARGUMENTS.map((a) => argument(field, def, a)).find((v) => v !== undefined);
      let multiplier = 1;
      let passDown: number | undefined;
      if (type?.name.endsWith('Connection')) multiplier *= Math.max(0, page ?? inherited ?? defaultPageSize);
      else if (page !== undefined) passDown = page;
      for (const name of HOP_ARGUMENTS) {
        const hops = argument(field, def, name);
        if (hops !== undefined) multiplier *= 2 ** Math.min(Math.max(0, hops), 1_100);
      }
      const children = selectionCost(field.selectionSet, type, passDown);
      return 1 + (multiplier === 0 ? 0 : multiplier * children);
    };

    const selectionCost = (
      set: SelectionSetNode,
      parent: GraphQLNamedType | undefined,
      inherited?: number,
    ): number => {
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent, inherited);
        else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          cost += selectionCost(selection.selectionSet, type ?? undefined, inherited);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          // Fragments are memoised per inherited page size (almost always none).
          const memoKey = `${name}\u0000${inherited ?? ''}`;
          let known = fragmentCost.get(memoKey);
          if (known === undefined) {
            visiting.add(name);
            known = selectionCost(
              fragment.selectionSet,
              schema.getType(fragment.typeCondition.name.value) ?? undefined,
              inherited,
            );
            visiting.delete(name);
            fragmentCost.set(memoKey, known);
          }
          cost += known;
        }
      }
      return cost;
    };

    const root = schema.getRootType(operation.operation) ?? undefined;
    return { operation, cost: selectionCost(operation.selectionSet, root) };
  });
}

// ---------------------------------------------------------------------------------------------
// Errors

function refusal(message: string, code: string, extensions: GraphQLErrorExtensions = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

const httpRefusal = (
  status: number,
  message: string,
  code: string,
  headers?: Record<string, string>,
): GraphQLError => refusal(message, code, { http: { status, ...(headers ? { headers } : {}) } });

// ---------------------------------------------------------------------------------------------
// Plugins

/** The client address: the socket's (node http), or the last X-Forwarded-For hop behind a proxy. */
export function clientAddress(
  request: Request,
  serverContext: Record<string, unknown> | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const hops = request.headers.get('x-forwarded-for')?.split(',') ?? [];
    const last = hops[hops.length - 1]?.trim();
    if (last) return last;
  }
  const req = serverContext?.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? 'unknown';
}

/** Rate-limit key: the sha256 of the Authorization header, else the client address. */
export function rateLimitKey(
  request: Request,
  serverContext: Record<string, unknown> | undefined,
  trustProxy: boolean,
): string {
  const authorization = request.headers.get('authorization');
  return authorization
    ? `token:${sha256Hex(authorization)}`
    : `address:${clientAddress(request, serverContext, trustProxy)}`;
}

/** The per-minute request budget of RATE_LIMIT_PER_MINUTE, one per app, shared by all its routes. */
export interface RateLimit {
  /** Takes one request from `key`'s budget: null when allowed (or limiting is off), else the seconds until the next one is. */
  consume(key: string): Promise<number | null>;
}

export function createRateLimit(config: HardeningConfig): RateLimit {
  if (config.rateLimitPerMinute <= 0) return { consume: async () => null };
  const limiter = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
    },
  };
}

function rateLimit(config: HardeningConfig, limit: RateLimit): Plugin {
  if (config.rateLimitPerMinute <= 0) return {};
  return {
    async onRequestParse({ request, serverContext }) {
      const seconds = await limit.consume(rateLimitKey(request, serverContext, config.trustProxy));
      if (seconds !== null) {
        throw httpRefusal(
          429,
          `rate limit of ${config.rateLimitPerMinute} requests per minute exceeded; retry in ${seconds} s`,
          'RATE_LIMITED',
          { 'retry-after': String(seconds) },
        );
      }
    },
  };
}

/** Headers that a browser cannot add to a cross-site "simple" request without a CORS preflight. */
export const CSRF_HEADERS = ['x-graphql-client', 'x-graphql-yoga-csrf', 'apollo-require-preflight'];

/**
 * yoga's CSRF prevention: a request passes when its content-type is not one a plain HTML form can
 * send (application/json does), or when it carries one of CSRF_HEADERS (a GET has no content-type,
 * so a GET needs the header). The plugin's bare 403 gets a message and a code.
 */
function csrfPrevention(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw httpRefusal(
          403,
          `a GraphQL request must be sent with Content-Type: application/json (POST) or carry an ${CSRF_HEADERS[0]} header (GET): cross-site request protection`,
          'CSRF_HEADER_REQUIRED',
        );
      }
    },
  };
}

function bodyTooLarge(limit: number, size?: number): GraphQLError {
  return httpRefusal(
    413,
    size === undefined
      ? `request body exceeds the maximum of ${limit} bytes`
      : `request body of ${size} bytes exceeds the maximum of ${limit} bytes`,
    'REQUEST_ENTITY_TOO_LARGE',
  );
}

/** Reads a body, refusing once more than `limit` bytes have arrived. */
async function readLimited(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether a request is a GraphQL multipart request (a file upload). */
const isMultipart = (request: Request) =>
  request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data') === true;

function uploadTooLarge(limit: number, uploadLimit: number, size?: number): GraphQLError {
  return httpRefusal(
    413,
    `upload request${size === undefined ? '' : ` of ${size} bytes`} exceeds the maximum of ${limit} bytes (an uploaded file may have ${uploadLimit} bytes, IMPORT_MAX_UPLOAD_BYTES)`,
    'REQUEST_ENTITY_TOO_LARGE',
  );
}

/** A body stream that fails once more than `limit` bytes have passed (nothing is buffered here). */
function countedBody(body: ReadableStream<Uint8Array>, limit: number, error: () => Error) {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(error());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * 413 before parsing: by content-length, and by counting the bytes of a body without one. A
 * multipart request (an upload) may carry `uploadLimit` more bytes; its body is counted as it streams
 * to yoga's multipart parser instead of being read into memory first.
 */
function bodyLimit(limit: number, uploadLimit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      const declared = length !== null && /^\d+$/.test(length.trim()) ? Number(length) : null;
      if (isMultipart(request)) {
        const max = uploadLimit + limit;
        if (declared !== null && declared > max) throw uploadTooLarge(max, uploadLimit, declared);
        if (!requestParser || !request.body) return;
        const parser = requestParser;
        setRequestParser(async (req) =>
          parser(
            new fetchAPI.Request(req.url, {
              method: req.method,
              headers: req.headers,
              body: req.body ? countedBody(req.body, max, () => uploadTooLarge(max, uploadLimit)) : null,
              duplex: 'half',
            } as RequestInit),
          ),
        );
        return;
      }
      if (declared !== null && declared > limit) throw bodyTooLarge(limit, declared);
      if (!requestParser || !request.body) return;
      const parser = requestParser;
      setRequestParser(async (req) => {
        // An announced length bounds the body (HTTP framing: Node's parser reads exactly that many
        // bytes), so it is read whole, the fetch implementation's fast path; the size is checked
        // again for in-process callers. Without one, chunks are counted as they arrive.
        const bytes =
          declared !== null
            ? new Uint8Array(await req.arrayBuffer())
            : req.body
              ? await readLimited(req.body, limit)
              : null;
        if (bytes && bytes.byteLength > limit) throw bodyTooLarge(limit, bytes.byteLength);
        return parser(
          new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }),
        );
      });
    },
  };
}

/** A JSON array body (a batch) is refused whatever yoga's `batching` option says. */
const noBatching: Plugin = {
  onRequestParse() {
    return {
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult)) {
          throw httpRefusal(
            400,
            'batched requests (a JSON array of operations) are not accepted: send one operation per request',
            'BATCHING_NOT_SUPPORTED',
          );
        }
      },
    };
  },
};

/** The id a trusted-document request names: `extensions.persistedQuery.sha256Hash` or `documentId`. */
export function trustedDocumentId(params: GraphQLParams): string | null {
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  if (typeof persisted?.sha256Hash === 'string') return persisted.sha256Hash;
  const documentId = (params as { documentId?: unknown }).documentId;
  return typeof documentId === 'string' ? documentId : null;
}

function trustedDocuments(documents: ReadonlyMap<string, string>): Plugin {
  const required = {
    message:
      'only trusted documents are accepted: send extensions.persistedQuery.sha256Hash or documentId instead of a query',
    extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 400 } },
  };
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params) => trustedDocumentId(params),
    getPersistedOperation: (id) => {
      const lower = id.toLowerCase();
      const hex = lower.startsWith('sha256:') ? lower.slice(7) : lower;
      return documents.get(id) ?? documents.get(hex) ?? null;
    },
    customErrors: {
      persistedQueryOnly: required,
      keyNotFound: required,
      notFound: (payload) =>
        httpRefusal(
          400,
          `document "${trustedDocumentId(payload.params)}" is not a trusted document`,
          'TRUSTED_DOCUMENT_NOT_FOUND',
        ),
    },
  }) as Plugin;
}

/** Token limit while parsing (graphql-armor's counting lexer), with a clear error. */
function maxTokens(n: number, expose: boolean): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        let exceeded = false;
        const onReject: GraphQLArmorRejectCallback[] = [
          () => {
            exceeded = true;
          },
        ];
        try {
          return new MaxTokensParserWLexer(source, {
            ...options,
            n,
            exposeLimits: true,
            onReject,
            propagateOnRejection: true,
          }).parseDocument();
        } catch (error) {
          if (!exceeded) throw error;
          throw httpRefusal(
            400,
            expose
              ? `query document has more than the maximum of ${n} tokens`
              : 'query document has more tokens than allowed',
            'MAX_TOKENS_EXCEEDED',
          );
        }
      });
    },
  };
}

/**
 * graphql-armor's depth/aliases/directives rules, reporting our own message (the armor one reads
 * "Syntax Error: …") through the validation context, so that yoga answers 400 like any validation
 * error. The armor error is only read for the count it found.
 */
function armorReport(
  what: (found: string) => string,
  hidden: string,
  code: string,
  expose: boolean,
): GraphQLArmorRejectCallback[] {
  return [
    (context, armorError) => {
      const found = /found (\d+)/.exec(armorError.message)?.[1] ?? '?';
      (context as ValidationContext | null)?.reportError(refusal(expose ? what(found) : hidden, code));
    },
  ];
}

function armorRules(config: HardeningConfig): Plugin[] {
  const expose = !config.production;
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthPlugin({
      ...common,
      n: config.maxDepth,
      onReject: armorReport(
        (found) => `query depth ${found} exceeds the maximum of ${config.maxDepth}`,
        'query depth exceeds the maximum allowed',
        'MAX_DEPTH_EXCEEDED',
        expose,
      ),
    }),
    maxAliasesPlugin({
      ...common,
      n: config.maxAliases,
      onReject: armorReport(
        (found) => `query uses ${found} aliases, more than the maximum of ${config.maxAliases}`,
        'query uses more aliases than allowed',
        'MAX_ALIASES_EXCEEDED',
        expose,
      ),
    }),
    maxDirectivesPlugin({
      ...common,
      n: config.maxDirectives,
      onReject: armorReport(
        (found) => `query uses ${found} directives, more than the maximum of ${config.maxDirectives}`,
        'query uses more directives than allowed',
        'MAX_DIRECTIVES_EXCEEDED',
        expose,
      ),
    }),
  ] as Plugin[];
}

/**
 * The cost limit as a validation rule. The cost depends on the variables, and yoga caches
 * validation results by document and rule names: the rule is named after its verdict, so a cached
 * result is only reused for a request with the same verdict.
 */
function costLimit(config: HardeningConfig): Plugin {
  return {
    onValidate({ params: { schema, documentAST }, context, addValidationRule }) {
      const params = (context as { params?: GraphQLParams }).params;
      const over = queryCosts(schema, documentAST, {
        variables: params?.variables ?? null,
        operationName: params?.operationName ?? null,
        defaultPageSize: config.defaultPageSize,
      }).filter((c) => c.cost > config.maxCost);
      const rule = (validation: ValidationContext) => {
        for (const { operation, cost } of over) {
          validation.reportError(
            new GraphQLError(`query cost ${cost} exceeds the maximum of ${config.maxCost}`, {
              nodes: operation,
              extensions: { code: 'COST_LIMIT_EXCEEDED', cost, maxCost: config.maxCost },
            }),
          );
        }
        return {};
      };
      const verdict = over.map((c) => `${c.operation.name?.value ?? ''}=${c.cost}`).join(',');
      Object.defineProperty(rule, 'name', { value: verdict ? `CostLimit(${verdict})` : 'CostLimit' });
      addValidationRule(rule);
    },
  };
}

/**
 * Execution deadline: past `ms`, the request is answered with REQUEST_TIMEOUT and the execution's
 * abort signal stops further resolvers (each Neo4j transaction has its own timeout).
 */
function deadline(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const controller = new AbortController();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            const error = httpRefusal(504, `request exceeded the time limit of ${ms} ms`, 'REQUEST_TIMEOUT');
            controller.abort(error);
            resolve({ errors: [error] });
          }, ms);
        });
        const running = Promise.resolve(executeFn({ ...args, signal: controller.signal } as typeof args));
        return Promise.race([running, timedOut]).finally(() => clearTimeout(timer));
      });
    },
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Production: no "Did you mean" in any error (validation ones are handled by graphql-armor; this
 * also covers variable coercion at execution) and no `originalError` details even if yoga runs in
 * development mode.
 */
const productionErrors: Plugin = {
  onExecutionResult({ result, setResult }) {
    if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
    const errors = result.errors.map((e) => {
      const {
        originalError: _drop,
        stack: _stack,
        ...extensions
      } = (e.extensions ?? {}) as Record<string, unknown>;
      return new GraphQLError(e.message.replace(SUGGESTION, ''), {
        nodes: e.nodes ?? null,
        source: e.source ?? null,
        positions: e.positions ?? null,
        path: e.path ?? null,
        extensions,
      });
    });
    setResult({ ...result, errors });
  },
};

/** The yoga plugins of `config`, to be placed before authentication and audit. */
export function hardeningPlugins(
  config: HardeningConfig,
  limit: RateLimit = createRateLimit(config),
): Plugin[] {
  return [
    rateLimit(config, limit),
    csrfPrevention(),
    bodyLimit(config.maxBodyBytes, config.maxUploadBytes),
    noBatching,
    ...(config.trustedDocuments ? [trustedDocuments(config.trustedDocuments)] : []),
    maxTokens(config.maxTokens, !config.production),
    ...armorRules(config),
    costLimit(config),
    ...(config.introspection ? [] : [useDisableIntrospection({ isDisabled: () => true }) as Plugin]),
    ...(config.production ? [blockFieldSuggestionsPlugin({ mask: '' }) as Plugin, productionErrors] : []),
    deadline(config.requestTimeoutMs),
  ];
}
