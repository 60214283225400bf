/**
 * Critical information infrastructure (关键信息基础设施, CII): designations, the systems that are
 * part of them (CiiMembership), the protection departments (保护工作部门) that identify them and
 * the police units (公安机关) they are reported to.
 */
import { GraphQLError } from 'graphql';
import { DIVISIONS } from '../server/model.js';
import {
  addMembership,
  type CiiFilter,
  ciiOfDepartments,
  countCii,
  createCii,
  deleteCii,
  endMembership,
  listCii,
  loadCii,
  loadMembership,
  membershipsOfCii,
  membershipsOfSystems,
  operatorsOfCii,
  toCii,
  toMembership,
  updateCii,
} from '../server/repositories/cii.js';
import {
  countDepartments,
  createDepartment,
  deleteDepartment,
  listDepartments,
  loadDepartment,
  updateDepartment,
} from '../server/repositories/departments.js';
import { toOperator } from '../server/repositories/operators.js';
import {
  countPoliceUnits,
  createPoliceUnit,
  deletePoliceUnit,
  listPoliceUnits,
  loadPoliceUnit,
  loadPoliceUnitByDivision,
  updatePoliceUnit,
} from '../server/repositories/police-units.js';
import { loadSectorByCode, sectorsOfDepartments, toSector } from '../server/repositories/sectors.js';
import { loadSystem } from '../server/repositories/systems.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, groupRows, nestedPage, page, totalCountField } from './common.js';
import {
  CriticalInfrastructureRef,
  MembershipRef,
  OperatorRef,
  PoliceUnitRef,
  ProtectionDepartmentRef,
  SectorRef,
  SystemRef,
} from './refs.js';

/** A bad query argument (not a mutation input): a GraphQL error naming the argument. */
function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** The `activeOn` argument of windowed nested lists: a valid date or null (all, history included). */
function activeOnArg(value: string | null | undefined): string | null {
  if (value == null) return null;
  const parsed = normalizeIsoDate(value);
  if (!parsed.ok) throw badArg('activeOn', parsed.message);
  return parsed.value;
}

const activeOnDescription =
  'Only those valid on this date (有效日期): from ≤ date ≤ to. Absent: all, history included.';

// CII memberships ---------------------------------------------------------------------------------

builder.node(MembershipRef, {
  description:
    'A system being part of a critical information infrastructure (关键信息基础设施组成系统) for a validity window.',
  id: { resolve: (m) => m.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadMembership(ctx, id))),
  fields: (t) => ({
    system: t.field({
      type: SystemRef,
      description: 'The protected system (等级保护对象) that is part of the CII.',
      resolve: async (m, _args, ctx) => {
        const system = await loadSystem(ctx, m.systemId);
        if (!system) throw new Error(`system ${m.systemId} of membership ${m.id} not visible`);
        return system;
      },
    }),
    criticalInfrastructure: t.field({
      type: CriticalInfrastructureRef,
      description: 'The critical information infrastructure (关键信息基础设施).',
      resolve: async (m, _args, ctx) => {
        const cii = await loadCii(ctx, m.ciiId);
        if (!cii) throw new Error(`CII ${m.ciiId} of membership ${m.id} not visible`);
        return cii;
      },
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day of the membership (起始日期).',
      resolve: (m) => m.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last valid day (截止日期, inclusive); null while in force.',
      resolve: (m) => m.to,
    }),
  }),
});

const CiiMembershipConnection = builder.connectionObject(
  { type: MembershipRef, name: 'CiiMembershipConnection', description: 'A page of CII memberships.' },
  { name: 'CiiMembershipEdge', description: 'A CII membership in a page.' },
);

builder.objectField(SystemRef, 'criticalInfrastructures', (t) =>
  t.connection(
    {
      type: MembershipRef,
      description:
        'The critical information infrastructures (关键信息基础设施) the system is part of, as memberships with their windows, by CII name.',
      args: { activeOn: t.arg({ type: 'Date', description: activeOnDescription }) },
      resolve: (s, args, ctx) => {
        const activeOn = activeOnArg(args.activeOn);
        return nestedPage(ctx, 'system.ciiMemberships', s.id, { ...args, activeOn }, async (ids, p) =>
          groupRows(await membershipsOfSystems(ctx, ids, activeOn, p), toMembership),
        );
      },
    },
    CiiMembershipConnection,
  ),
);

