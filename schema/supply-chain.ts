/**
 * The supply chain of a protected system (供应链): `System.supplyChain(depth, asOf)` lists the vendors
 * serving it and their subcontractors by tier (SUP-1), the persons with access to it and their
 * background checks (SUP-3, CII-3), and the network products it uses with their suppliers (SUP-4).
 * Each part is one batched statement for all systems of a request, run only when asked for.
 */
import { GraphQLError } from 'graphql';
import { todayInChina } from '../server/repositories/common.js';
import {
  SUPPLY_CHAIN_DEPTH,
  type SupplyChainPerson,
  type SupplyChainProduct,
  type SupplyChainVendor,
  supplyChainPersonnel,
  supplyChainProducts,
  supplyChainVendors,
} from '../server/repositories/supply-chain.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder } from './builder.js';
import { AccessKindEnum, CheckStatusEnum } from './personnel.js';
import { PersonRef, ProductRef, SystemRef, VendorRef } from './refs.js';
import { RegistrationStatusEnum, ServiceKindEnum } from './vendors.js';

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** The `asOf` argument: checked (BAD_USER_INPUT naming it when impossible); absent = today in China. */
export function asOfArg(value: string | null | undefined): string {
  if (value == null) return todayInChina();
  const parsed = normalizeIsoDate(value);
  if (!parsed.ok) throw badArg('asOf', parsed.message);
  return parsed.value;
}

function depthArg(value: number | null | undefined): number {
  const n = value ?? SUPPLY_CHAIN_DEPTH.default;
  if (!Number.isInteger(n) || n < SUPPLY_CHAIN_DEPTH.min || n > SUPPLY_CHAIN_DEPTH.max) {
    throw badArg('depth', `must be from ${SUPPLY_CHAIN_DEPTH.min} to ${SUPPLY_CHAIN_DEPTH.max}, got ${n}`);
  }
  return n;
}

interface SupplyChain {
  systemId: string;
  depth: number;
  asOf: string;
}

const SupplyChainVendorRef = builder.objectRef<SupplyChainVendor>('SupplyChainVendor').implement({
  description:
    'A vendor in the supply chain of a system (供应链服务机构): a service company serving it (tier 1) or a subcontractor (分包单位) below one.',
  fields: (t) => ({
    vendor: t.field({ type: VendorRef, description: 'The vendor (服务机构).', resolve: (x) => x.vendor }),
    tier: t.exposeInt('tier', {
      description:
        'Tier (层级): 1 = serves the system directly; n = a subcontractor n-1 subcontracts (分包) below a tier-1 vendor. A vendor reached several ways is listed once, at its smallest tier.',
    }),
    via: t.field({
      type: VendorRef,
      nullable: true,
      description:
        'The contractor (总包/上级分包单位) it is reached through, one tier up (the least by name when several); null at tier 1.',
      resolve: (x) => x.via,
    }),
    serviceKinds: t.field({
      type: [ServiceKindEnum],
      description:
        'Kinds of its own services (服务类型) to this system valid on asOf, sorted; empty for a subcontractor that does not serve the system itself.',
      resolve: (x) => x.serviceKinds,
    }),
    registrationStatus: t.field({
      type: RegistrationStatusEnum,
      description: 'Its registration with the city public security bureau (报备状态), as recorded now.',
      resolve: (x) => x.vendor.registrationStatus,
    }),
  }),
});

