/** Protected systems (等级保护对象) and the network links between them (系统互联). */
import { GraphQLError } from 'graphql';
import { DIVISIONS, type SystemRecord } from '../server/model.js';
import {
  addLink,
  endLink,
  LINK_DIRECTIONS,
  type LinkDirection,
  linksBySystems,
  loadLink,
  toLink,
} from '../server/repositories/links.js';
import { loadOperator } from '../server/repositories/operators.js';
import {
  countSystems,
  createSystem,
  deleteSystem,
  listSystems,
  loadIsCii,
  loadSystem,
  type SystemFilter,
  type SystemRow,
  systemByFilingNumber,
  systemsByOperators,
  toSystem,
  updateSystem,
} from '../server/repositories/systems.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, enumValues, groupRows, nestedPage, page, totalCountField } from './common.js';
import { LinkRef, OperatorRef, SystemRef } from './refs.js';

export const SystemStatusEnum = builder.enumType('SystemStatus', {
  description: 'Life-cycle status of a protected system (系统状态).',
  values: enumValues({
    PLANNED: 'Planned (规划).',
    UNDER_CONSTRUCTION: 'Under construction (建设中).',
    LIVE: 'Live, in operation (运行).',
    DECOMMISSIONED: 'Decommissioned (已撤销/下线).',
  }),
});

export const SystemLinkDirectionEnum = builder.enumType('SystemLinkDirection', {
  description: 'Which network links of a system to list (互联方向).',
  values: enumValues<LinkDirection>({
    OUTGOING: 'Links from this system to others (出向).',
    INCOMING: 'Links from other systems to this one (入向).',
    BOTH: 'Both directions (双向).',
  }),
});

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A global id of the expected type → database id; anything else is passed on as is (then not found). */
function looseId(globalId: string | null | undefined, typename: string): string | null | undefined {
  if (globalId === null || globalId === undefined) return globalId;
  try {
    return decodeId(globalId, typename);
  } catch {
    return globalId;
  }
}

function checkLevel(argument: string, level: number | null | undefined) {
  if (level != null && (!Number.isInteger(level) || level < 1 || level > 5)) {
    throw badArg(argument, `level ${level} must be a whole number 1–5`);
  }
}

const SystemFilterInput = builder.inputType('SystemFilter', {
  description: 'Filters for protected systems (等级保护对象筛选); absent fields do not filter.',
  fields: (t) => ({
    protectionLevel: t.int({ description: 'Exactly this protection level (安全保护等级), 1–5.' }),
    minLevel: t.int({ description: 'Protection level at least this (不低于该等级), 1–5.' }),
    status: t.field({ type: SystemStatusEnum, description: 'Life-cycle status (系统状态).' }),
    operatorId: t.id({ description: 'Global id of the operator (运营者).' }),
    divisionCode: t.string({ description: "The operator's division code (行政区划代码), e.g. 140522." }),
    sectorCode: t.string({ description: "The operator's sector code (行业领域代码), e.g. ENERGY." }),
    isCii: t.boolean({
      description: 'true: only systems part of a CII today (关基); false: only others; absent: all.',
    }),
    search: t.string({
      description: 'Part of the name (名称), or the exact filing certificate number (备案证明编号).',
    }),
  }),
});

type FilterArg = {
  protectionLevel?: number | null;
  minLevel?: number | null;
  status?: SystemRecord['status'] | null;
  operatorId?: string | null;
  divisionCode?: string | null;
  sectorCode?: string | null;
  isCii?: boolean | null;
  search?: string | null;
} | null;

function toFilter(arg: FilterArg | undefined): SystemFilter {
  const f = arg ?? {};
  checkLevel('filter.protectionLevel', f.protectionLevel);
  checkLevel('filter.minLevel', f.minLevel);
  let operatorId: string | null = null;
  if (f.operatorId != null) {
    try {
      operatorId = decodeId(f.operatorId, 'Operator', 'filter.operatorId');
    } catch {
      throw badArg('filter.operatorId', `"${f.operatorId}" is not an operator id`);
    }
  }
  return { ...f, operatorId };
}

