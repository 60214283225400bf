/**
 * Vendor reach (供应链可达性分析): which protected systems a vendor can reach through its services,
 * its staff's access, its products and its subcontractors, then network links; and the paths from
 * internet exposures (互联网暴露面) to critical systems.
 */
import { GraphQLError } from 'graphql';
import type { Context } from '../server/context.js';
import type { SystemRecord, VendorRecord } from '../server/model.js';
import { pageParams, toConnection } from '../server/pagination.js';
import { todayInChina } from '../server/repositories/common.js';
import { loadExposure } from '../server/repositories/exposures.js';
import { loadPerson } from '../server/repositories/persons.js';
import { loadProduct } from '../server/repositories/products.js';
import {
  CHANNELS_BY_RANK,
  type ExposurePathRow,
  exposurePaths,
  type Hops,
  MAX_HOPS,
  type ReachCount,
  type ReachedRow,
  type ReachHopRow,
  type ReachSummaryRow,
  vendorReach,
} from '../server/repositories/reach.js';
import { loadSystem } from '../server/repositories/systems.js';
import { loadVendor } from '../server/repositories/vendors.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder } from './builder.js';
import { decodeId, encodeGlobalID, enumValues, page } from './common.js';
import { ExposureRef, SystemRef, VendorRef } from './refs.js';

export const REACH_CHANNELS = [
  'SERVICE',
  'PERSONNEL_ACCESS',
  'SUBCONTRACTOR_SERVICE',
  'SUBCONTRACTOR_PERSONNEL_ACCESS',
  'PRODUCT',
] as const;
export type ReachChannel = (typeof REACH_CHANNELS)[number];

export const ReachChannelEnum = builder.enumType('ReachChannel', {
  description: 'How a vendor enters a protected system (进入渠道).',
  values: enumValues<ReachChannel>({
    SERVICE: 'The vendor serves the system directly (服务).',
    PERSONNEL_ACCESS: "The vendor's staff have access to the system (人员访问).",
    SUBCONTRACTOR_SERVICE: 'A subcontractor (tiers 1–5) serves the system (分包服务).',
    SUBCONTRACTOR_PERSONNEL_ACCESS: "A subcontractor's staff have access to the system (分包人员访问).",
    PRODUCT: 'The system uses a product the vendor supplies (产品供应).',
  }),
});

// ---------------------------------------------------------------------------------------------------
// Arguments

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

function checkHops(maxHops: number | null | undefined): Hops {
  const n = maxHops ?? 2;
  if (!Number.isInteger(n) || n < 0 || n > MAX_HOPS) {
    throw badArg('maxHops', `must be from 0 to ${MAX_HOPS}, got ${n}`);
  }
  return n as Hops;
}

function checkAsOf(asOf: string | null | undefined): string {
  if (asOf == null) return todayInChina();
  const parsed = normalizeIsoDate(asOf);
  if (!parsed.ok) throw badArg('asOf', parsed.message);
  return parsed.value;
}

const HOPS_DESCRIPTION =
  'Network links (CONNECTS_TO, 系统互联) followed after the entry, 0–6 (default 2); 7 or more is a BAD_USER_INPUT error.';
const AS_OF_DESCRIPTION =
  'Date at which every relationship must be valid (查询日期); default today in Asia/Shanghai.';

// ---------------------------------------------------------------------------------------------------
// Path nodes and hops

interface PathNode {
  type: string;
  /** Database id; the API shows the global id only when the node is visible. */
  dbId: string;
}

interface VisibleNode {
  id: string | null;
  name: string | null;
}

/** Looks a path node up through the scoped DataLoaders (one batch per type for the whole page). */
async function visibleNode(ctx: Context, node: PathNode): Promise<VisibleNode> {
  const hidden = { id: null, name: null };
  switch (node.type) {
    case 'System': {
      const s = await loadSystem(ctx, node.dbId);
      return s ? { id: encodeGlobalID('System', s.id), name: s.name } : hidden;
    }
    case 'Vendor': {
      const v = await loadVendor(ctx, node.dbId);
      return v ? { id: encodeGlobalID('Vendor', v.id), name: v.name } : hidden;
    }
    case 'Person': {
      const p = await loadPerson(ctx, node.dbId);
      if (!p) return hidden;
      return { id: encodeGlobalID('Person', p.id), name: ctx.principal.seesPersonalData ? p.name : null };
    }
    case 'Product': {
      const p = await loadProduct(ctx, node.dbId);
      return p ? { id: encodeGlobalID('Product', p.id), name: p.name } : hidden;
    }
    case 'Exposure': {
      const e = await loadExposure(ctx, node.dbId);
      return e ? { id: encodeGlobalID('Exposure', e.id), name: `${e.ip}:${e.port}/${e.protocol}` } : hidden;
    }
    default:
      return hidden;
  }
}

