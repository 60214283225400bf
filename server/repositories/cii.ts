/**
 * Store functions for critical information infrastructure (关键信息基础设施, CII): designations
 * identified (认定) by a protection department, and the systems that are part of them (PART_OF,
 * with a validity window).
 */

import type { Context } from '../context.js';
import { cii as q } from '../cypher.generated.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { CriticalInfrastructureRecord, MembershipRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  nestedWindowPages,
  newId,
  scopedIds,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { loadDepartment } from './departments.js';
import { loadSectorByCode, SECTOR_CODE } from './sectors.js';
import { loadSystem } from './systems.js';

export const CII_FIELDS = [
  'id',
  'name',
  'sectorCode',
  'departmentId',
  'identifiedOn',
  'operatorNotifiedOn',
  'policeNotifiedOn',
] as const satisfies readonly (keyof CriticalInfrastructureRecord)[];

export const toCii = (node: unknown) => toRecord<CriticalInfrastructureRecord>(node, CII_FIELDS);

export const MEMBERSHIP_FIELDS = [
  'id',
  'from',
  'to',
  'systemId',
  'ciiId',
] as const satisfies readonly (keyof MembershipRecord)[];

export const toMembership = (node: unknown) => toRecord<MembershipRecord>(node, MEMBERSHIP_FIELDS);

export interface CiiFilter {
  sectorCode?: string | null;
  /** Database id (decoded from the global id by the schema). */
  departmentId?: string | null;
  divisionCode?: string | null;
  search?: string | null;
}

function filterParams(f: CiiFilter) {
  return {
    sectorCode: f.sectorCode?.trim().toUpperCase() || null,
    departmentId: f.departmentId ?? null,
    divisionCode: f.divisionCode?.trim() || null,
    search: f.search?.trim() || null,
  };
}

export async function listCii(ctx: Context, filter: CiiFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toCii);
}

export async function countCii(ctx: Context, filter: CiiFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id through the request's DataLoader; out-of-scope ids resolve to null. */
export function loadCii(ctx: Context, id: string): Promise<CriticalInfrastructureRecord | null> {
  return loadByKey(ctx, 'cii.byId', q.byIds, scopedIds, toCii, id);
}

/** Batched by id; memberships whose system is out of scope resolve to null. */
export function loadMembership(ctx: Context, id: string): Promise<MembershipRecord | null> {
  return loadByKey(ctx, 'cii.membershipById', q.membershipsByIds, scopedIds, toMembership, id);
}

/** CII designations each department identified: one statement for all departments. */
export function ciiOfDepartments(ctx: Context, departmentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.byDepartments, {
    scope: ctx.principal.scope,
    parentIds: departmentIds,
    ...keysetParams(page),
  });
}

/** CII designations in each sector (by sector id): one statement for all sectors. */
export function ciiOfSectors(ctx: Context, sectorIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.bySectors, { scope: ctx.principal.scope, parentIds: sectorIds, ...keysetParams(page) });
}

/** Memberships (systems) of each CII, optionally valid on `activeOn`: one statement for all. */
export const membershipsOfCii = nestedWindowPages(q.membershipsByCii);

/** CII memberships of each system, optionally valid on `activeOn`: one statement for all. */
export const membershipsOfSystems = nestedWindowPages(q.membershipsBySystem);

/** Distinct operators of each CII's systems: one statement for all. */
export const operatorsOfCii = nestedWindowPages(q.operatorsByCii);

export interface CiiInput {
  name?: string | null;
  sectorCode?: string | null;
  /** Database id of the identifying protection department. */
  departmentId?: string | null;
  identifiedOn?: string | null;
  operatorNotifiedOn?: string | null;
  policeNotifiedOn?: string | null;
}

/** Field-level checks; `partial` (updates) lets required fields be absent but not null. */
function validate(input: CiiInput, partial: boolean) {
  const v = new InputValidator();
  const out: Partial<CriticalInfrastructureRecord> = {};
  const present = (k: keyof CiiInput) => !partial || input[k] !== undefined;
  if (present('name') && v.required('input.name', input.name))
    out.name = v.text('input.name', input.name, 200) ?? '';
  if (present('sectorCode') && v.required('input.sectorCode', input.sectorCode)) {
    const code = input.sectorCode.trim().toUpperCase();
    if (!SECTOR_CODE.test(code)) {
      v.issue(
        'input.sectorCode',
        `"${input.sectorCode}" is not a sector code (upper-case letters, digits, _)`,
      );
    }
    out.sectorCode = code;
  }
  if (present('departmentId') && v.required('input.departmentId', input.departmentId)) {
    out.departmentId = input.departmentId;
  }
  if (present('identifiedOn') && v.required('input.identifiedOn', input.identifiedOn)) {
    out.identifiedOn = v.date('input.identifiedOn', input.identifiedOn) ?? undefined;
  }
  for (const k of ['operatorNotifiedOn', 'policeNotifiedOn'] as const) {
    if (input[k] !== undefined) out[k] = v.date(`input.${k}`, input[k]);
  }
  v.done();
  return out;
}

/**
 * Checks of the whole designation against the graph: the sector exists, the department exists
 * and is responsible for (RESPONSIBLE_FOR) that sector, and notices are not dated before the
 * identification. `input` tells which fields were given, to name the right field.
 */
