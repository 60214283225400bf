/**
 * The sector map (行业领域全景): `sector(code:)`, and on Sector the operators of its CII
 * (关键信息基础设施运营者), their dedicated security management bodies (专门安全管理机构) and the
 * vendors shared by several of its CII designations. All lists are batched over the sectors of a
 * request and restricted to the caller's jurisdiction.
 */
import { GraphQLError } from 'graphql';
import { toOperator } from '../server/repositories/operators.js';
import {
  ciiOperatorsOfSectors,
  type SectorSecurityBodyRecord,
  type SharedVendorRecord,
  securityBodiesOfSectors,
  sharedVendorsOfSectors,
  toSharedVendor,
} from '../server/repositories/sector-map.js';
import { loadSectorByCode } from '../server/repositories/sectors.js';
import { builder } from './builder.js';
import { groupRows, nestedPage } from './common.js';
import { asOfArg } from './concentration.js';
import { CriticalInfrastructureRef, OperatorRef, SectorRef, VendorRef } from './refs.js';

builder.queryField('sector', (t) =>
  t.field({
    type: SectorRef,
    nullable: true,
    description:
      'A sector by its code (按代码查询行业领域); the same as `sectorByCode`. Public reference data.',
    args: { code: t.arg.string({ required: true, description: 'Sector code, e.g. ENERGY.' }) },
    resolve: (_root, { code }, ctx) => loadSectorByCode(ctx, code.trim().toUpperCase()),
  }),
);

const SectorSecurityBodyRef = builder.objectRef<SectorSecurityBodyRecord>('SectorSecurityBody').implement({
  description:
    "A CII operator of the sector and its dedicated security management body (专门安全管理机构) with the body's head (负责人); null when the operator has recorded none (缺失).",
  fields: (t) => ({
    operator: t.field({
      type: OperatorRef,
      description: 'The CII operator (关键信息基础设施运营者).',
      resolve: (b) => b.operator,
    }),
    securityBody: t.exposeString('securityBody', {
      nullable: true,
      description:
        'Name of the dedicated security management body (专门安全管理机构); null when missing (缺失).',
    }),
    securityHead: t.exposeString('securityHead', {
      nullable: true,
      description: 'Head of the security body (安全管理负责人); null when not recorded.',
    }),
    missing: t.boolean({
      description: 'True when the operator has no security body on record (专门安全管理机构缺失).',
      resolve: (b) => b.securityBody == null || b.securityBody.trim() === '',
    }),
  }),
});

const SectorSharedVendorRef = builder.objectRef<SharedVendorRecord>('SectorSharedVendor').implement({
  description:
    'A vendor serving systems of several CII designations of the sector (跨关基共用的服务机构), directly or through subcontractors of tiers 1–5.',
  fields: (t) => ({
    vendor: t.field({
      type: VendorRef,
      description: 'The network-security service company (网络安全服务机构).',
      resolve: (v) => v.vendor,
    }),
    criticalInfrastructures: t.field({
      type: [CriticalInfrastructureRef],
      description:
        "The sector's CII designations (关键信息基础设施) whose systems it serves, by name; those outside your jurisdiction are left out.",
      resolve: (v) => v.criticalInfrastructures,
    }),
    systems: t.exposeInt('systems', {
      description: "How many of those CII's systems (组成系统) it serves, each once.",
    }),
  }),
});

/** `minCii` of `Sector.sharedVendors`: at least 1. */
function minCiiArg(value: number | null | undefined): number {
  const minCii = value ?? 2;
  if (!Number.isInteger(minCii) || minCii < 1 || minCii > 10_000) {
    throw new GraphQLError(`minCii: must be from 1 to 10000, got ${minCii}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'minCii' },
    });
  }
  return minCii;
}

builder.objectFields(SectorRef, (t) => ({
  ciiOperators: t.connection(
    {
      type: OperatorRef,
      description:
        "Operators of the sector's CII systems (关键信息基础设施运营者) through memberships valid today, each once, by name; only those in your jurisdiction.",
      resolve: (s, args, ctx) =>
        nestedPage(ctx, 'sector.ciiOperators', s.id, args, async (ids, p) =>
          groupRows(await ciiOperatorsOfSectors(ctx, ids, p), toOperator),
        ),
    },
    { name: 'SectorCiiOperatorConnection', description: "A page of a sector's CII operators." },
    { name: 'SectorCiiOperatorEdge', description: "One of a sector's CII operators." },
  ),
  securityBodies: t.field({
    type: [SectorSecurityBodyRef],
    description:
      'The dedicated security management body (专门安全管理机构) of each CII operator of the sector (as in ciiOperators), by operator name; a missing body shows as null.',
    resolve: (s, _args, ctx) =>
      ctx
        .loader<string, SectorSecurityBodyRecord[]>('sector.securityBodies', null, async (ids) => {
          const byParent = await securityBodiesOfSectors(ctx, ids);
          return ids.map((id) => byParent.get(id) ?? []);
        })
        .load(s.id),
  }),
  sharedVendors: t.connection(
    {
      type: SectorSharedVendorRef,
      description:
        'Vendors serving (SERVES, directly or through subcontractors of tiers 1–5, valid at `asOf`) systems of at least `minCii` different CII designations of the sector (共用服务机构); by number of CII descending, then vendor name. Only systems in your jurisdiction count.',
      args: {
        asOf: t.arg({
          type: 'Date',
          description:
            'Date at which every relationship must be valid (有效日期); today in China when absent.',
        }),
        minCii: t.arg.int({
          defaultValue: 2,
          description: 'Least number of different CII designations served (最少关基数), at least 1.',
        }),
      },
      resolve: (s, args, ctx) => {
        const asOf = asOfArg(args.asOf);
        const minCii = minCiiArg(args.minCii);
        return nestedPage(ctx, 'sector.sharedVendors', s.id, { ...args, asOf, minCii }, async (ids, p) =>
          groupRows(await sharedVendorsOfSectors(ctx, ids, asOf, minCii, p), toSharedVendor),
        );
      },
    },
    { name: 'SectorSharedVendorConnection', description: "A page of a sector's shared vendors." },
    { name: 'SectorSharedVendorEdge', description: "One of a sector's shared vendors." },
  ),
}));