const SupplyChainPersonRef = builder.objectRef<SupplyChainPerson>('SupplyChainPerson').implement({
  description:
    'A person with access to the system (系统访问人员) on asOf, with employer and background check.',
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'The person (人员); the name is answered to police roles only.',
      resolve: (x) => x.person,
    }),
    employer: t.field({
      type: VendorRef,
      nullable: true,
      description:
        'The vendor (服务机构) the person works for on asOf (the latest started when several); null for operator staff or without a recorded employment.',
      resolve: (x) => x.employer,
    }),
    accessKinds: t.field({
      type: [AccessKindEnum],
      description: 'Kinds of access (访问方式) valid on asOf.',
      resolve: (x) => x.accessKinds,
    }),
    checkStatus: t.field({
      type: CheckStatusEnum,
      nullable: true,
      description:
        'Outcome of the latest background check (最近一次安全背景审查) done on or before asOf; null when there is none.',
      resolve: (x) => x.checkStatus,
    }),
    checkExpiresOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last valid day of that check (有效期至); null when there is none or it does not expire.',
      resolve: (x) => x.checkExpiresOn,
    }),
    checkValidAsOf: t.boolean({
      nullable: true,
      description:
        'That check PASSED and has not expired on asOf (背景审查在该日有效); false without a check.',
      resolve: (x) => x.checkValidAsOf,
    }),
  }),
});

const SupplyChainProductRef = builder.objectRef<SupplyChainProduct>('SupplyChainProduct').implement({
  description: 'A network product (网络产品) the system uses on asOf, with its suppliers.',
  fields: (t) => ({
    product: t.field({ type: ProductRef, description: 'The product (网络产品).', resolve: (x) => x.product }),
    certification: t.string({
      nullable: true,
      description: 'Its security certification (安全可信认证); null = none (SUP-4).',
      resolve: (x) => x.product.certification,
    }),
    suppliers: t.field({
      type: [VendorRef],
      description: 'Vendors supplying it on asOf (供应商), by name.',
      resolve: (x) => x.suppliers,
    }),
  }),
});

const SupplyChainRef = builder.objectRef<SupplyChain>('SupplyChain').implement({
  description:
    "A system's supply chain on a date (供应链): vendors and subcontractors by tier, personnel with access, products in use. Every relationship counts when valid on asOf (from ≤ asOf ≤ to).",
  fields: (t) => ({
    depth: t.exposeInt('depth', { description: 'Deepest tier followed (最大层级).' }),
    asOf: t.field({ type: 'Date', description: 'The date (基准日期).', resolve: (c) => c.asOf }),
    vendors: t.field({
      type: [SupplyChainVendorRef],
      description:
        'Vendors (服务机构) serving the system and their subcontractors (分包单位) down to `depth`, every subcontract valid on asOf; each once, at its smallest tier; by tier, then name.',
      resolve: (c, _args, ctx) => supplyChainVendors(ctx, c.systemId, c),
    }),
    personnel: t.field({
      type: [SupplyChainPersonRef],
      description: 'Persons with access to the system valid on asOf (系统访问人员), by name.',
      resolve: (c, _args, ctx) => supplyChainPersonnel(ctx, c.systemId, c.asOf),
    }),
    products: t.field({
      type: [SupplyChainProductRef],
      description: 'Network products the system uses on asOf (使用的网络产品), by name.',
      resolve: (c, _args, ctx) => supplyChainProducts(ctx, c.systemId, c.asOf),
    }),
  }),
});

builder.objectField(SystemRef, 'supplyChain', (t) =>
  t.field({
    type: SupplyChainRef,
    description:
      'The supply chain of the system on a date (供应链, SUP-1): vendors with subcontractors by tier, personnel with access, products in use. Batched: the systems of a list share one statement per part.',
    args: {
      depth: t.arg.int({
        defaultValue: SUPPLY_CHAIN_DEPTH.default,
        description: `Deepest tier to follow (最大层级), ${SUPPLY_CHAIN_DEPTH.min}–${SUPPLY_CHAIN_DEPTH.max}: 1 = only vendors serving the system; n adds subcontractors n-1 subcontracts below them. Other values are a BAD_USER_INPUT error.`,
      }),
      asOf: t.arg({
        type: 'Date',
        description: 'The date (基准日期); absent: today in Asia/Shanghai.',
      }),
    },
    resolve: (s, args) => ({ systemId: s.id, depth: depthArg(args.depth), asOf: asOfArg(args.asOf) }),
  }),
);
