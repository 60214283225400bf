/** Store functions for sectors (重要行业和领域): public reference data. */

import type { Context } from '../context.js';
import { sectors as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { SectorRecord } from '../model.js';
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
} from './common.js';

export const SECTOR_FIELDS = [
  'id',
  'code',
  'name',
  'nameEn',
] as const satisfies readonly (keyof SectorRecord)[];
export const toSector = (node: unknown) => toRecord<SectorRecord>(node, SECTOR_FIELDS);

export function loadSectorByCode(ctx: Context, code: string): Promise<SectorRecord | null> {
  return loadByKey(ctx, 'sector.byCode', q.byCodes, (codes) => ({ codes }), toSector, code, 'code');
}

export async function listSectors(ctx: Context, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    ...keysetParams(page),
  });
  return keyedRows(rows, toSector);
}

/** Batched by id through the request's DataLoader (node(id:)). */
export function loadSector(ctx: Context, id: string): Promise<SectorRecord | null> {
  return loadByKey(ctx, 'sector.byId', q.byIds, publicIds, toSector, id);
}

/** Sectors each protection department is responsible for (one statement for all departments). */
export async function sectorsOfDepartments(ctx: Context, departmentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.byDepartments, {
    parentIds: departmentIds,
    ...keysetParams(page),
  });
}

export interface SectorInput {
  code?: string | null;
  name?: string | null;
  nameEn?: string | null;
}

/** The form of a sector code (upper-case letters, digits, _), as operators and CII store it. */
export const SECTOR_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

/** Validates every field; on update (`partial`) the code is not accepted (it is the natural key). */
function validate(input: SectorInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<SectorRecord> = {};
  const present = (k: keyof SectorInput) => !partial || input[k] !== undefined;
  if (!partial && v.required('input.code', input.code)) {
    const code = input.code.trim().toUpperCase();
    if (!SECTOR_CODE.test(code)) {
      v.issue('input.code', `"${input.code}" is not a sector code (upper-case letters, digits, _; 2–32)`);
    }
    props.code = code;
  }
  if (present('name') && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 100) ?? '';
  if (present('nameEn') && v.required('input.nameEn', input.nameEn)) {
    props.nameEn = v.text('input.nameEn', input.nameEn, 200) ?? '';
  }
  v.done();
  return props;
}

export async function createSector(ctx: Context, input: SectorInput): Promise<SectorRecord> {
  const props = validate(input, false);
  const [row] = await mapConflicts({ code: 'input.code' }, () =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() } }),
  );
  return toSector(row?.node);
}

export async function updateSector(ctx: Context, id: string, input: SectorInput): Promise<SectorRecord> {
  const props = validate(input, true);
  if (!(await loadSector(ctx, id))) throw new NotFoundError('id', id, 'sector');
  const [row] = await ctx.db.run(q.update, { id, props: toProps(props) });
  return toSector(row?.node);
}

/** Deletes a sector no operator or CII designation is in; departments' responsibility links go with it. */
export async function deleteSector(ctx: Context, id: string): Promise<string> {
  const [usage] = await ctx.db.run(q.usage, { id });
  if (!usage) throw new NotFoundError('id', id, 'sector');
  const operators = (usage.operators as number) ?? 0;
  const ciis = (usage.criticalInfrastructures as number) ?? 0;
  if (operators > 0 || ciis > 0) {
    throw new ValidationError([
      {
        field: 'id',
        message: `the sector still has ${operators} operator(s) and ${ciis} CII designation(s); move them first`,
      },
    ]);
  }
  await ctx.db.run(q.delete, { id });
  return id;
}