const ReachPathNodeRef = builder.objectRef<PathNode>('ReachPathNode').implement({
  description:
    'A node on an explaining path (路径节点). Nodes outside your jurisdiction are placeholders: only `type`, with `id` and `name` null.',
  fields: (t) => ({
    type: t.exposeString('type', {
      description: 'Kind of node (节点类型): Vendor, Person, Product, System or Exposure.',
    }),
    id: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id (全局标识); null outside your jurisdiction.',
      resolve: async (n, _args, ctx) => (await visibleNode(ctx, n)).id,
    }),
    name: t.string({
      nullable: true,
      description:
        'Name (名称); null outside your jurisdiction, and for a person (人员) unless your role sees personal data. An exposure is named ip:port/protocol.',
      resolve: async (n, _args, ctx) => (await visibleNode(ctx, n)).name,
    }),
  }),
});

function hopDetail(h: ReachHopRow): string | null {
  switch (h.kind) {
    case 'SERVES':
      return h.relKind ? `${h.relKind}${h.remote ? ' remote' : ''}` : null;
    case 'HAS_ACCESS':
      return h.relKind;
    case 'CONNECTS_TO':
      return h.protocol ? `${h.protocol}${h.port != null ? `/${h.port}` : ''}` : null;
    default:
      return null;
  }
}

const ReachHopRef = builder.objectRef<ReachHopRow>('ReachHop').implement({
  description:
    'One relationship of an explaining path (路径环节), in path order: `from` is nearer the vendor (or exposure), `to` nearer the system.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'Relationship type (关系类型): SERVES, SUBCONTRACTS_TO, WORKS_FOR, HAS_ACCESS, SUPPLIES, USES, CONNECTS_TO (EXPOSES on exposure paths).',
    }),
    from: t.field({
      type: ReachPathNodeRef,
      description: 'The node the hop leaves (起点).',
      resolve: (h) => ({ type: h.fromType, dbId: h.fromId }),
    }),
    to: t.field({
      type: ReachPathNodeRef,
      description: 'The node the hop arrives at (终点).',
      resolve: (h) => ({ type: h.toType, dbId: h.toId }),
    }),
    reversed: t.exposeBoolean('reversed', {
      description:
        'True when the stored relationship points from `to` to `from` (WORKS_FOR: person → vendor; USES: system → product).',
    }),
    validFrom: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day the relationship is in force (生效日期); null for EXPOSES.',
      resolve: (h) => h.validFrom,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day in force (终止日期, inclusive); null while in force.',
      resolve: (h) => h.validTo,
    }),
    detail: t.string({
      nullable: true,
      description:
        'Detail (详情): the service kind for SERVES (with " remote" when flagged remote), the access kind for HAS_ACCESS, protocol/port for CONNECTS_TO; null otherwise.',
      resolve: hopDetail,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Vendor reach

const ReachedSystemRef = builder.objectRef<ReachedRow>('ReachedSystem').implement({
  description:
    'A protected system a vendor reaches (可达系统), with one shortest explaining path: fewest network hops, then channel order SERVICE, PERSONNEL_ACCESS, PRODUCT, SUBCONTRACTOR_SERVICE, SUBCONTRACTOR_PERSONNEL_ACCESS, then fewer entry hops, then lowest ids.',
  fields: (t) => ({
    system: t.field({
      type: SystemRef,
      description: 'The system (等级保护对象); its operator and division through its own fields.',
      resolve: async (r, _args, ctx) => {
        const system = await loadSystem(ctx, r.id);
        if (!system) throw new Error(`reached system ${r.id} not visible`);
        return system;
      },
    }),
    hops: t.exposeInt('hops', {
      description: 'Network links (CONNECTS_TO) followed after the entry (跳数); 0 = entered directly.',
    }),
    entryChannel: t.field({
      type: ReachChannelEnum,
      description: 'How the explaining path enters the first system (进入渠道).',
      resolve: (r) => r.entryChannel,
    }),
    remoteEntry: t.exposeBoolean('remoteEntry', {
      description:
        'The explaining path enters remotely (远程进入): a SERVES flagged remote or of kind REMOTE_OPERATIONS, or a HAS_ACCESS of kind REMOTE.',
    }),
    path: t.field({
      type: [ReachHopRef],
      description: 'The explaining path (可达路径) from the vendor to the system.',
      resolve: (r) => r.path,
    }),
    protectionLevel: t.int({
      nullable: true,
      description: 'Security protection level (安全保护等级) of the system.',
      resolve: async (r, _args, ctx) => (await loadSystem(ctx, r.id))?.protectionLevel ?? null,
    }),
    isCii: t.exposeBoolean('isCii', {
      description: 'Part of a critical information infrastructure (关基) at the query date (`asOf`).',
    }),
    sectorCode: t.exposeString('sectorCode', {
      nullable: true,
      description: "Sector code (行业领域): its CII's at the query date, else its operator's.",
    }),
  }),
});

const ReachCountRef = builder.objectRef<ReachCount>('ReachCount').implement({
  description: 'How many reached systems share a key (分组计数).',
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description:
        'The group (分组): a sector code, a protection level ("1"–"5") or a division code; null when not recorded.',
    }),
    count: t.exposeInt('count', { description: 'Systems in the group (数量).' }),
  }),
});

