/**
 * Vendor concentration (供应商集中度): which network-security service companies hold access to the
 * most protected systems — directly (SERVICE, PERSONNEL_ACCESS) or through subcontractors of tiers
 * 1..5 (SUBCONTRACTOR_SERVICE, SUBCONTRACTOR_PERSONNEL_ACCESS) — with every relationship valid at
 * the date asked for. Counts are computed inside the caller's scope, never filtered afterwards.
 */

import type { Context } from '../context.js';
import { concentration as q } from '../cypher.generated.js';
import type { VendorRecord } from '../model.js';
import type { Keyed, PageParams } from '../pagination.js';
import { keysetParams, totalOf } from './common.js';
import { toVendor } from './vendors.js';

export interface ConcentrationFilter {
  /** Upper-case sector code (validated by the caller), or null for every sector. */
  sectorCode: string | null;
  /** Division code (validated by the caller), or null for the whole scope. */
  divisionCode: string | null;
  /** Protection level from which a system counts in `levelOrAboveSystems` (1..5). */
  minLevel: number;
  /** Date (YYYY-MM-DD) at which relationships must be valid. */
  asOf: string;
}

export interface VendorConcentrationRecord {
  /** The vendor's id (the keyset id of the ranking). */
  id: string;
  vendor: VendorRecord;
  ciiSystems: number;
  levelOrAboveSystems: number;
  operators: number;
  systems: number;
  directSystems: number;
  viaSubcontractorsSystems: number;
  shareOfSectorCii: number | null;
  rank: number;
}

export function toConcentration(node: unknown): VendorConcentrationRecord {
  const n = node as Record<string, unknown>;
  return {
    id: n.id as string,
    vendor: toVendor(n.vendor),
    ciiSystems: n.ciiSystems as number,
    levelOrAboveSystems: n.levelOrAboveSystems as number,
    operators: n.operators as number,
    systems: n.systems as number,
    directSystems: n.directSystems as number,
    viaSubcontractorsSystems: n.viaSubcontractorsSystems as number,
    shareOfSectorCii: (n.shareOfSectorCii as number | null) ?? null,
    rank: n.rank as number,
  };
}

function filterParams(ctx: Context, f: ConcentrationFilter) {
  return {
    scope: ctx.principal.scope,
    asOf: f.asOf,
    sectorCode: f.sectorCode,
    divisionCode: f.divisionCode,
  };
}

/**
 * One page of the ranking, with the number of ranked vendors when the page has a row (every row of
 * the statement carries it), null otherwise.
 */
export async function rankVendors(
  ctx: Context,
  filter: ConcentrationFilter,
  page: PageParams,
): Promise<{ rows: Keyed<VendorConcentrationRecord>[]; total: number | null }> {
  const rows = await ctx.db.run(q.page, {
    ...filterParams(ctx, filter),
    minLevel: filter.minLevel,
    ...keysetParams(page),
  });
  return {
    rows: rows.map((r) => ({ sortKey: r.sortKey as string, node: toConcentration(r.node) })),
    total: rows.length ? (rows[0]?.total as number) : null,
  };
}

/** How many vendors the ranking holds (over all pages). */
export async function countRankedVendors(ctx: Context, filter: ConcentrationFilter): Promise<number> {
  return totalOf(await ctx.db.run(q.count, filterParams(ctx, filter)));
}
