/**
 * Personnel (人员): persons, background checks (安全背景审查), employment (任职, 关键岗位) at vendors and
 * operators, and system access (系统访问权限). The resident identity number (公民身份号码) is personal
 * information: accepted as input, matched through a keyed hash, only ever answered masked.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from '../server/context.js';
import { NotFoundError } from '../server/errors.js';
import type {
  AccessRecord,
  EmployerKind,
  OperatorRecord,
  PersonRecord,
  VendorRecord,
} from '../server/model.js';
import {
  type Connection,
  type PageArgs,
  type PageParams,
  pageParams,
  toConnection,
} from '../server/pagination.js';
import {
  accessesBySystems,
  addAccess,
  endAccess,
  loadAccess,
  loadAccessesOfPerson,
  loadAccessSystem,
} from '../server/repositories/accesses.js';
import {
  addCheck,
  deleteCheck,
  isCheckValidOn,
  loadCheck,
  loadChecksOfPerson,
  updateCheck,
} from '../server/repositories/checks.js';
import {
  addEmployment,
  endEmployment,
  loadEmployer,
  loadEmployment,
  loadEmploymentsOfPerson,
  loadEmploymentsOfVendor,
} from '../server/repositories/employments.js';
import {
  countPersons,
  createPerson,
  deletePerson,
  listPersons,
  loadPerson,
  type NestedRows,
  type PersonFilter,
  personsByOperators,
  personsByVendors,
  updatePerson,
} from '../server/repositories/persons.js';
import { normalizeIsoDate, normalizeResidentId } from '../server/validation/identifiers.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, enumValues, page, totalCountField } from './common.js';
import {
  AccessRef,
  BackgroundCheckRef,
  EmploymentRef,
  OperatorRef,
  PersonRef,
  SystemRef,
  VendorRef,
} from './refs.js';

// ---------------------------------------------------------------------------------------------------
// Helpers

function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A date argument of a query field (e.g. `activeOn`): checked, an impossible date is an argument error. */
function dateArg(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const result = normalizeIsoDate(value);
  if (!result.ok) throw badArgument(argument, result.message);
  return result.value;
}

/** The database id and kind inside the global id of a Vendor or an Operator; else NotFoundError. */
function decodeEmployerId(globalId: string, field: string): { id: string; kind: EmployerKind } {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (id && typename === 'Vendor') return { id, kind: 'VENDOR' };
    if (id && typename === 'Operator') return { id, kind: 'OPERATOR' };
  } catch {
    // fall through
  }
  throw new NotFoundError(field, globalId, 'vendor or operator');
}

/**
 * A nested connection with its total (over all pages): all parents asking with the same arguments
 * share one batched statement (`RETURN parentId, rows, total`).
 */