// CII designations --------------------------------------------------------------------------------

builder.node(CriticalInfrastructureRef, {
  description:
    'A critical information infrastructure (关键信息基础设施, 关基) identified (认定) by the protection department of its sector.',
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadCii(ctx, id))),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the CII (关键信息基础设施名称).' }),
    sectorCode: t.exposeString('sectorCode', { description: 'Sector code (行业领域代码), e.g. ENERGY.' }),
    sector: t.field({
      type: SectorRef,
      description: 'The important sector or field (重要行业和领域) of the CII.',
      resolve: async (c, _args, ctx) => {
        const sector = await loadSectorByCode(ctx, c.sectorCode);
        if (!sector) throw new Error(`sector ${c.sectorCode} of CII ${c.id} missing`);
        return sector;
      },
    }),
    identifiedBy: t.field({
      type: ProtectionDepartmentRef,
      description: 'The protection department (保护工作部门) that identified (认定) the CII.',
      resolve: async (c, _args, ctx) => {
        const department = await loadDepartment(ctx, c.departmentId);
        if (!department) throw new Error(`department of CII ${c.id} missing`);
        return department;
      },
    }),
    identifiedOn: t.field({
      type: 'Date',
      description: 'Date of identification (认定日期).',
      resolve: (c) => c.identifiedOn,
    }),
    operatorNotifiedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date the operator was notified of the result (通知运营者日期).',
      resolve: (c) => c.operatorNotifiedOn,
    }),
    policeNotifiedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date the result was reported to the public security organ (报告公安机关日期).',
      resolve: (c) => c.policeNotifiedOn,
    }),
    systems: t.connection(
      {
        type: MembershipRef,
        description:
          'Systems that are part of the CII (组成系统), as memberships with their windows, by system name. Systems outside your jurisdiction are left out.',
        args: { activeOn: t.arg({ type: 'Date', description: activeOnDescription }) },
        resolve: (c, args, ctx) => {
          const activeOn = activeOnArg(args.activeOn);
          return nestedPage(ctx, 'cii.systems', c.id, { ...args, activeOn }, async (ids, p) =>
            groupRows(await membershipsOfCii(ctx, ids, activeOn, p), toMembership),
          );
        },
      },
      CiiMembershipConnection,
    ),
    operators: t.connection(
      {
        type: OperatorRef,
        description: 'Operators (运营者) of the systems that are part of the CII, each once, by name.',
        args: {
          activeOn: t.arg({
            type: 'Date',
            description: `Through memberships valid that day. ${activeOnDescription}`,
          }),
        },
        resolve: (c, args, ctx) => {
          const activeOn = activeOnArg(args.activeOn);
          return nestedPage(ctx, 'cii.operators', c.id, { ...args, activeOn }, async (ids, p) =>
            groupRows(await operatorsOfCii(ctx, ids, activeOn, p), toOperator),
          );
        },
      },
      { name: 'CriticalInfrastructureOperatorConnection', description: "A page of a CII's operators." },
      { name: 'CriticalInfrastructureOperatorEdge', description: "One of a CII's operators." },
    ),
  }),
});

const CiiFilterInput = builder.inputType('CriticalInfrastructureFilter', {
  description: 'Filters for CII designations (关键信息基础设施筛选).',
  fields: (t) => ({
    sectorCode: t.string({ description: 'Sector code (行业领域代码), e.g. ENERGY.' }),
    departmentId: t.id({ description: 'Identifying protection department (认定的保护工作部门).' }),
    divisionCode: t.string({
      description: "Division code (行政区划代码) of an operator of one of the CII's systems, e.g. 140522.",
    }),
    search: t.string({ description: 'Part of the name.' }),
  }),
});

