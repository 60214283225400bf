/**
 * The explorer's only way to the registry: `POST /graphql` with the caller's bearer token, one of
 * the operations of operations.ts and its variables. A server that accepts trusted documents only
 * answers TRUSTED_DOCUMENT_REQUIRED: from then on the page sends the operation's sha256 (from the
 * trusted-documents manifest the build ships next to the page) instead of its text.
 */
import { OPERATIONS, type OperationName } from './operations.js';

const TOKEN_KEY = 'mlps-explorer-token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export interface Claims {
  sub?: string;
  role?: string;
  division?: string;
  sectors?: string[];
  operator?: string;
  exp?: number;
}

/** The token's claims, decoded for display only (the server verifies the token on every request). */
export function decodeClaims(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

let hashes: Promise<Map<string, string>> | null = null;

/** document → sha256, from the manifest next to the page; empty when it cannot be read. */
function documentHashes(): Promise<Map<string, string>> {
  hashes ??= fetch('./trusted-documents.json', { credentials: 'omit' })
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : ({} as Record<string, string>)))
    .then((manifest) => new Map<string, string>(Object.entries(manifest).map(([hash, text]) => [text, hash])))
    .catch(() => new Map<string, string>());
  return hashes as Promise<Map<string, string>>;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Set once the server answered TRUSTED_DOCUMENT_REQUIRED: from then on, send hashes only. */
let trustedOnly = false;

async function post<T>(name: OperationName, variables: Record<string, unknown>, token: string) {
  const query = OPERATIONS[name];
  const sha256Hash = trustedOnly ? (await documentHashes()).get(query) : undefined;
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'omit',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(
      sha256Hash
        ? { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }
        : { query, operationName: name, variables },
    ),
  });
  let body: GraphQLResponse<T> = {};
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    // a non-JSON answer (a proxy's error page): the status says enough
  }
  return { response, body };
}

export async function request<T>(name: OperationName, variables: Record<string, unknown>): Promise<T> {
  const token = storedToken();
  if (!token) throw new ApiError('not signed in', 401, 'UNAUTHENTICATED');
  let { response, body } = await post<T>(name, variables, token);
  if (!trustedOnly && body.errors?.[0]?.extensions?.code === 'TRUSTED_DOCUMENT_REQUIRED') {
    // A production server that runs trusted documents only: the build's manifest has our hashes.
    trustedOnly = true;
    ({ response, body } = await post<T>(name, variables, token));
  }
  const first = body.errors?.[0];
  if (!response.ok || first || body.data == null) {
    throw new ApiError(
      first?.message ?? `HTTP ${response.status}`,
      response.status,
      first?.extensions?.code ?? null,
    );
  }
  return body.data;
}
