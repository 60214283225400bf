/** Sectors (重要行业和领域). */
import { ciiOfSectors, toCii } from '../server/repositories/cii.js';
import { departmentsOfSectors, toDepartment } from '../server/repositories/departments.js';
import {
  createSector,
  deleteSector,
  listSectors,
  loadSector,
  loadSectorByCode,
  updateSector,
} from '../server/repositories/sectors.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, groupRows, nestedPage, page } from './common.js';
import { CriticalInfrastructureRef, ProtectionDepartmentRef, SectorRef } from './refs.js';

builder.node(SectorRef, {
  description: 'An important sector or field (重要行业和领域) whose CII a protection department identifies.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadSector(ctx, id))),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Sector code (行业领域代码), e.g. ENERGY.' }),
    name: t.exposeString('name', { description: 'Chinese name (名称), e.g. 能源.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    protectionDepartments: t.connection(
      {
        type: ProtectionDepartmentRef,
        description: 'Protection departments responsible for the sector (保护工作部门), by name.',
        resolve: (s, args, ctx) =>
          nestedPage(ctx, 'sector.departments', s.id, args, async (ids, p) =>
            groupRows(await departmentsOfSectors(ctx, ids, p), toDepartment),
          ),
      },
      {
        name: 'SectorProtectionDepartmentConnection',
        description: "A page of a sector's protection departments.",
      },
      { name: 'SectorProtectionDepartmentEdge', description: "One of a sector's protection departments." },
    ),
    criticalInfrastructures: t.connection(
      {
        type: CriticalInfrastructureRef,
        description: 'CII designations of the sector (关键信息基础设施) in your jurisdiction, by name.',
        resolve: (s, args, ctx) =>
          nestedPage(ctx, 'sector.cii', s.id, args, async (ids, p) =>
            groupRows(await ciiOfSectors(ctx, ids, p), toCii),
          ),
      },
      {
        name: 'SectorCriticalInfrastructureConnection',
        description: "A page of a sector's CII designations.",
      },
      { name: 'SectorCriticalInfrastructureEdge', description: "One of a sector's CII designations." },
    ),
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

const CreateSectorInput = builder.inputType('CreateSectorInput', {
  description: 'A new sector (新增重要行业和领域).',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Sector code (行业领域代码), upper-case, unique, e.g. ENERGY.',
    }),
    name: t.string({ required: true, description: 'Chinese name (名称).' }),
    nameEn: t.string({ required: true, description: 'English name.' }),
  }),
});

const UpdateSectorInput = builder.inputType('UpdateSectorInput', {
  description: "Changes to a sector's names; the code does not change. Absent fields stay as they are.",
  fields: (t) => ({
    name: t.string({ description: 'Chinese name (名称).' }),
    nameEn: t.string({ description: 'English name.' }),
  }),
});

builder.mutationFields((t) => ({
  createSector: t.field({
    type: SectorRef,
    description: 'Registers a sector (登记重要行业和领域).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateSectorInput, required: true }) },
    resolve: (_root, { input }, ctx) => createSector(ctx, input),
  }),
  updateSector: t.field({
    type: SectorRef,
    description: "Changes a sector's names (变更行业领域名称).",
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSectorInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateSector(ctx, decodeId(id, 'Sector'), input),
  }),
  deleteSector: t.field({
    type: 'ID',
    description:
      'Deletes a sector that no operator or CII designation is in (删除行业领域). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteSector(ctx, decodeId(id, 'Sector'));
      return id;
    },
  }),
}));