export const CriticalInfrastructureConnection = builder.connectionObject(
  {
    type: CriticalInfrastructureRef,
    name: 'CriticalInfrastructureConnection',
    description: 'A page of CII designations.',
    fields: (c) => ({ totalCount: c.int(totalCountField) }),
  },
  { name: 'CriticalInfrastructureEdge', description: 'A CII designation in a page.' },
);

builder.queryField('criticalInfrastructures', (t) =>
  t.connection(
    {
      type: CriticalInfrastructureRef,
      description:
        'Critical information infrastructures in your jurisdiction (关键信息基础设施列表): those with a system in scope; by name.',
      args: { filter: t.arg({ type: CiiFilterInput }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter ?? {};
        let departmentId: string | null = null;
        if (f.departmentId != null) {
          try {
            departmentId = decodeId(f.departmentId, 'ProtectionDepartment', 'filter.departmentId');
          } catch {
            throw badArg('filter.departmentId', `"${f.departmentId}" is not a protection department id`);
          }
        }
        const filter: CiiFilter = { ...f, departmentId };
        return page(
          ctx,
          args,
          (p) => listCii(ctx, filter, p),
          () => countCii(ctx, filter),
        );
      },
    },
    CriticalInfrastructureConnection,
  ),
);

const ciiInput = (create: boolean) =>
  builder.inputType(create ? 'CreateCriticalInfrastructureInput' : 'UpdateCriticalInfrastructureInput', {
    description: create
      ? 'A new CII designation (认定关键信息基础设施).'
      : 'Changes to a CII designation; absent fields stay as they are, null clears a notice date.',
    fields: (t) => ({
      name: t.string({ required: create, description: 'Name of the CII (名称).' }),
      sectorCode: t.string({ required: create, description: 'Sector code (行业领域代码).' }),
      departmentId: t.id({
        required: create,
        description:
          'The identifying protection department (保护工作部门); it must be responsible for the sector.',
      }),
      identifiedOn: t.field({
        type: 'Date',
        required: create,
        description: 'Date of identification (认定日期).',
      }),
      operatorNotifiedOn: t.field({
        type: 'Date',
        description: 'Date the operator was notified (通知运营者日期); not before identifiedOn.',
      }),
      policeNotifiedOn: t.field({
        type: 'Date',
        description: 'Date the police were notified (报告公安机关日期); not before identifiedOn.',
      }),
    }),
  });
const CreateCiiInput = ciiInput(true);
const UpdateCiiInput = ciiInput(false);

const AddCiiMembershipInput = builder.inputType('AddCiiMembershipInput', {
  description: 'A system becoming part of a CII (纳入关键信息基础设施).',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The protected system (等级保护对象).' }),
    ciiId: t.id({
      required: true,
      description: 'The critical information infrastructure (关键信息基础设施).',
    }),
    from: t.field({ type: 'Date', required: true, description: 'First day (起始日期).' }),
    to: t.field({
      type: 'Date',
      description: 'Last valid day (截止日期, inclusive); absent while in force.',
    }),
  }),
});

/** `departmentId` of a CII input: a global id decoded, absent/null kept as such. */
function departmentIdOf(id: string | null | undefined): string | null | undefined {
  return id == null ? id : decodeId(id, 'ProtectionDepartment', 'input.departmentId');
}

builder.mutationFields((t) => ({
  createCriticalInfrastructure: t.field({
    type: CriticalInfrastructureRef,
    description: 'Records a CII designation (认定关键信息基础设施).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateCiiInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createCii(ctx, { ...input, departmentId: departmentIdOf(input.departmentId) }),
  }),
  updateCriticalInfrastructure: t.field({
    type: CriticalInfrastructureRef,
    description: 'Changes a CII designation (变更关键信息基础设施).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCiiInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      updateCii(ctx, decodeId(id, 'CriticalInfrastructure'), {
        ...input,
        departmentId: departmentIdOf(input.departmentId),
      }),
  }),
  deleteCriticalInfrastructure: t.field({
    type: 'ID',
    description:
      'Deletes a CII designation with its memberships (删除关键信息基础设施). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteCii(ctx, decodeId(id, 'CriticalInfrastructure'));
      return id;
    },
  }),
  addCiiMembership: t.field({
    type: MembershipRef,
    description:
      'Makes a system part of a CII for a window (纳入关键信息基础设施). A ConflictError when it already is for an overlapping window.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddCiiMembershipInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addMembership(ctx, {
        systemId: decodeId(input.systemId, 'System', 'input.systemId'),
        ciiId: decodeId(input.ciiId, 'CriticalInfrastructure', 'input.ciiId'),
        from: input.from,
        to: input.to,
      }),
  }),
  endCiiMembership: t.field({
    type: MembershipRef,
    description: 'Ends a membership in force (移出关键信息基础设施); the history is kept.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The membership.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last valid day (截止日期, inclusive).' }),
    },
    resolve: (_root, { id, to }, ctx) => endMembership(ctx, decodeId(id, 'CiiMembership'), to),
  }),
}));

