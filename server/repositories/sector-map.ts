/**
 * The sector map (行业领域全景): for each sector, the operators of its CII (关键信息基础设施运营者),
 * their dedicated security management bodies (专门安全管理机构) and the vendors shared by several of
 * its CII designations. Every function runs one statement for all the sectors of a batch, in the
 * caller's scope.
 */

import type { Context } from '../context.js';
import { sectorMap as q } from '../cypher.generated.js';
import type { CriticalInfrastructureRecord, OperatorRecord, VendorRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { toCii } from './cii.js';
import { keysetParams, todayInChina } from './common.js';
import { toOperator } from './operators.js';
import { toVendor } from './vendors.js';

/** Distinct operators of each sector's CII systems (memberships valid today), one page each. */
export function ciiOperatorsOfSectors(ctx: Context, sectorIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.ciiOperators, {
    scope: ctx.principal.scope,
    parentIds: sectorIds,
    today: todayInChina(),
    ...keysetParams(page),
  });
}

export interface SectorSecurityBodyRecord {
  operator: OperatorRecord;
  securityBody: string | null;
  securityHead: string | null;
}

/** The security body of every CII operator of each sector (memberships valid today), by operator name. */
export async function securityBodiesOfSectors(
  ctx: Context,
  sectorIds: readonly string[],
): Promise<Map<string, SectorSecurityBodyRecord[]>> {
  const rows = await ctx.db.run(q.securityBodies, {
    scope: ctx.principal.scope,
    parentIds: sectorIds,
    today: todayInChina(),
  });
  return new Map(
    rows.map((r) => [
      r.parentId as string,
      (r.operators as unknown[]).map((node) => {
        const operator = toOperator(node);
        return { operator, securityBody: operator.securityBody, securityHead: operator.securityHead };
      }),
    ]),
  );
}

export interface SharedVendorRecord {
  /** The vendor's id (the keyset id of the list). */
  id: string;
  vendor: VendorRecord;
  /** The sector's CII designations whose systems the vendor serves, by name then id. */
  criticalInfrastructures: CriticalInfrastructureRecord[];
  systems: number;
}

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function toSharedVendor(node: unknown): SharedVendorRecord {
  const n = node as Record<string, unknown>;
  return {
    id: n.id as string,
    vendor: toVendor(n.vendor),
    criticalInfrastructures: (n.criticalInfrastructures as unknown[]).map(toCii).sort(byNameThenId),
    systems: n.systems as number,
  };
}

/**
 * Vendors serving (directly or through subcontractors of tiers 1..5, valid at `asOf`) systems of at
 * least `minCii` CII designations of each sector; one page each.
 */
export function sharedVendorsOfSectors(
  ctx: Context,
  sectorIds: readonly string[],
  asOf: string,
  minCii: number,
  page: PageParams,
) {
  return ctx.db.run(q.sharedVendors, {
    scope: ctx.principal.scope,
    parentIds: sectorIds,
    asOf,
    minCii,
    ...keysetParams(page),
  });
}
