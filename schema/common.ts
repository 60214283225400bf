/** Helpers shared by the domain modules: page arguments, lazy totals, enums, global ids. */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../server/context.js';
import { NotFoundError } from '../server/errors.js';
import {
  type Connection,
  type Keyed,
  type PageArgs,
  type PageParams,
  pageParams,
  toConnection,
} from '../server/pagination.js';

/** Runs a keyset page fetch with the request's page limits and shapes the Relay connection. */
export async function page<T extends { id: string }>(
  ctx: Context,
  args: PageArgs,
  fetch: (p: ReturnType<typeof pageParams>) => Promise<Keyed<T>[]>,
  count?: () => Promise<number>,
): Promise<Connection<T> & { totalCount?: () => Promise<number> }> {
  const params = pageParams(args, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const rows = params.pageSize === 0 ? [] : await fetch(params);
  return { ...toConnection(rows, params), ...(count ? { totalCount: count } : {}) };
}

/** `totalCount` field for root connections: the count statement runs only when asked for. */
export const totalCountField = {
  description: 'How many objects match the filter in your jurisdiction (总数), over all pages.',
  resolve: (parent: unknown) => {
    const count = (parent as { totalCount?: () => Promise<number> }).totalCount;
    return count ? count() : 0;
  },
};

/** Pothos enum values with descriptions from a `value → description` table. */
export function enumValues<const V extends string>(table: Record<V, string>) {
  return Object.fromEntries(
    Object.entries(table).map(([k, d]) => [k, { value: k, description: d as string }]),
  ) as {
    [K in V]: { value: K; description: string };
  };
}

/**
 * The database id inside a global id of the expected type. A malformed id or one of another type
 * answers NotFoundError on that field, like a missing object.
 */
export function decodeId(globalId: string, typename: string, field = 'id'): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename && decoded.id) return decoded.id;
  } catch {
    // fall through
  }
  throw new NotFoundError(field, globalId, typename);
}

export { encodeGlobalID };

/**
 * A nested connection (e.g. `Operator.systems`) resolved through the request's DataLoader: all
 * parents asking with the same arguments share one batched statement. `fetch` gets every parent id
 * of the batch and returns each parent's rows, ordered by `(sortKey, id)`, at most `p.limit` each.
 */
export async function nestedPage<T extends { id: string }>(
  ctx: Context,
  loaderName: string,
  parentId: string,
  args: PageArgs & Record<string, unknown>,
  fetch: (parentIds: readonly string[], p: PageParams) => Promise<Map<string, Keyed<T>[]>>,
): Promise<Connection<T>> {
  const params = pageParams(args, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  if (params.pageSize === 0) return toConnection([], params);
  const loader = ctx.loader<string, Keyed<T>[]>(loaderName, args, async (ids) => {
    const byParent = await fetch(ids, params);
    return ids.map((id) => byParent.get(id) ?? []);
  });
  return toConnection(await loader.load(parentId), params);
}

/** Rows of a batched nested statement (`RETURN parentId, rows`) → a map by parent. */
export function groupRows<T>(
  rows: Record<string, unknown>[],
  toNode: (node: unknown) => T,
): Map<string, Keyed<T>[]> {
  return new Map(
    rows.map((r) => [
      r.parentId as string,
      (r.rows as { sortKey: string; node: unknown }[]).map((x) => ({
        sortKey: String(x.sortKey),
        node: toNode(x.node),
      })),
    ]),
  );
}
