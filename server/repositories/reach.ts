/**
 * Vendor reach (供应链可达性分析) and exposure paths (暴露面到关键系统的路径): one traversal statement
 * per request, each a bounded quantified-path ALL SHORTEST search that returns distinct targets.
 */
import type { Context } from '../context.js';
import { reach as q } from '../cypher.generated.js';
import type { Keyed, PageParams } from '../pagination.js';
import { keysetParams } from './common.js';

/** Entry channels in tie-break order (the statement's `rank` is the index here). */
export const CHANNELS_BY_RANK = [
  'SERVICE',
  'PERSONNEL_ACCESS',
  'PRODUCT',
  'SUBCONTRACTOR_SERVICE',
  'SUBCONTRACTOR_PERSONNEL_ACCESS',
] as const;
export type ReachChannelValue = (typeof CHANNELS_BY_RANK)[number];

export const MAX_HOPS = 6;
export type Hops = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One relationship of an explaining path, in path order (from the vendor or exposure onwards). */
export interface ReachHopRow {
  kind: string;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  /** The stored relationship points from `to` to `from` (WORKS_FOR and USES are walked backwards). */
  reversed: boolean;
  validFrom: string | null;
  validTo: string | null;
  /** SERVES / HAS_ACCESS kind. */
  relKind: string | null;
  /** SERVES remote flag. */
  remote: boolean | null;
  protocol: string | null;
  port: number | null;
}

export interface ReachedRow {
  /** Database id of the reached system. */
  id: string;
  hops: number;
  entryChannel: ReachChannelValue;
  remoteEntry: boolean;
  isCii: boolean;
  sectorCode: string | null;
  path: ReachHopRow[];
}

export interface ReachCount {
  key: string | null;
  count: number;
}

export interface ReachSummaryRow {
  systems: number;
  ciiSystems: number;
  levelThreeOrAbove: number;
  remoteEntries: number;
  bySector: ReachCount[];
  byLevel: ReachCount[];
  byDivision: ReachCount[];
}

export interface VendorReachArgs {
  vendorId: string;
  maxHops: Hops;
  via: readonly ReachChannelValue[];
  asOf: string;
}

/**
 * The statement variant for a hop limit. Neo4j 5.26 rejects a `{0,0}` quantifier ("must not be
 * limited by 0"), so the variants are 1..6 and the statements keep paths of length <= `$maxHops`:
 * the 0-hop question runs the 1-hop search and drops the 1-hop targets.
 */
const variant = (maxHops: Hops) => Math.max(1, maxHops) as Exclude<Hops, 0>;

const EMPTY_SUMMARY: ReachSummaryRow = {
  systems: 0,
  ciiSystems: 0,
  levelThreeOrAbove: 0,
  remoteEntries: 0,
  bySector: [],
  byLevel: [],
  byDivision: [],
};

const toHops = (path: unknown): ReachHopRow[] =>
  ((path as Record<string, unknown>[] | null) ?? []).map((h) => ({
    kind: String(h.kind),
    fromType: String(h.fromType),
    fromId: String(h.fromId),
    toType: String(h.toType),
    toId: String(h.toId),
    reversed: h.reversed === true,
    validFrom: (h.validFrom as string | null) ?? null,
    validTo: (h.validTo as string | null) ?? null,
    relKind: (h.relKind as string | null) ?? null,
    remote: typeof h.remote === 'boolean' ? h.remote : null,
    protocol: (h.protocol as string | null) ?? null,
    port: (h.port as number | null) ?? null,
  }));

/**
 * The systems a vendor reaches: ONE statement answers both the summary (over every reached system
 * in scope) and the keyset page (ordered by hops, name, id) with each row's explaining path.
 */
export async function vendorReach(
  ctx: Context,
  args: VendorReachArgs,
  page: PageParams,
): Promise<{ summary: ReachSummaryRow; rows: Keyed<ReachedRow>[] }> {
  const [row] = await ctx.db.run(q.vendorReach[variant(args.maxHops)], {
    maxHops: args.maxHops,
    vendorId: args.vendorId,
    via: args.via,
    asOf: args.asOf,
    scope: ctx.principal.scope,
    ...keysetParams(page),
  });
  if (!row) return { summary: EMPTY_SUMMARY, rows: [] };
  const rows = (row.page as Record<string, unknown>[]).map((r) => ({
    sortKey: String(r.sortKey),
    node: {
      id: String(r.id),
      hops: Number(r.hops),
      entryChannel: CHANNELS_BY_RANK[Number(r.rank)] ?? 'SERVICE',
      remoteEntry: r.remote === true,
      isCii: r.isCii === true,
      sectorCode: (r.sectorCode as string | null) ?? null,
      path: toHops(r.path),
    },
  }));
  return { summary: row.summary as ReachSummaryRow, rows };
}

export interface ExposurePathRow {
  /** `exposureId/targetId`: the row's key for cursors. */
  id: string;
  exposureId: string;
  targetId: string;
  hops: number;
  path: ReachHopRow[];
}

export interface ExposurePathArgs {
  maxHops: Hops;
  minLevel: number;
  ciiOnly: boolean;
  asOf: string;
}

/** Internet exposures leading to critical systems: one statement per page. */
export async function exposurePaths(
  ctx: Context,
  args: ExposurePathArgs,
  page: PageParams,
): Promise<Keyed<ExposurePathRow>[]> {
  const rows = await ctx.db.run(q.exposurePaths[variant(args.maxHops)], {
    maxHops: args.maxHops,
    minLevel: args.minLevel,
    ciiOnly: args.ciiOnly,
    asOf: args.asOf,
    scope: ctx.principal.scope,
    ...keysetParams(page),
  });
  return rows.map((r) => ({
    sortKey: String(r.sortKey),
    node: {
      id: String(r.id),
      exposureId: String(r.exposureId),
      targetId: String(r.targetId),
      hops: Number(r.hops),
      path: toHops(r.path),
    },
  }));
}
