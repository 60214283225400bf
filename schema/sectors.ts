/** Sectors (重要行业和领域). */
import { listSectors, loadSectorByCode } from '../server/repositories/sectors.js';
import { builder } from './builder.js';
import { page } from './common.js';
import { SectorRef } from './refs.js';

builder.node(SectorRef, {
  description: 'An important sector or field (重要行业和领域) whose CII a protection department identifies.',
  id: { resolve: (s) => s.id },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Sector code (行业领域代码), e.g. ENERGY.' }),
    name: t.exposeString('name', { description: 'Chinese name (名称), e.g. 能源.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
  }),
});

builder.queryFields((t) => ({
  sectors: t.connection(
    {
      type: SectorRef,
      description: 'All sectors (行业领域), by code. Public reference data.',
      resolve: (_root, args, ctx) => page(ctx, args, (p) => listSectors(ctx, p)),
    },
    { name: 'SectorConnection', description: 'A page of sectors.' },
    { name: 'SectorEdge', description: 'A sector in a page.' },
  ),
  sectorByCode: t.field({
    type: SectorRef,
    nullable: true,
    description: 'A sector by its code (按代码查询行业领域).',
    args: { code: t.arg.string({ required: true, description: 'Sector code, e.g. ENERGY.' }) },
    resolve: (_root, { code }, ctx) => loadSectorByCode(ctx, code.trim().toUpperCase()),
  }),
}));