builder.node(SystemRef, {
  description:
    'A protected system (等级保护对象 / 定级对象): a network or information system graded under MLPS (网络安全等级保护).',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadSystem(ctx, id))),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the system (系统名称).' }),
    filingNumber: t.exposeString('filingNumber', {
      nullable: true,
      description: 'Filing certificate number (备案证明编号), e.g. 14050099001-21001.',
    }),
    protectionLevel: t.exposeInt('protectionLevel', {
      nullable: true,
      description: 'Security protection level (安全保护等级), 1–5: the higher of the two partial levels.',
    }),
    businessInfoLevel: t.exposeInt('businessInfoLevel', {
      nullable: true,
      description: 'Business-information security protection level (业务信息安全保护等级), 1–5.',
    }),
    systemServiceLevel: t.exposeInt('systemServiceLevel', {
      nullable: true,
      description: 'System-service security protection level (系统服务安全保护等级), 1–5.',
    }),
    status: t.expose('status', { type: SystemStatusEnum, description: 'Life-cycle status (系统状态).' }),
    levelDeterminedOn: t.expose('levelDeterminedOn', {
      type: 'Date',
      nullable: true,
      description: 'Date the level was determined (定级日期).',
    }),
    filedOn: t.expose('filedOn', {
      type: 'Date',
      nullable: true,
      description: 'Filing date with the public security organ (备案日期).',
    }),
    liveOn: t.expose('liveOn', {
      type: 'Date',
      nullable: true,
      description: 'Date the system went live (投入运行日期).',
    }),
    decommissionedOn: t.expose('decommissionedOn', {
      type: 'Date',
      nullable: true,
      description: 'Date the system was decommissioned (撤销/下线日期).',
    }),
    description: t.exposeString('description', { nullable: true, description: 'Description (系统描述).' }),
    operator: t.field({
      type: OperatorRef,
      description: 'The operator running the system (运营使用单位).',
      resolve: async (s, _args, ctx) => {
        const operator = await loadOperator(ctx, s.operatorId);
        if (!operator) throw new Error(`operator ${s.operatorId} of system ${s.id} not visible`);
        return operator;
      },
    }),
    divisionCode: t.string({
      description: "Administrative division code (行政区划代码) of the system's operator.",
      resolve: async (s, _args, ctx) => (await loadOperator(ctx, s.operatorId))?.divisionCode ?? '',
    }),
    divisionName: t.string({
      description: "Name of the operator's division (行政区划名称).",
      resolve: async (s, _args, ctx) => {
        const code = (await loadOperator(ctx, s.operatorId))?.divisionCode;
        return code ? (DIVISIONS[code]?.name ?? code) : '';
      },
    }),
    isCii: t.boolean({
      description:
        'Part of a critical information infrastructure (关键信息基础设施, 关基) today: a membership (PART_OF) valid on the current date.',
      resolve: (s, _args, ctx) => (s as SystemRow).isCii ?? loadIsCii(ctx, s.id),
    }),
  }),
});

builder.node(LinkRef, {
  description:
    'A network link (系统互联) from one protected system to another, with a validity window (有效期).',
  id: { resolve: (l) => l.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadLink(ctx, id))),
  fields: (t) => ({
    from: t.field({
      type: SystemRef,
      nullable: true,
      description: 'The system the link starts from (源系统); null when outside your jurisdiction.',
      resolve: (l, _args, ctx) => loadSystem(ctx, l.fromSystemId),
    }),
    to: t.field({
      type: SystemRef,
      nullable: true,
      description: 'The system the link goes to (目标系统); null when outside your jurisdiction.',
      resolve: (l, _args, ctx) => loadSystem(ctx, l.toSystemId),
    }),
    protocol: t.exposeString('protocol', { description: 'Transport protocol (协议): tcp or udp.' }),
    port: t.exposeInt('port', {
      nullable: true,
      description: 'Destination port (端口), 1–65535; null when not recorded.',
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day the link is in force (生效日期).',
      resolve: (l) => l.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the link is in force (终止日期, inclusive); null while in force.',
      resolve: (l) => l.to,
    }),
  }),
});

