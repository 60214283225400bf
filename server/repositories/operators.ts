/** Store functions for network operators (网络运营者). */

import type { Context } from '../context.js';
import { operators as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { OperatorRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  mapConflicts,
  newId,
  scopedIds,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { loadSectorByCode } from './sectors.js';

export const OPERATOR_FIELDS = [
  'id',
  'uscc',
  'name',
  'divisionCode',
  'inDevelopmentZone',
  'sectorCode',
  'competentDepartment',
  'securityBody',
  'securityHead',
  'securityBodyEstablishedOn',
  'contactPhone',
] as const satisfies readonly (keyof OperatorRecord)[];

export const toOperator = (node: unknown) => toRecord<OperatorRecord>(node, OPERATOR_FIELDS);

export interface OperatorFilter {
  divisionCode?: string | null;
  sectorCode?: string | null;
  search?: string | null;
}

function filterParams(f: OperatorFilter) {
  return {
    divisionCode: f.divisionCode ?? null,
    sectorCode: f.sectorCode ?? null,
    search: f.search?.trim() || null,
  };
}

export async function listOperators(ctx: Context, filter: OperatorFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toOperator);
}

export async function countOperators(ctx: Context, filter: OperatorFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id through the request's DataLoader; out-of-scope ids resolve to null. */
export function loadOperator(ctx: Context, id: string): Promise<OperatorRecord | null> {
  return loadByKey(ctx, 'operator.byId', q.byIds, scopedIds, toOperator, id);
}

export interface OperatorInput {
  uscc?: string | null;
  name?: string | null;
  divisionCode?: string | null;
  inDevelopmentZone?: boolean | null;
  sectorCode?: string | null;
  competentDepartment?: string | null;
  securityBody?: string | null;
  securityHead?: string | null;
  securityBodyEstablishedOn?: string | null;
  contactPhone?: string | null;
}

/** Validates every field; `partial` (updates) lets required fields be absent but not null. */
function validate(input: OperatorInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<OperatorRecord> = {};
  const present = (k: keyof OperatorInput) => !partial || input[k] !== undefined;
  if (present('uscc') && v.required('input.uscc', input.uscc))
    props.uscc = v.uscc('input.uscc', input.uscc) ?? '';
  if (present('name') && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 200) ?? '';
  if (present('divisionCode') && v.required('input.divisionCode', input.divisionCode)) {
    props.divisionCode = v.divisionCode('input.divisionCode', input.divisionCode) ?? '140500';
  }
  if (present('inDevelopmentZone')) props.inDevelopmentZone = input.inDevelopmentZone ?? false;
  if (input.sectorCode !== undefined) {
    const code = input.sectorCode?.trim().toUpperCase() || null;
    if (code !== null && !/^[A-Z][A-Z0-9_]{1,31}$/.test(code)) {
      v.issue(
        'input.sectorCode',
        `"${input.sectorCode}" is not a sector code (upper-case letters, digits, _)`,
      );
    }
    props.sectorCode = code;
  }
  for (const k of ['competentDepartment', 'securityBody', 'securityHead'] as const) {
    if (input[k] !== undefined) props[k] = v.text(`input.${k}`, input[k], 200);
  }
  if (input.securityBodyEstablishedOn !== undefined) {
    props.securityBodyEstablishedOn = v.date(
      'input.securityBodyEstablishedOn',
      input.securityBodyEstablishedOn,
    );
  }
  if (input.contactPhone !== undefined) {
    const phone = v.text('input.contactPhone', input.contactPhone, 40);
    if (phone !== null && !/^[0-9+\-() ]{5,40}$/.test(phone)) {
      v.issue('input.contactPhone', `"${phone}" is not a telephone number`);
    }
    props.contactPhone = phone;
  }
  v.done();
  return props;
}

const CONFLICT_FIELDS = { uscc: 'input.uscc' };

async function sectorExists(ctx: Context, code: string | null | undefined) {
  if (!code) return;
  if (!(await loadSectorByCode(ctx, code))) {
    throw new ValidationError([{ field: 'input.sectorCode', message: `no sector with code "${code}"` }]);
  }
}

/** A registrar of a division registers and moves operators within that division only. */
function checkJurisdiction(ctx: Context, divisionCode: string | undefined) {
  const { scope } = ctx.principal;
  if (divisionCode === undefined || scope.all || (scope.divisionCodes as string[]).includes(divisionCode))
    return;
  throw new ValidationError([
    {
      field: 'input.divisionCode',
      message: `"${divisionCode}" is outside your jurisdiction (${ctx.principal.jurisdiction})`,
    },
  ]);
}

export async function createOperator(ctx: Context, input: OperatorInput): Promise<OperatorRecord> {
  const props = validate(input, false);
  checkJurisdiction(ctx, props.divisionCode);
  await sectorExists(ctx, props.sectorCode);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() } }),
  );
  return toOperator(row?.node);
}

export async function updateOperator(
  ctx: Context,
  id: string,
  input: OperatorInput,
): Promise<OperatorRecord> {
  const props = validate(input, true);
  checkJurisdiction(ctx, props.divisionCode);
  if (!(await loadOperator(ctx, id))) throw new NotFoundError('id', id, 'operator');
  await sectorExists(ctx, props.sectorCode);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.update, { id, props: toProps(props) }),
  );
  return toOperator(row?.node);
}

export async function deleteOperator(ctx: Context, id: string): Promise<string> {
  if (!(await loadOperator(ctx, id))) throw new NotFoundError('id', id, 'operator');
  const [row] = await ctx.db.run(q.delete, { id });
  const systems = (row?.systems as number) ?? 0;
  if (systems > 0) {
    throw new ValidationError([
      {
        field: 'id',
        message: `the operator still operates ${systems} system(s); delete or transfer them first`,
      },
    ]);
  }
  return id;
}
