/**
 * Store functions for the supply chain of a protected system (供应链): the vendors serving it and their
 * subcontractors by tier, the persons with access to it, and the products it uses, all as of a date.
 * Each part is one statement for all systems of a request level (batched through DataLoader).
 */

import type { Context } from '../context.js';
import { supplyChain as q } from '../cypher.generated.js';
import type {
  AccessKind,
  CheckStatus,
  PersonRecord,
  ProductRecord,
  ServiceKind,
  VendorRecord,
} from '../model.js';
import type { Row } from '../neo4j.js';
import { toOptional } from './common.js';
import { toPerson } from './persons.js';
import { toProduct } from './products.js';
import { toVendor } from './vendors.js';

/** Allowed `depth` (deepest tier followed): tier 1 serves the system, tier n is n-1 subcontracts below. */
export const SUPPLY_CHAIN_DEPTH = { min: 1, max: 5, default: 3 } as const;

export interface SupplyChainVendor {
  vendor: VendorRecord;
  /** 1 = serves the system directly; n = a subcontractor n-1 SUBCONTRACTS_TO hops below a tier-1 vendor. */
  tier: number;
  /** The contractor it is reached through (null at tier 1). */
  via: VendorRecord | null;
  /** Its own SERVES kinds to the system valid at the date (empty for a subcontractor that does not serve it). */
  serviceKinds: ServiceKind[];
}

export interface SupplyChainPerson {
  person: PersonRecord;
  /** The vendor the person works for at the date; null for operator staff (or no employment). */
  employer: VendorRecord | null;
  accessKinds: AccessKind[];
  /** Latest background check done on or before the date; null when none. */
  checkStatus: CheckStatus | null;
  checkExpiresOn: string | null;
  /** That check PASSED and has not expired at the date (false without a check). */
  checkValidAsOf: boolean;
}

export interface SupplyChainProduct {
  product: ProductRecord;
  /** Vendors supplying it at the date, by name. */
  suppliers: VendorRecord[];
}

/** Parameters shared by the three parts: the date, and the depth for vendors. */
export interface SupplyChainArgs {
  depth: number;
  asOf: string;
}

function toChainVendor(node: unknown): SupplyChainVendor {
  const x = node as Row;
  return {
    vendor: toVendor(x.vendor),
    tier: Number(x.tier),
    via: toOptional(x.via, toVendor),
    serviceKinds: (x.serviceKinds as ServiceKind[] | null) ?? [],
  };
}

function toChainPerson(node: unknown): SupplyChainPerson {
  const x = node as Row;
  return {
    person: toPerson(x.person),
    employer: toOptional(x.employer, toVendor),
    accessKinds: (x.accessKinds as AccessKind[] | null) ?? [],
    checkStatus: (x.checkStatus as CheckStatus | null) ?? null,
    checkExpiresOn: (x.checkExpiresOn as string | null) ?? null,
    checkValidAsOf: x.checkValidAsOf === true,
  };
}

function toChainProduct(node: unknown): SupplyChainProduct {
  const x = node as Row;
  return {
    product: toProduct(x.product),
    suppliers: ((x.suppliers as unknown[] | null) ?? []).map(toVendor),
  };
}

/** One part for a system through the request's DataLoader `name`: rows `{parentId, rows}` → lists. */
function loadPart<T>(
  ctx: Context,
  name: string,
  args: unknown,
  systemId: string,
  run: (ids: readonly string[]) => Promise<Row[]>,
  toItem: (node: unknown) => T,
): Promise<T[]> {
  return ctx
    .loader<string, T[]>(name, args, async (ids) => {
      const rows = await run(ids);
      const byParent = new Map(rows.map((r) => [r.parentId as string, (r.rows as unknown[]).map(toItem)]));
      return ids.map((id) => byParent.get(id) ?? []);
    })
    .load(systemId);
}

function checkDepth(depth: number): 1 | 2 | 3 | 4 | 5 {
  if (!Number.isInteger(depth) || depth < SUPPLY_CHAIN_DEPTH.min || depth > SUPPLY_CHAIN_DEPTH.max) {
    throw new RangeError(`depth must be from ${SUPPLY_CHAIN_DEPTH.min} to ${SUPPLY_CHAIN_DEPTH.max}`);
  }
  return depth as 1 | 2 | 3 | 4 | 5;
}

/**
 * The vendors of a system's supply chain at `asOf`, tiers 1..depth, each once at its smallest tier,
 * ordered by tier then name. The statement variant has the literal subcontract bound max(depth - 1, 1).
 */
export function supplyChainVendors(
  ctx: Context,
  systemId: string,
  { depth, asOf }: SupplyChainArgs,
): Promise<SupplyChainVendor[]> {
  const d = checkDepth(depth);
  const statement = q.vendors[Math.max(d - 1, 1) as 1 | 2 | 3 | 4];
  return loadPart(
    ctx,
    'supplyChain.vendors',
    { depth: d, asOf },
    systemId,
    (ids) => ctx.db.run(statement, { scope: ctx.principal.scope, parentIds: ids, asOf, depth: d }),
    toChainVendor,
  );
}

/** The persons with access to a system at `asOf`, with employer and background-check state, by name. */
export function supplyChainPersonnel(ctx: Context, systemId: string, asOf: string) {
  return loadPart(
    ctx,
    'supplyChain.personnel',
    { asOf },
    systemId,
    (ids) => ctx.db.run(q.personnel, { scope: ctx.principal.scope, parentIds: ids, asOf }),
    toChainPerson,
  );
}

/** The products a system uses at `asOf`, with their suppliers at that date, by name. */
export function supplyChainProducts(ctx: Context, systemId: string, asOf: string) {
  return loadPart(
    ctx,
    'supplyChain.products',
    { asOf },
    systemId,
    (ids) => ctx.db.run(q.products, { scope: ctx.principal.scope, parentIds: ids, asOf }),
    toChainProduct,
  );
}