async function nestedPageWithTotal<T extends { id: string }>(
  ctx: Context,
  loaderName: string,
  parentId: string,
  args: PageArgs,
  fetch: (parentIds: readonly string[], p: PageParams) => Promise<Map<string, NestedRows<T>>>,
): Promise<Connection<T> & { totalCount: () => Promise<number> }> {
  const params = pageParams(args, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const loader = ctx.loader<string, NestedRows<T>>(loaderName, args, async (ids) => {
    const byParent = await fetch(ids, params);
    return ids.map((id) => byParent.get(id) ?? { rows: [], total: 0 });
  });
  const result = params.pageSize === 0 ? null : await loader.load(parentId);
  const connection = toConnection(result?.rows ?? [], params);
  return {
    ...connection,
    totalCount: async () => (result ? result.total : (await loader.load(parentId)).total),
  };
}

// ---------------------------------------------------------------------------------------------------
// Enums

export const CheckStatusEnum = builder.enumType('CheckStatus', {
  description: 'Outcome of a background check (安全背景审查结论).',
  values: enumValues({
    PASSED: 'Passed (通过).',
    FAILED: 'Failed (未通过).',
    PENDING: 'Under review (审查中).',
  }),
});

export const AccessKindEnum = builder.enumType('AccessKind', {
  description: 'Kind of access to a system (访问方式).',
  values: enumValues({
    ONSITE: 'On-site access (现场).',
    REMOTE: 'Remote access (远程).',
    PRIVILEGED: 'Privileged access (特权).',
  }),
});

// ---------------------------------------------------------------------------------------------------
// Types

const activeOnArgDescription =
  'Only those valid on this date (在该日有效); omitted = all, history included. `to` is the last valid day.';

builder.node(PersonRef, {
  description:
    'A person (人员) working for a vendor or an operator. The resident identity number (公民身份号码) is personal information: only its masked form is ever answered.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadPerson(ctx, id))),
  fields: (t) => ({
    name: t.string({
      nullable: true,
      description: 'Name (姓名). Personal data: answered to police roles only, null for others.',
      resolve: (p, _args, ctx) => (ctx.principal.seesPersonalData ? p.name : null),
    }),
    residentIdMasked: t.string({
      nullable: true,
      description:
        'Masked resident identity number (公民身份号码, 脱敏), e.g. 140502********0019. Police roles only, null for others.',
      resolve: (p, _args, ctx) => (ctx.principal.seesPersonalData ? p.residentIdMasked : null),
    }),
    latestCheck: t.field({
      type: BackgroundCheckRef,
      nullable: true,
      description: 'The most recent background check (最近一次安全背景审查) by checkedOn, if any.',
      resolve: async (p, _args, ctx) => (await loadChecksOfPerson(ctx, p.id))[0] ?? null,
    }),
    checks: t.field({
      type: [BackgroundCheckRef],
      description: 'Every background check (安全背景审查) of the person, most recent first.',
      resolve: (p, _args, ctx) => loadChecksOfPerson(ctx, p.id),
    }),
    employments: t.field({
      type: [EmploymentRef],
      description: 'Employments (任职) at vendors and operators in your jurisdiction, by start date.',
      args: { activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }) },
      resolve: (p, args, ctx) => loadEmploymentsOfPerson(ctx, p.id, dateArg('activeOn', args.activeOn)),
    }),
    accesses: t.field({
      type: [AccessRef],
      description: 'Access to systems (系统访问权限) in your jurisdiction, by start date.',
      args: { activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }) },
      resolve: (p, args, ctx) => loadAccessesOfPerson(ctx, p.id, dateArg('activeOn', args.activeOn)),
    }),
  }),
});

builder.node(BackgroundCheckRef, {
  description: 'A security background check (安全背景审查) of a person.',
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadCheck(ctx, id))),
  fields: (t) => ({
    status: t.field({
      type: CheckStatusEnum,
      description: 'Outcome (审查结论).',
      resolve: (c) => c.status,
    }),
    checkedOn: t.field({
      type: 'Date',
      description: 'Date of the check (审查日期).',
      resolve: (c) => c.checkedOn,
    }),
    expiresOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the check is valid (有效期至); null = no expiry.',
      resolve: (c) => c.expiresOn,
    }),
    checkedBy: t.exposeString('checkedBy', { description: 'Who performed the check (审查机关/单位).' }),
    person: t.field({
      type: PersonRef,
      description: 'The person checked (被审查人员).',
      resolve: async (c, _args, ctx) => {
        const person = await loadPerson(ctx, c.personId);
        if (!person) throw new Error(`person ${c.personId} of check ${c.id} not visible`);
        return person;
      },
    }),
    isValidOn: t.boolean({
      description:
        'Whether the check is valid on the date (在该日有效): PASSED, done on or before it, and not expired (expiresOn null or on/after it).',
      args: { date: t.arg({ type: 'Date', required: true, description: 'The date to test.' }) },
      resolve: (c, args) => isCheckValidOn(c, dateArg('date', args.date) as string),
    }),
  }),
});

const employerKinds = new WeakMap<object, 'Vendor' | 'Operator'>();

export const EmployerUnion = builder.unionType('Employer', {
  description: 'An employer (用人单位): a vendor (服务机构) or a network operator (网络运营者).',
  types: [VendorRef, OperatorRef],
  resolveType: (value) => employerKinds.get(value) ?? ('registrationStatus' in value ? 'Vendor' : 'Operator'),
});