const ReachSummaryRef = builder.objectRef<ReachSummaryRow>('ReachSummary').implement({
  description: 'Totals over ALL reached systems in your jurisdiction (汇总), not only the page.',
  fields: (t) => ({
    systems: t.exposeInt('systems', { description: 'Reached systems (可达系统数).' }),
    ciiSystems: t.exposeInt('ciiSystems', {
      description: 'Of them, part of a CII at the query date (关基系统数).',
    }),
    levelThreeOrAbove: t.exposeInt('levelThreeOrAbove', {
      description: 'Of them, protection level 3 or higher (三级及以上).',
    }),
    remoteEntries: t.exposeInt('remoteEntries', {
      description: 'Of them, those whose explaining path enters remotely (远程进入).',
    }),
    bySector: t.field({
      type: [ReachCountRef],
      description: 'By sector (按行业领域): the CII sector, else the operator sector; ordered by key.',
      resolve: (s) => s.bySector,
    }),
    byLevel: t.field({
      type: [ReachCountRef],
      description: 'By protection level (按保护等级), ordered by key.',
      resolve: (s) => s.byLevel,
    }),
    byDivision: t.field({
      type: [ReachCountRef],
      description: "By the operator's division (按行政区划), ordered by key.",
      resolve: (s) => s.byDivision,
    }),
  }),
});

const ReachedSystemConnection = builder.connectionObject(
  {
    type: ReachedSystemRef,
    name: 'ReachedSystemConnection',
    description: 'A page of reached systems, by hops, then system name, then id.',
  },
  { name: 'ReachedSystemEdge', description: 'A reached system in a page.' },
);

interface VendorReachResult {
  vendor: VendorRecord;
  maxHops: number;
  asOf: string;
  summary: ReachSummaryRow;
  systems: ReturnType<typeof toConnection<ReachedRow>>;
}

