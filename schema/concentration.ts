/**
 * Vendor concentration (供应商集中度): network-security service companies ranked by how many
 * protected systems, CII systems and operators they hold access to, directly or through their
 * subcontractors (分包商), at a date. Counts are computed inside the caller's jurisdiction.
 */
import { GraphQLError } from 'graphql';
import type { Context } from '../server/context.js';
import { DIVISION_CODES } from '../server/model.js';
import { todayInChina } from '../server/repositories/common.js';
import {
  type ConcentrationFilter,
  countRankedVendors,
  rankVendors,
  type VendorConcentrationRecord,
} from '../server/repositories/concentration.js';
import { loadSectorByCode, SECTOR_CODE } from '../server/repositories/sectors.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder } from './builder.js';
import { page, totalCountField } from './common.js';
import { VendorRef } from './refs.js';

/** A bad query argument: a GraphQL error (BAD_USER_INPUT) naming the argument. */
function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A query's `asOf` argument: a valid date, today in China when absent. */
export function asOfArg(value: string | null | undefined, argument = 'asOf'): string {
  if (value == null) return todayInChina();
  const parsed = normalizeIsoDate(value);
  if (!parsed.ok) throw badArg(argument, parsed.message);
  return parsed.value;
}

interface ConcentrationArgs {
  sectorCode?: string | null;
  divisionCode?: string | null;
  minLevel?: number | null;
  asOf?: string | null;
}

/** Checks the arguments (an unknown sector is an error, as is a division outside Jincheng). */
async function concentrationFilter(ctx: Context, args: ConcentrationArgs): Promise<ConcentrationFilter> {
  const minLevel = args.minLevel ?? 3;
  if (!Number.isInteger(minLevel) || minLevel < 1 || minLevel > 5) {
    throw badArg('minLevel', `must be from 1 to 5, got ${minLevel}`);
  }
  let divisionCode: string | null = null;
  if (args.divisionCode != null) {
    divisionCode = args.divisionCode.trim();
    if (!(DIVISION_CODES as readonly string[]).includes(divisionCode)) {
      throw badArg(
        'divisionCode',
        `"${args.divisionCode}" is not a division of Jincheng (one of ${DIVISION_CODES.join(', ')})`,
      );
    }
  }
  const asOf = asOfArg(args.asOf);
  let sectorCode: string | null = null;
  if (args.sectorCode != null) {
    sectorCode = args.sectorCode.trim().toUpperCase();
    if (!SECTOR_CODE.test(sectorCode)) {
      throw badArg('sectorCode', `"${args.sectorCode}" is not a sector code (upper-case letters, digits, _)`);
    }
    if (!(await loadSectorByCode(ctx, sectorCode))) {
      throw badArg('sectorCode', `no sector has the code "${sectorCode}"`);
    }
  }
  return { sectorCode, divisionCode, minLevel, asOf };
}

export const VendorConcentrationRef = builder
  .objectRef<VendorConcentrationRecord>('VendorConcentration')
  .implement({
    description:
      'How concentrated access to protected systems is in one vendor (供应商集中度): the systems it can enter directly (服务、人员访问) or through its subcontractors (分包商, tiers 1–5), all relationships valid at the date asked for, counted within your jurisdiction and the filter.',
    fields: (t) => ({
      vendor: t.field({
        type: VendorRef,
        description: 'The network-security service company (网络安全服务机构).',
        resolve: (c) => c.vendor,
      }),
      ciiSystems: t.exposeInt('ciiSystems', {
        description:
          'Systems it reaches that are part of a critical information infrastructure (关键信息基础设施) at the date.',
      }),
      levelOrAboveSystems: t.exposeInt('levelOrAboveSystems', {
        description: 'Systems it reaches whose protection level (安全保护等级) is at least `minLevel`.',
      }),
      operators: t.exposeInt('operators', {
        description: 'Distinct operators (运营者) of the systems it reaches.',
      }),
      systems: t.exposeInt('systems', {
        description: 'All systems (等级保护对象) it reaches, each once.',
      }),
      directSystems: t.exposeInt('directSystems', {
        description:
          'Systems it reaches itself (直接): it serves them (SERVICE) or its staff have access (PERSONNEL_ACCESS).',
      }),
      viaSubcontractorsSystems: t.exposeInt('viaSubcontractorsSystems', {
        description:
          'Systems it reaches through subcontractors of tiers 1–5 (经分包商): SUBCONTRACTOR_SERVICE or SUBCONTRACTOR_PERSONNEL_ACCESS. A system reached both ways counts here and in directSystems.',
      }),
      shareOfSectorCii: t.exposeFloat('shareOfSectorCii', {
        nullable: true,
        description:
          'ciiSystems divided by all CII systems in the filter and your jurisdiction (占关基系统比例), 0..1; null when there are none.',
      }),
      rank: t.exposeInt('rank', {
        description:
          'Rank (排名) by ciiSystems, levelOrAboveSystems and operators, 1 = most concentrated; vendors with the same three counts share a rank (1, 2, 2, 4).',
      }),
    }),
  });

const VendorConcentrationConnection = builder.connectionObject(
  {
    type: VendorConcentrationRef,
    name: 'VendorConcentrationConnection',
    description: 'A page of the vendor concentration ranking.',
    fields: (c) => ({
      totalCount: c.int({
        ...totalCountField,
        description: 'How many vendors reach at least one system in the filter (总数), over all pages.',
      }),
    }),
  },
  { name: 'VendorConcentrationEdge', description: 'A vendor of the ranking.' },
);

builder.queryField('vendorConcentration', (t) =>
  t.connection(
    {
      type: VendorConcentrationRef,
      description:
        'Vendors ranked by how many CII systems, systems of level ≥ minLevel and operators they hold access to (供应商集中度排名) — directly (SERVICE, PERSONNEL_ACCESS) or through subcontractors of tiers 1–5 (SUBCONTRACTOR_SERVICE, SUBCONTRACTOR_PERSONNEL_ACCESS), every relationship valid at `asOf`; network links onward are not followed. Only systems in your jurisdiction count. Ordered by ciiSystems, levelOrAboveSystems, operators (all descending), then vendor name.',
      args: {
        sectorCode: t.arg.string({
          description:
            'Only systems whose operator is in this sector, or that are part of a CII of this sector at `asOf` (行业领域代码), e.g. ENERGY.',
        }),
        divisionCode: t.arg.string({
          description: 'Only systems whose operator is in this division (行政区划代码), e.g. 140522.',
        }),
        minLevel: t.arg.int({
          defaultValue: 3,
          description:
            'Protection level (安全保护等级, 1–5) from which a system counts in levelOrAboveSystems.',
        }),
        asOf: t.arg({
          type: 'Date',
          description:
            'Date at which every relationship must be valid (有效日期); today in China when absent.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const filter = await concentrationFilter(ctx, args);
        let total: number | null = null;
        return page(
          ctx,
          args,
          async (p) => {
            const result = await rankVendors(ctx, filter, p);
            total = result.total;
            return result.rows;
          },
          async () => total ?? countRankedVendors(ctx, filter),
        );
      },
    },
    VendorConcentrationConnection,
  ),
);