async function checkDesignation(ctx: Context, record: CriticalInfrastructureRecord, input: CiiInput) {
  const issues: { field: string; message: string }[] = [];
  for (const k of ['operatorNotifiedOn', 'policeNotifiedOn'] as const) {
    const date = record[k];
    if (date !== null && date < record.identifiedOn) {
      issues.push({
        field: input[k] !== undefined ? `input.${k}` : 'input.identifiedOn',
        message: `${k} ${date} is before identifiedOn ${record.identifiedOn}`,
      });
    }
  }
  const [sector, department] = await Promise.all([
    loadSectorByCode(ctx, record.sectorCode),
    loadDepartment(ctx, record.departmentId),
  ]);
  if (!department)
    throw new NotFoundError('input.departmentId', record.departmentId, 'protection department');
  if (!sector) {
    issues.push({ field: 'input.sectorCode', message: `no sector with code "${record.sectorCode}"` });
  } else if (!department.sectorCodes.includes(record.sectorCode)) {
    issues.push({
      field: 'input.departmentId',
      message: `${department.name} is not a protection department of sector ${record.sectorCode} (responsible for: ${
        department.sectorCodes.join(', ') || 'none'
      })`,
    });
  }
  if (issues.length) throw new ValidationError(issues);
}

const writeParams = (record: CriticalInfrastructureRecord) => ({
  props: toProps({ ...record }, ['departmentId', 'identifiedOn']),
  departmentId: record.departmentId,
  identifiedOn: record.identifiedOn,
});

export async function createCii(ctx: Context, input: CiiInput): Promise<CriticalInfrastructureRecord> {
  const fields = validate(input, false);
  const record = {
    operatorNotifiedOn: null,
    policeNotifiedOn: null,
    ...fields,
    id: newId(),
  } as CriticalInfrastructureRecord;
  await checkDesignation(ctx, record, input);
  const params = writeParams(record);
  const [row] = await ctx.db.run(q.create, { ...params, props: { ...params.props, id: record.id } });
  return toCii(row?.node);
}

export async function updateCii(
  ctx: Context,
  id: string,
  input: CiiInput,
): Promise<CriticalInfrastructureRecord> {
  const fields = validate(input, true);
  const existing = await loadCii(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'critical information infrastructure');
  const record = { ...existing, ...fields };
  await checkDesignation(ctx, record, input);
  const [row] = await ctx.db.run(q.update, { id, ...writeParams(record) });
  return toCii(row?.node);
}

/** Deletes a designation; its memberships (PART_OF) go with it. */
export async function deleteCii(ctx: Context, id: string): Promise<string> {
  if (!(await loadCii(ctx, id))) throw new NotFoundError('id', id, 'critical information infrastructure');
  await ctx.db.run(q.delete, { id });
  return id;
}

export interface MembershipInput {
  /** Database ids (decoded from global ids by the schema). */
  systemId: string;
  ciiId: string;
  from?: string | null;
  to?: string | null;
}

const overlapMessage = (systemId: string, ids: string[]) =>
  `system ${systemId} is already part of this CII for an overlapping period (membership ${ids.join(', ')})`;

/** Makes a system part of a CII from `from` to `to` (inclusive; null = in force). */
export async function addMembership(ctx: Context, input: MembershipInput): Promise<MembershipRecord> {
  const v = new InputValidator();
  const { from, to } = v.window('input', input.from, input.to);
  v.done();
  const [system, cii] = await Promise.all([loadSystem(ctx, input.systemId), loadCii(ctx, input.ciiId)]);
  if (!system) throw new NotFoundError('input.systemId', input.systemId, 'system');
  if (!cii) throw new NotFoundError('input.ciiId', input.ciiId, 'critical information infrastructure');
  const window = { systemId: input.systemId, ciiId: input.ciiId, from: from as string, to };
  const overlapping = await ctx.db.run(q.overlappingMemberships, window);
  if (overlapping.length) {
    throw new ConflictError(
      'input.systemId',
      overlapMessage(
        input.systemId,
        overlapping.map((r) => r.id as string),
      ),
    );
  }
  // The write re-checks the overlap, so a concurrent add cannot slip in between.
  const [row] = await ctx.db.run(q.addMembership, { id: newId(), ...window });
  if (!row) throw new ConflictError('input.systemId', overlapMessage(input.systemId, []));
  return toMembership(row.node);
}

/** Ends a membership in force: `to` is its last valid day. History is kept. */
export async function endMembership(ctx: Context, id: string, to: string | null | undefined) {
  const v = new InputValidator();
  const end = v.required('to', to) ? v.date('to', to) : null;
  v.done();
  const membership = await loadMembership(ctx, id);
  if (!membership) throw new NotFoundError('id', id, 'CII membership');
  if (membership.to !== null) {
    throw new ValidationError([{ field: 'to', message: `the membership already ended on ${membership.to}` }]);
  }
  if ((end as string) < membership.from) {
    throw new ValidationError([
      { field: 'to', message: `end date ${end} is before start date ${membership.from}` },
    ]);
  }
  const [row] = await ctx.db.run(q.endMembership, { id, to: end as string });
  if (!row) throw new ValidationError([{ field: 'to', message: 'the membership was ended meanwhile' }]);
  return toMembership(row.node);
}