builder.queryFields((t) => ({
  systems: t.connection(
    {
      type: SystemRef,
      description: 'Protected systems in your jurisdiction (等级保护对象列表), by name.',
      args: { filter: t.arg({ type: SystemFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter = toFilter(args.filter);
        return page(
          ctx,
          args,
          (p) => listSystems(ctx, filter, p),
          () => countSystems(ctx, filter),
        );
      },
    },
    {
      name: 'SystemConnection',
      description: 'A page of protected systems.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'SystemEdge', description: 'A protected system in a page.' },
  ),
  systemByFilingNumber: t.field({
    type: SystemRef,
    nullable: true,
    description: 'A protected system by its filing certificate number (按备案证明编号查询).',
    args: {
      filingNumber: t.arg.string({
        required: true,
        description: 'Filing certificate number (备案证明编号).',
      }),
    },
    resolve: (_root, { filingNumber }, ctx) => systemByFilingNumber(ctx, filingNumber),
  }),
}));

builder.objectField(OperatorRef, 'systems', (t) =>
  t.connection(
    {
      type: SystemRef,
      description: 'Protected systems the operator runs (运营的等级保护对象), by name.',
      args: { filter: t.arg({ type: SystemFilterInput }) },
      resolve: (o, args, ctx) => {
        const filter = toFilter(args.filter);
        return nestedPage(ctx, 'operator.systems', o.id, { ...args, filter }, async (ids, p) =>
          groupRows(await systemsByOperators(ctx, ids, filter, p), toSystem),
        );
      },
    },
    { name: 'OperatorSystemConnection', description: "A page of an operator's systems." },
    { name: 'OperatorSystemEdge', description: "One of an operator's systems." },
  ),
);

builder.objectField(SystemRef, 'links', (t) =>
  t.connection(
    {
      type: LinkRef,
      description:
        'Network links of the system (系统互联), by start date. `activeOn` keeps the links in force that day; absent: all, history included.',
      args: {
        direction: t.arg({
          type: SystemLinkDirectionEnum,
          required: true,
          defaultValue: 'BOTH',
          description: 'Outgoing, incoming or both (默认双向).',
        }),
        activeOn: t.arg({ type: 'Date', description: 'Only links valid on this date (有效日期).' }),
      },
      resolve: (s, args, ctx) => {
        let activeOn: string | null = null;
        if (args.activeOn != null) {
          const parsed = normalizeIsoDate(args.activeOn);
          if (!parsed.ok) throw badArg('activeOn', parsed.message);
          activeOn = parsed.value;
        }
        const direction = args.direction as LinkDirection;
        if (!LINK_DIRECTIONS.includes(direction)) throw badArg('direction', `unknown direction ${direction}`);
        return nestedPage(ctx, 'system.links', s.id, { ...args, activeOn }, async (ids, p) =>
          groupRows(await linksBySystems(ctx, ids, direction, activeOn, p), toLink),
        );
      },
    },
    { name: 'SystemLinkConnection', description: 'A page of network links.' },
    { name: 'SystemLinkEdge', description: 'A network link in a page.' },
  ),
);

const systemInput = (create: boolean) =>
  builder.inputType(create ? 'CreateSystemInput' : 'UpdateSystemInput', {
    description: create
      ? 'A new protected system (新增等级保护对象).'
      : 'Changes to a protected system; absent fields stay as they are, null clears an optional one.',
    fields: (t) => ({
      name: t.string({ required: create, description: 'Name of the system (系统名称).' }),
      operatorId: t.id({
        required: create,
        description: 'Global id of the operator (运营使用单位); changing it moves the system.',
      }),
      filingNumber: t.string({
        description: 'Filing certificate number (备案证明编号), 11 digits-5 digits.',
      }),
      protectionLevel: t.int({
        description:
          'Security protection level (安全保护等级), 1–5; must equal the higher of the two partial levels when both are given (derived from them when absent).',
      }),
      businessInfoLevel: t.int({ description: 'Business-information level (业务信息安全保护等级), 1–5.' }),
      systemServiceLevel: t.int({ description: 'System-service level (系统服务安全保护等级), 1–5.' }),
      status: t.field({
        type: SystemStatusEnum,
        description: create ? 'Status (系统状态); PLANNED when absent.' : 'Status (系统状态).',
      }),
      levelDeterminedOn: t.field({ type: 'Date', description: 'Grading date (定级日期).' }),
      filedOn: t.field({
        type: 'Date',
        description: 'Filing date (备案日期); not before the grading date, needs a filing number.',
      }),
      liveOn: t.field({ type: 'Date', description: 'Go-live date (投入运行日期).' }),
      decommissionedOn: t.field({
        type: 'Date',
        description: 'Decommissioning date (撤销/下线日期); not before go-live, required for DECOMMISSIONED.',
      }),
      description: t.string({ description: 'Description (系统描述).' }),
      filingAcceptedOn: t.field({
        type: 'Date',
        description: 'Date the police accepted the filing (备案受理日期), FIL-3; not before filedOn.',
      }),
      filingCertificateIssuedOn: t.field({
        type: 'Date',
        description:
          'Date the police issued the filing certificate (备案证明出具日期), FIL-3; not before filingAcceptedOn.',
      }),
    }),
  });
const CreateSystemInput = systemInput(true);
const UpdateSystemInput = systemInput(false);

const AddSystemLinkInput = builder.inputType('AddSystemLinkInput', {
  description: 'A new network link between two systems (新增系统互联).',
  fields: (t) => ({
    fromSystemId: t.id({ required: true, description: 'Global id of the source system (源系统).' }),
    toSystemId: t.id({
      required: true,
      description: 'Global id of the target system (目标系统); not the source itself.',
    }),
    protocol: t.string({ required: true, description: 'Protocol (协议): tcp or udp.' }),
    port: t.int({ description: 'Destination port (端口), 1–65535.' }),
    from: t.field({ type: 'Date', required: true, description: 'First valid day (生效日期).' }),
    to: t.field({ type: 'Date', description: 'Last valid day (终止日期), inclusive; absent: in force.' }),
  }),
});

builder.mutationFields((t) => ({
  createSystem: t.field({
    type: SystemRef,
    description:
      'Registers a protected system (登记等级保护对象). Checks the levels against GB/T 22240-2020, the filing certificate number and the order of the dates.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateSystemInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createSystem(ctx, { ...input, operatorId: looseId(input.operatorId, 'Operator') }),
  }),
  updateSystem: t.field({
    type: SystemRef,
    description:
      'Changes a protected system (变更等级保护对象); the rules are checked on the result (existing values + changes). A new operatorId moves the system to that operator.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSystemInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      updateSystem(ctx, decodeId(id, 'System'), {
        ...input,
        operatorId: looseId(input.operatorId, 'Operator'),
      }),
  }),
  deleteSystem: t.field({
    type: 'ID',
    description:
      'Deletes a protected system (删除等级保护对象) with all its relationships (operator, links, CII membership, services, access, product use). Nodes that referred to it — exposures (互联网暴露面), assessments (测评) and their findings — stay, detached. Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteSystem(ctx, decodeId(id, 'System'));
      return id;
    },
  }),
  addSystemLink: t.field({
    type: LinkRef,
    description: 'Records a network link from one system to another (登记系统互联).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddSystemLinkInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addLink(ctx, {
        ...input,
        fromSystemId: looseId(input.fromSystemId, 'System'),
        toSystemId: looseId(input.toSystemId, 'System'),
      }),
  }),
  endSystemLink: t.field({
    type: LinkRef,
    description:
      'Ends a network link (终止系统互联): `to` is its last valid day. The link is kept as history.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true }),
      to: t.arg({ type: 'Date', required: true, description: 'Last valid day (终止日期).' }),
    },
    resolve: (_root, { id, to }, ctx) => endLink(ctx, decodeId(id, 'SystemLink'), to),
  }),
}));