// Protection departments --------------------------------------------------------------------------

builder.node(ProtectionDepartmentRef, {
  description:
    'A protection department (保护工作部门): the competent or supervising department of a sector that identifies its CII.',
  id: { resolve: (d) => d.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadDepartment(ctx, id))),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the department (部门名称).' }),
    divisionCode: t.exposeString('divisionCode', { description: 'Division code (行政区划代码).' }),
    divisionName: t.string({
      description: 'Name of the division (行政区划名称).',
      resolve: (d) => DIVISIONS[d.divisionCode]?.name ?? d.divisionCode,
    }),
    sectors: t.connection(
      {
        type: SectorRef,
        description: 'Sectors the department is responsible for (负责的行业领域), by code.',
        resolve: (d, args, ctx) =>
          nestedPage(ctx, 'department.sectors', d.id, args, async (ids, p) =>
            groupRows(await sectorsOfDepartments(ctx, ids, p), toSector),
          ),
      },
      { name: 'ProtectionDepartmentSectorConnection', description: "A page of a department's sectors." },
      { name: 'ProtectionDepartmentSectorEdge', description: "One of a department's sectors." },
    ),
    criticalInfrastructures: t.connection(
      {
        type: CriticalInfrastructureRef,
        description: 'CII the department identified (认定的关键信息基础设施) in your jurisdiction, by name.',
        resolve: (d, args, ctx) =>
          nestedPage(ctx, 'department.cii', d.id, args, async (ids, p) =>
            groupRows(await ciiOfDepartments(ctx, ids, p), toCii),
          ),
      },
      {
        name: 'ProtectionDepartmentCriticalInfrastructureConnection',
        description: 'A page of the CII a department identified.',
      },
      {
        name: 'ProtectionDepartmentCriticalInfrastructureEdge',
        description: 'One of the CII a department identified.',
      },
    ),
  }),
});

const DepartmentFilterInput = builder.inputType('ProtectionDepartmentFilter', {
  description: 'Filters for protection departments (保护工作部门筛选).',
  fields: (t) => ({
    sectorCode: t.string({ description: 'Responsible for this sector (行业领域代码).' }),
  }),
});