const VendorReachRef = builder.objectRef<VendorReachResult>('VendorReach').implement({
  description:
    'What a vendor can reach (供应商可达范围) at a date: the systems entered through its services, staff access, products and subcontractors (tiers 1–5), then network links.',
  fields: (t) => ({
    vendor: t.field({ type: VendorRef, description: 'The vendor (供应商).', resolve: (r) => r.vendor }),
    maxHops: t.exposeInt('maxHops', { description: 'Network hops followed (最大跳数).' }),
    asOf: t.field({ type: 'Date', description: 'The query date (查询日期).', resolve: (r) => r.asOf }),
    summary: t.field({ type: ReachSummaryRef, description: 'Totals (汇总).', resolve: (r) => r.summary }),
    systems: t.field({
      type: ReachedSystemConnection,
      description: 'The reached systems (可达系统), paged by the `first`/`after` of `vendorReach`.',
      resolve: (r) => r.systems,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Exposure paths

const ExposurePathRef = builder.objectRef<ExposurePathRow>('ExposurePath').implement({
  description:
    'A path from an internet exposure to a critical system (暴露面至关键系统路径): the shortest one for this pair.',
  fields: (t) => ({
    exposure: t.field({
      type: ExposureRef,
      description: 'The internet exposure (互联网暴露面).',
      resolve: async (r, _args, ctx) => {
        const exposure = await loadExposure(ctx, r.exposureId);
        if (!exposure) throw new Error(`exposure ${r.exposureId} not visible`);
        return exposure;
      },
    }),
    target: t.field({
      type: SystemRef,
      description: 'The critical system reached (目标系统): CII, or of the level asked for.',
      resolve: async (r, _args, ctx) => {
        const system: SystemRecord | null = await loadSystem(ctx, r.targetId);
        if (!system) throw new Error(`target system ${r.targetId} not visible`);
        return system;
      },
    }),
    hops: t.exposeInt('hops', {
      description:
        'Network links (CONNECTS_TO) from the exposed system (跳数); 0 = the exposed system itself.',
    }),
    path: t.field({
      type: [ReachHopRef],
      description: 'The path (路径): EXPOSES, then the network links.',
      resolve: (r) => r.path,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Query fields

builder.queryFields((t) => ({
  vendorReach: t.field({
    type: VendorReachRef,
    nullable: true,
    description:
      'The protected systems a vendor can reach (供应商可达性分析) in your jurisdiction; null when the vendor is unknown or not visible to you.',
    args: {
      vendorId: t.arg.id({ required: true, description: 'Global id of the vendor (供应商).' }),
      maxHops: t.arg.int({ defaultValue: 2, description: HOPS_DESCRIPTION }),
      via: t.arg({
        type: [ReachChannelEnum],
        description: 'Only these entry channels (进入渠道); absent: all of them.',
      }),
      asOf: t.arg({ type: 'Date', description: AS_OF_DESCRIPTION }),
      first: t.arg.int({ description: 'Page size of `systems` (每页条数).' }),
      after: t.arg.string({ description: 'Cursor after which `systems` starts (`endCursor`).' }),
    },
    resolve: async (_root, args, ctx) => {
      const maxHops = checkHops(args.maxHops);
      const asOf = checkAsOf(args.asOf);
      const params = pageParams(args, ctx.config.defaultPageSize, ctx.config.maxPageSize);
      const via = args.via ? CHANNELS_BY_RANK.filter((c) => args.via?.includes(c)) : [...CHANNELS_BY_RANK];
      let vendorId: string;
      try {
        vendorId = decodeId(args.vendorId, 'Vendor', 'vendorId');
      } catch {
        throw badArg('vendorId', `"${args.vendorId.slice(0, 60)}" is not the id of a Vendor`);
      }
      const vendor = await loadVendor(ctx, vendorId);
      if (!vendor) return null;
      const { summary, rows } = await vendorReach(ctx, { vendorId, maxHops, via, asOf }, params);
      return { vendor, maxHops, asOf, summary, systems: toConnection(rows, params) };
    },
  }),
  exposurePaths: t.connection(
    {
      type: ExposurePathRef,
      description:
        'Internet exposures (互联网暴露面) from which a CII system or one of level ≥ minLevel is reachable within maxHops network links, one row per (exposure, target) with the shortest path; ordered by hops, exposure address, then target name. Both the exposed system and the target are in your jurisdiction.',
      args: {
        maxHops: t.arg.int({ defaultValue: 2, description: HOPS_DESCRIPTION }),
        minLevel: t.arg.int({
          defaultValue: 3,
          description:
            'Targets of at least this protection level (最低保护等级), 1–5; CII systems always count.',
        }),
        ciiOnly: t.arg.boolean({
          defaultValue: false,
          description: 'Only CII systems (仅关基) as targets, whatever their level.',
        }),
        asOf: t.arg({ type: 'Date', description: AS_OF_DESCRIPTION }),
      },
      resolve: (_root, args, ctx) => {
        const maxHops = checkHops(args.maxHops);
        const asOf = checkAsOf(args.asOf);
        const minLevel = args.minLevel ?? 3;
        if (!Number.isInteger(minLevel) || minLevel < 1 || minLevel > 5) {
          throw badArg('minLevel', `must be from 1 to 5, got ${minLevel}`);
        }
        const ciiOnly = args.ciiOnly ?? false;
        return page(ctx, args, (p) => exposurePaths(ctx, { maxHops, minLevel, ciiOnly, asOf }, p));
      },
    },
    { name: 'ExposurePathConnection', description: 'A page of exposure paths.' },
    { name: 'ExposurePathEdge', description: 'An exposure path in a page.' },
  ),
}));
