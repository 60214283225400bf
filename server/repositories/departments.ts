/** Store functions for protection departments (保护工作部门): public reference data, no scope. */

import type { Context } from '../context.js';
import { departments as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ProtectionDepartmentRecord } from '../model.js';
import type { Row } from '../neo4j.js';
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
import { loadSectorByCode, SECTOR_CODE } from './sectors.js';

export const DEPARTMENT_FIELDS = [
  'id',
  'name',
  'divisionCode',
] as const satisfies readonly (keyof ProtectionDepartmentRecord)[];

export const toDepartment = (node: unknown) => toRecord<ProtectionDepartmentRecord>(node, DEPARTMENT_FIELDS);

/** A department with the codes of the sectors it is responsible for (RESPONSIBLE_FOR). */
export type DepartmentWithSectors = ProtectionDepartmentRecord & { sectorCodes: string[] };

export interface DepartmentFilter {
  sectorCode?: string | null;
}

const sectorParam = (f: DepartmentFilter) => f.sectorCode?.trim().toUpperCase() || null;

export async function listDepartments(ctx: Context, filter: DepartmentFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    sectorCode: sectorParam(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toDepartment);
}

export async function countDepartments(ctx: Context, filter: DepartmentFilter) {
  return totalOf(await ctx.db.run(q.count, { sectorCode: sectorParam(filter) }));
}

/** Batched by id through the request's DataLoader, with the department's sector codes. */
export function loadDepartment(ctx: Context, id: string): Promise<DepartmentWithSectors | null> {
  const withSectors = (node: unknown, row: Row): DepartmentWithSectors => ({
    ...toDepartment(node),
    sectorCodes: (row.sectorCodes as string[]) ?? [],
  });
  return loadByKey(ctx, 'department.byId', q.byIds, publicIds, withSectors, id);
}

/** Departments responsible for each sector (by sector id): one statement for all sectors. */
export function departmentsOfSectors(ctx: Context, sectorIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.bySectors, {
    parentIds: sectorIds,
    ...keysetParams(page),
  });
}

export interface DepartmentInput {
  name?: string | null;
  divisionCode?: string | null;
  sectorCodes?: readonly string[] | null;
}

function validate(input: DepartmentInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<ProtectionDepartmentRecord> = {};
  const present = (k: keyof DepartmentInput) => !partial || input[k] !== undefined;
  if (present('name') && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 200) ?? '';
  if (present('divisionCode') && v.required('input.divisionCode', input.divisionCode)) {
    props.divisionCode = v.divisionCode('input.divisionCode', input.divisionCode) ?? '140500';
  }
  let sectorCodes: string[] | null = null;
  if (present('sectorCodes')) {
    sectorCodes = [];
    (input.sectorCodes ?? []).forEach((raw, i) => {
      const code = raw.trim().toUpperCase();
      if (!SECTOR_CODE.test(code)) {
        v.issue(`input.sectorCodes[${i}]`, `"${raw}" is not a sector code (upper-case letters, digits, _)`);
      } else if (sectorCodes?.includes(code)) {
        v.issue(`input.sectorCodes[${i}]`, `"${code}" is listed twice`);
      }
      sectorCodes?.push(code);
    });
  }
  v.done();
  return { props, sectorCodes };
}

/** Every listed sector exists; an unknown one is an issue on its index. */
async function checkSectors(ctx: Context, codes: readonly string[]) {
  const found = await Promise.all(codes.map((c) => loadSectorByCode(ctx, c)));
  const issues = codes.flatMap((code, i) =>
    found[i] ? [] : [{ field: `input.sectorCodes[${i}]`, message: `no sector with code "${code}"` }],
  );
  if (issues.length) throw new ValidationError(issues);
}

const CONFLICT_FIELDS = { name: 'input.name' };

export async function createDepartment(
  ctx: Context,
  input: DepartmentInput,
): Promise<ProtectionDepartmentRecord> {
  const { props, sectorCodes } = validate(input, false);
  await checkSectors(ctx, sectorCodes ?? []);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() }, sectorCodes: sectorCodes ?? [] }),
  );
  return toDepartment(row?.node);
}

/** Sector codes of the CII designations the department identified, all of them (integrity, not listing). */
async function identifiedSectors(ctx: Context, id: string): Promise<string[]> {
  const rows = await ctx.db.run(q.identifiedSectors, { id });
  return rows.map((r) => r.sectorCode as string);
}

export async function updateDepartment(
  ctx: Context,
  id: string,
  input: DepartmentInput,
): Promise<ProtectionDepartmentRecord> {
  const { props, sectorCodes } = validate(input, true);
  if (!(await loadDepartment(ctx, id))) throw new NotFoundError('id', id, 'protection department');
  if (sectorCodes) {
    await checkSectors(ctx, sectorCodes);
    const dropped = (await identifiedSectors(ctx, id)).filter((c) => !sectorCodes.includes(c));
    if (dropped.length) {
      throw new ValidationError([
        {
          field: 'input.sectorCodes',
          message: `the department identified CII designations in ${dropped.join(', ')}; it must stay responsible for them`,
        },
      ]);
    }
  }
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.update, {
      id,
      props: toProps(props),
      replaceSectors: sectorCodes !== null,
      sectorCodes: sectorCodes ?? [],
    }),
  );
  return toDepartment(row?.node);
}

/** Deletes a department that identified no CII designation (a designation always names its department). */
export async function deleteDepartment(ctx: Context, id: string): Promise<string> {
  if (!(await loadDepartment(ctx, id))) throw new NotFoundError('id', id, 'protection department');
  const rows = await ctx.db.run(q.identifiedSectors, { id });
  const designations = rows.reduce((n, r) => n + ((r.designations as number) ?? 0), 0);
  if (designations > 0) {
    throw new ValidationError([
      {
        field: 'id',
        message: `the department identified ${designations} CII designation(s); delete or re-assign them first`,
      },
    ]);
  }
  await ctx.db.run(q.delete, { id });
  return id;
}