builder.queryField('protectionDepartments', (t) =>
  t.connection(
    {
      type: ProtectionDepartmentRef,
      description: 'Protection departments (保护工作部门), by name. Public reference data.',
      args: { filter: t.arg({ type: DepartmentFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter = args.filter ?? {};
        return page(
          ctx,
          args,
          (p) => listDepartments(ctx, filter, p),
          () => countDepartments(ctx, filter),
        );
      },
    },
    {
      name: 'ProtectionDepartmentConnection',
      description: 'A page of protection departments.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'ProtectionDepartmentEdge', description: 'A protection department in a page.' },
  ),
);

const departmentInput = (create: boolean) =>
  builder.inputType(create ? 'CreateProtectionDepartmentInput' : 'UpdateProtectionDepartmentInput', {
    description: create
      ? 'A new protection department (新增保护工作部门).'
      : 'Changes to a protection department; absent fields stay as they are.',
    fields: (t) => ({
      name: t.string({ required: create, description: 'Name (部门名称), unique.' }),
      divisionCode: t.string({ required: create, description: 'Division code (行政区划代码) in Jincheng.' }),
      sectorCodes: t.stringList({
        description:
          'Codes of the sectors it is responsible for (负责的行业领域); on update, the whole new set.',
      }),
    }),
  });
const CreateDepartmentInput = departmentInput(true);
const UpdateDepartmentInput = departmentInput(false);

builder.mutationFields((t) => ({
  createProtectionDepartment: t.field({
    type: ProtectionDepartmentRef,
    description: 'Registers a protection department (登记保护工作部门).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateDepartmentInput, required: true }) },
    resolve: (_root, { input }, ctx) => createDepartment(ctx, input),
  }),
  updateProtectionDepartment: t.field({
    type: ProtectionDepartmentRef,
    description: 'Changes a protection department (变更保护工作部门); `sectorCodes` replaces the set.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateDepartmentInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      updateDepartment(ctx, decodeId(id, 'ProtectionDepartment'), input),
  }),
  deleteProtectionDepartment: t.field({
    type: 'ID',
    description:
      'Deletes a protection department that identified no CII (删除保护工作部门). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteDepartment(ctx, decodeId(id, 'ProtectionDepartment'));
      return id;
    },
  }),
}));

// Police units ------------------------------------------------------------------------------------

builder.node(PoliceUnitRef, {
  description: 'A public security organ (公安机关, 网安部门) of a division, where systems are filed (备案).',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadPoliceUnit(ctx, id))),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name (名称), e.g. 晋城市公安局网络安全保卫支队.' }),
    divisionCode: t.exposeString('divisionCode', {
      description: 'Division code (行政区划代码) it covers; one unit per division.',
    }),
    divisionName: t.string({
      description: 'Name of the division (行政区划名称).',
      resolve: (p) => DIVISIONS[p.divisionCode]?.name ?? p.divisionCode,
    }),
  }),
});

builder.queryFields((t) => ({
  policeUnits: t.connection(
    {
      type: PoliceUnitRef,
      description: 'Police units (公安机关), by division code. Public reference data.',
      resolve: (_root, args, ctx) =>
        page(
          ctx,
          args,
          (p) => listPoliceUnits(ctx, p),
          () => countPoliceUnits(ctx),
        ),
    },
    {
      name: 'PoliceUnitConnection',
      description: 'A page of police units.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'PoliceUnitEdge', description: 'A police unit in a page.' },
  ),
  policeUnitByDivision: t.field({
    type: PoliceUnitRef,
    nullable: true,
    description: 'The police unit of a division (按行政区划查询公安机关).',
    args: { divisionCode: t.arg.string({ required: true, description: 'Division code, e.g. 140522.' }) },
    resolve: (_root, { divisionCode }, ctx) => loadPoliceUnitByDivision(ctx, divisionCode),
  }),
}));

const policeUnitInput = (create: boolean) =>
  builder.inputType(create ? 'CreatePoliceUnitInput' : 'UpdatePoliceUnitInput', {
    description: create
      ? 'A new police unit (新增公安机关).'
      : 'Changes to a police unit; absent fields stay.',
    fields: (t) => ({
      name: t.string({ required: create, description: 'Name (名称).' }),
      divisionCode: t.string({
        required: create,
        description: 'Division code (行政区划代码) in Jincheng; one unit per division.',
      }),
    }),
  });
const CreatePoliceUnitInput = policeUnitInput(true);
const UpdatePoliceUnitInput = policeUnitInput(false);

builder.mutationFields((t) => ({
  createPoliceUnit: t.field({
    type: PoliceUnitRef,
    description: 'Registers a police unit (登记公安机关).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreatePoliceUnitInput, required: true }) },
    resolve: (_root, { input }, ctx) => createPoliceUnit(ctx, input),
  }),
  updatePoliceUnit: t.field({
    type: PoliceUnitRef,
    description: 'Changes a police unit (变更公安机关).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePoliceUnitInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updatePoliceUnit(ctx, decodeId(id, 'PoliceUnit'), input),
  }),
  deletePoliceUnit: t.field({
    type: 'ID',
    description: 'Deletes a police unit (删除公安机关). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deletePoliceUnit(ctx, decodeId(id, 'PoliceUnit'));
      return id;
    },
  }),
}));