builder.node(EmploymentRef, {
  description: 'Employment (任职) of a person at a vendor or an operator, with a validity window.',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadEmployment(ctx, id))),
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'The employed person (人员).',
      resolve: async (e, _args, ctx) => {
        const person = await loadPerson(ctx, e.personId);
        if (!person) throw new Error(`person ${e.personId} of employment ${e.id} not visible`);
        return person;
      },
    }),
    employer: t.field({
      type: EmployerUnion,
      nullable: true,
      description: 'The employer (用人单位): Vendor or Operator; null if outside your jurisdiction.',
      resolve: async (e, _args, ctx): Promise<VendorRecord | OperatorRecord | null> => {
        const employer = await loadEmployer(ctx, e.employerId);
        if (!employer) return null;
        employerKinds.set(employer.record, employer.kind === 'VENDOR' ? 'Vendor' : 'Operator');
        return employer.record;
      },
    }),
    keyPosition: t.exposeBoolean('keyPosition', { description: 'Key position (关键岗位).' }),
    role: t.exposeString('role', { nullable: true, description: 'Role or post (岗位/职务).' }),
    validFrom: t.field({ type: 'Date', description: 'First day (起始日期).', resolve: (e) => e.from }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day (终止日期, inclusive); null = still employed.',
      resolve: (e) => e.to,
    }),
  }),
});

builder.node(AccessRef, {
  description: 'Access of a person to a system (系统访问权限), with a validity window.',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadAccess(ctx, id))),
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'The person holding the access (人员).',
      resolve: async (a, _args, ctx) => {
        const person = await loadPerson(ctx, a.personId);
        if (!person) throw new Error(`person ${a.personId} of access ${a.id} not visible`);
        return person;
      },
    }),
    system: t.field({
      type: SystemRef,
      description: 'The system accessed (等级保护对象).',
      resolve: async (a, _args, ctx) => {
        const system = await loadAccessSystem(ctx, a.systemId);
        if (!system) throw new Error(`system ${a.systemId} of access ${a.id} not visible`);
        return system;
      },
    }),
    kind: t.field({
      type: AccessKindEnum,
      description: 'Kind of access (访问方式).',
      resolve: (a) => a.kind,
    }),
    validFrom: t.field({ type: 'Date', description: 'First day (起始日期).', resolve: (a) => a.from }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day (终止日期, inclusive); null = still in force.',
      resolve: (a) => a.to,
    }),
  }),
});

export const PersonConnection = builder.connectionObject(
  {
    type: PersonRef,
    name: 'PersonConnection',
    description: 'A page of persons (人员).',
    fields: (c) => ({ totalCount: c.int(totalCountField) }),
  },
  { name: 'PersonEdge', description: 'A person in a page.' },
);

export const AccessConnection = builder.connectionObject(
  {
    type: AccessRef,
    name: 'AccessConnection',
    description: 'A page of accesses (系统访问权限).',
    fields: (c) => ({ totalCount: c.int(totalCountField) }),
  },
  { name: 'AccessEdge', description: 'An access in a page.' },
);

// ---------------------------------------------------------------------------------------------------
// Root query

const PersonFilterInput = builder.inputType('PersonFilter', {
  description: 'Filters for persons (人员筛选).',
  fields: (t) => ({
    search: t.string({ description: 'Part of the name (姓名包含).' }),
    residentId: t.string({
      description: 'Exact resident identity number (公民身份号码), matched through its keyed hash.',
    }),
    checkStatus: t.field({ type: CheckStatusEnum, description: 'Status of the latest background check.' }),
    employerId: t.id({
      description: 'Global id of a Vendor or an Operator: persons with an employment there active today.',
    }),
  }),
});

builder.queryField('persons', (t) =>
  t.connection(
    {
      type: PersonRef,
      description: 'Persons in your jurisdiction (人员列表), by name.',
      args: { filter: t.arg({ type: PersonFilterInput }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter ?? {};
        // Searching by name or ID number would reveal personal data to roles that may not see it.
        if ((f.search || f.residentId) && !ctx.principal.seesPersonalData) {
          throw new GraphQLError('filter.search and filter.residentId are for police roles only', {
            extensions: { code: 'FORBIDDEN', argument: f.search ? 'filter.search' : 'filter.residentId' },
          });
        }
        let residentId: string | null = null;
        if (f.residentId !== null && f.residentId !== undefined) {
          const result = normalizeResidentId(f.residentId);
          if (!result.ok) throw badArgument('filter.residentId', result.message);
          residentId = result.value;
        }
        let employer: PersonFilter['employer'] = null;
        if (f.employerId !== null && f.employerId !== undefined) {
          try {
            employer = decodeEmployerId(f.employerId, 'filter.employerId');
          } catch {
            throw badArgument('filter.employerId', 'is not the global id of a Vendor or an Operator');
          }
        }
        const filter: PersonFilter = {
          search: f.search ?? null,
          residentId,
          checkStatus: f.checkStatus ?? null,
          employer,
        };
        return page(
          ctx,
          args,
          (p) => listPersons(ctx, filter, p),
          () => countPersons(ctx, filter),
        );
      },
    },
    PersonConnection,
  ),
);

// ---------------------------------------------------------------------------------------------------
// Nested lists on other domains' types (one batched statement per request level)

builder.objectField(VendorRef, 'personnel', (t) =>
  t.connection(
    {
      type: PersonRef,
      description: 'Distinct persons employed by the vendor (服务机构人员), by name.',
      args: { activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }) },
      resolve: (v, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPageWithTotal<PersonRecord>(ctx, 'vendor.personnel', v.id, args, (ids, p) =>
          personsByVendors(ctx, ids, { activeOn }, p),
        );
      },
    },
    PersonConnection,
  ),
);

