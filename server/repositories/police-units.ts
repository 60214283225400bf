/** Store functions for police units (公安机关 / 网安部门), one per division: public reference data. */

import type { Context } from '../context.js';
import { policeUnits as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { PoliceUnitRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  mapConflicts,
  newId,
  publicIds,
  toProps,
  toRecord,
  totalOf,
} from './common.js';

export const POLICE_UNIT_FIELDS = [
  'id',
  'name',
  'divisionCode',
] as const satisfies readonly (keyof PoliceUnitRecord)[];

export const toPoliceUnit = (node: unknown) => toRecord<PoliceUnitRecord>(node, POLICE_UNIT_FIELDS);

export async function listPoliceUnits(ctx: Context, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    ...keysetParams(page),
  });
  return keyedRows(rows, toPoliceUnit);
}

export async function countPoliceUnits(ctx: Context) {
  return totalOf(await ctx.db.run(q.count, {}));
}

export function loadPoliceUnit(ctx: Context, id: string): Promise<PoliceUnitRecord | null> {
  return loadByKey(ctx, 'policeUnit.byId', q.byIds, publicIds, toPoliceUnit, id);
}

export function loadPoliceUnitByDivision(
  ctx: Context,
  divisionCode: string,
): Promise<PoliceUnitRecord | null> {
  return loadByKey(
    ctx,
    'policeUnit.byDivision',
    q.byDivisions,
    (codes) => ({ codes }),
    toPoliceUnit,
    divisionCode.trim(),
    'divisionCode',
  );
}

export interface PoliceUnitInput {
  name?: string | null;
  divisionCode?: string | null;
}

function validate(input: PoliceUnitInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<PoliceUnitRecord> = {};
  const present = (k: keyof PoliceUnitInput) => !partial || input[k] !== undefined;
  if (present('name') && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 200) ?? '';
  if (present('divisionCode') && v.required('input.divisionCode', input.divisionCode)) {
    props.divisionCode = v.divisionCode('input.divisionCode', input.divisionCode) ?? '140500';
  }
  v.done();
  return props;
}

const CONFLICT_FIELDS = { divisionCode: 'input.divisionCode' };

export async function createPoliceUnit(ctx: Context, input: PoliceUnitInput): Promise<PoliceUnitRecord> {
  const props = validate(input, false);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() } }),
  );
  return toPoliceUnit(row?.node);
}

export async function updatePoliceUnit(
  ctx: Context,
  id: string,
  input: PoliceUnitInput,
): Promise<PoliceUnitRecord> {
  const props = validate(input, true);
  if (!(await loadPoliceUnit(ctx, id))) throw new NotFoundError('id', id, 'police unit');
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.update, { id, props: toProps(props) }),
  );
  return toPoliceUnit(row?.node);
}

export async function deletePoliceUnit(ctx: Context, id: string): Promise<string> {
  if (!(await loadPoliceUnit(ctx, id))) throw new NotFoundError('id', id, 'police unit');
  await ctx.db.run(q.delete, { id });
  return id;
}
