/**
 * Keyset (cursor) pagination. Every list statement orders by `(sortKey, id)` and takes
 * `$afterKey`, `$afterId` and `$limit`; it is asked for one row more than the page to learn
 * whether a next page exists. A cursor is the opaque base64url form of `[sortKey, id]`.
 */
import { GraphQLError } from 'graphql';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageParams {
  /** Rows to fetch: page size + 1. */
  limit: number;
  pageSize: number;
  afterKey: string | null;
  afterId: string | null;
}

export interface Keyed<T> {
  sortKey: string;
  node: T;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw badArg('after', `"${cursor.slice(0, 40)}" is not a cursor returned by this API`);
}

export function pageParams(args: PageArgs, defaultSize: number, maxSize: number): PageParams {
  if (args.last != null || args.before != null) {
    throw badArg(
      args.last != null ? 'last' : 'before',
      'backward pagination is not supported; use first/after',
    );
  }
  const pageSize = args.first ?? defaultSize;
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > maxSize) {
    throw badArg('first', `must be an integer from 0 to ${maxSize}, got ${pageSize}`);
  }
  const [afterKey, afterId] = args.after ? decodeCursor(args.after) : [null, null];
  return { limit: pageSize + 1, pageSize, afterKey, afterId };
}

export function toConnection<T extends { id: string }>(rows: Keyed<T>[], page: PageParams): Connection<T> {
  const hasNextPage = rows.length > page.pageSize;
  const edges = rows
    .slice(0, page.pageSize)
    .map((r) => ({ cursor: encodeCursor(r.sortKey, r.node.id), node: r.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