builder.objectField(VendorRef, 'employments', (t) =>
  t.field({
    type: [EmploymentRef],
    description: 'Employments (任职) at the vendor, by start date.',
    args: { activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }) },
    resolve: (v, args, ctx) => loadEmploymentsOfVendor(ctx, v.id, dateArg('activeOn', args.activeOn)),
  }),
);

builder.objectField(OperatorRef, 'personnel', (t) =>
  t.connection(
    {
      type: PersonRef,
      description: 'Distinct persons employed by the operator (运营者人员), by name.',
      args: {
        activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }),
        keyPositionOnly: t.arg.boolean({
          defaultValue: false,
          description: 'Only persons in a key position (关键岗位人员).',
        }),
      },
      resolve: (o, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        const keyPositionOnly = args.keyPositionOnly ?? false;
        return nestedPageWithTotal<PersonRecord>(ctx, 'operator.personnel', o.id, args, (ids, p) =>
          personsByOperators(ctx, ids, { activeOn, keyPositionOnly }, p),
        );
      },
    },
    PersonConnection,
  ),
);

builder.objectField(SystemRef, 'accesses', (t) =>
  t.connection(
    {
      type: AccessRef,
      description: 'Access of persons to the system (系统访问权限), by start date.',
      args: { activeOn: t.arg({ type: 'Date', description: activeOnArgDescription }) },
      resolve: (s, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPageWithTotal<AccessRecord>(ctx, 'system.accesses', s.id, args, (ids, p) =>
          accessesBySystems(ctx, ids, activeOn, p),
        );
      },
    },
    AccessConnection,
  ),
);

// ---------------------------------------------------------------------------------------------------
// Mutations

const personInput = (required: boolean) =>
  builder.inputType(required ? 'CreatePersonInput' : 'UpdatePersonInput', {
    description: required
      ? 'A new person (新增人员).'
      : 'Changes to a person; absent fields stay as they are.',
    fields: (t) => ({
      name: t.string({ required, description: 'Name (姓名).' }),
      residentId: t.string({
        required,
        description: 'Resident identity number (公民身份号码); stored only as keyed hash and masked form.',
      }),
    }),
  });
const CreatePersonInput = personInput(true);
const UpdatePersonInput = personInput(false);

const AddBackgroundCheckInput = builder.inputType('AddBackgroundCheckInput', {
  description: 'A background check (安全背景审查) to record.',
  fields: (t) => ({
    personId: t.id({ required: true, description: 'Global id of the person checked.' }),
    status: t.field({ type: CheckStatusEnum, required: true, description: 'Outcome (审查结论).' }),
    checkedOn: t.field({ type: 'Date', required: true, description: 'Date of the check (审查日期).' }),
    expiresOn: t.field({ type: 'Date', description: 'Last valid day (有效期至); omitted = no expiry.' }),
    checkedBy: t.string({ required: true, description: 'Who performed the check (审查机关/单位).' }),
  }),
});

const UpdateBackgroundCheckInput = builder.inputType('UpdateBackgroundCheckInput', {
  description: 'Changes to a background check; absent fields stay, expiresOn null = no expiry.',
  fields: (t) => ({
    status: t.field({ type: CheckStatusEnum, description: 'Outcome (审查结论).' }),
    checkedOn: t.field({ type: 'Date', description: 'Date of the check (审查日期).' }),
    expiresOn: t.field({ type: 'Date', description: 'Last valid day (有效期至); null = no expiry.' }),
    checkedBy: t.string({ description: 'Who performed the check (审查机关/单位).' }),
  }),
});

