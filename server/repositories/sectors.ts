/** Store functions for sectors (重要行业和领域): public reference data. */

import type { Context } from '../context.js';
import { sectors as q } from '../cypher.generated.js';
import type { SectorRecord } from '../model.js';
import type { Keyed, PageParams } from '../pagination.js';
import { toRecord } from './common.js';

export const SECTOR_FIELDS = [
  'id',
  'code',
  'name',
  'nameEn',
] as const satisfies readonly (keyof SectorRecord)[];
export const toSector = (node: unknown) => toRecord<SectorRecord>(node, SECTOR_FIELDS);

export function loadSectorByCode(ctx: Context, code: string): Promise<SectorRecord | null> {
  return ctx
    .loader<string, SectorRecord | null>('sector.byCode', null, async (codes) => {
      const rows = await ctx.db.run(q.byCodes, { codes });
      const found = new Map(rows.map((r) => [(r.node as SectorRecord).code, toSector(r.node)]));
      return codes.map((c) => found.get(c) ?? null);
    })
    .load(code);
}

export async function listSectors(ctx: Context, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    afterKey: page.afterKey,
    afterId: page.afterId,
    limit: page.limit,
  });
  return rows.map((r): Keyed<SectorRecord> => ({ sortKey: r.sortKey as string, node: toSector(r.node) }));
}