const AddEmploymentInput = builder.inputType('AddEmploymentInput', {
  description: 'An employment (任职) to record.',
  fields: (t) => ({
    personId: t.id({ required: true, description: 'Global id of the person.' }),
    employerId: t.id({ required: true, description: 'Global id of the Vendor or Operator (用人单位).' }),
    keyPosition: t.boolean({ description: 'Key position (关键岗位); default false.' }),
    role: t.string({ description: 'Role or post (岗位/职务).' }),
    from: t.field({ type: 'Date', required: true, description: 'First day (起始日期).' }),
    to: t.field({ type: 'Date', description: 'Last day (终止日期, inclusive); omitted = ongoing.' }),
  }),
});

const AddAccessInput = builder.inputType('AddAccessInput', {
  description: 'An access of a person to a system (系统访问权限) to record.',
  fields: (t) => ({
    personId: t.id({ required: true, description: 'Global id of the person.' }),
    systemId: t.id({ required: true, description: 'Global id of the system (等级保护对象).' }),
    kind: t.field({ type: AccessKindEnum, required: true, description: 'Kind of access (访问方式).' }),
    from: t.field({ type: 'Date', required: true, description: 'First day (起始日期).' }),
    to: t.field({ type: 'Date', description: 'Last day (终止日期, inclusive); omitted = ongoing.' }),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.field({
    type: PersonRef,
    description: 'Registers a person (登记人员). A resident ID already registered is a ConflictError.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: (_root, { input }, ctx) => createPerson(ctx, input),
  }),
  updatePerson: t.field({
    type: PersonRef,
    description: 'Changes a person (变更人员信息).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updatePerson(ctx, decodeId(id, 'Person'), input),
  }),
  deletePerson: t.field({
    type: 'ID',
    description:
      'Deletes a person with their background checks, employments and accesses (删除人员). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deletePerson(ctx, decodeId(id, 'Person'));
      return id;
    },
  }),
  addBackgroundCheck: t.field({
    type: BackgroundCheckRef,
    description: 'Records a background check (登记安全背景审查).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddBackgroundCheckInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addCheck(ctx, decodeId(input.personId, 'Person', 'input.personId'), input),
  }),
  updateBackgroundCheck: t.field({
    type: BackgroundCheckRef,
    description: 'Changes a background check (变更安全背景审查).',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateBackgroundCheckInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => updateCheck(ctx, decodeId(id, 'BackgroundCheck'), input),
  }),
  deleteBackgroundCheck: t.field({
    type: 'ID',
    description: 'Deletes a background check (删除安全背景审查). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteCheck(ctx, decodeId(id, 'BackgroundCheck'));
      return id;
    },
  }),
  addEmployment: t.field({
    type: EmploymentRef,
    description: 'Records that a person works for a vendor or an operator (登记任职).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddEmploymentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addEmployment(
        ctx,
        decodeId(input.personId, 'Person', 'input.personId'),
        decodeEmployerId(input.employerId, 'input.employerId'),
        input,
      ),
  }),
  endEmployment: t.field({
    type: EmploymentRef,
    description: 'Ends an employment (终止任职) on `to`, its last day; history is kept.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true }),
      to: t.arg({ type: 'Date', required: true, description: 'Last day of the employment.' }),
    },
    resolve: (_root, { id, to }, ctx) => endEmployment(ctx, decodeId(id, 'Employment'), to),
  }),
  addAccess: t.field({
    type: AccessRef,
    description: 'Grants a person access to a system (登记系统访问权限).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddAccessInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addAccess(
        ctx,
        decodeId(input.personId, 'Person', 'input.personId'),
        decodeId(input.systemId, 'System', 'input.systemId'),
        input,
      ),
  }),
  endAccess: t.field({
    type: AccessRef,
    description: 'Ends an access (终止访问权限) on `to`, its last day; history is kept.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true }),
      to: t.arg({ type: 'Date', required: true, description: 'Last day of the access.' }),
    },
    resolve: (_root, { id, to }, ctx) => endAccess(ctx, decodeId(id, 'Access'), to),
  }),
}));
