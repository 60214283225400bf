/**
 * Store functions for personnel (人员). A person's resident identity number (公民身份号码) is personal
 * information: it is stored only as a keyed hash (for matching) and a masked form, never in clear, and
 * no statement returns the hash.
 */

import type { Context } from '../context.js';
import { persons as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { CheckStatus, EmployerKind, PersonRecord } from '../model.js';
import type { Keyed, PageParams } from '../pagination.js';
import { hashResidentId, maskResidentId } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  mapConflicts,
  newId,
  scopedIds,
  todayInChina,
  toRecord,
  totalOf,
} from './common.js';

export const PERSON_FIELDS = [
  'id',
  'name',
  'residentIdMasked',
] as const satisfies readonly (keyof PersonRecord)[];

export const toPerson = (node: unknown) => toRecord<PersonRecord>(node, PERSON_FIELDS);

/** A page of a batched nested list plus the parent's total over all pages. */
export interface NestedRows<T> {
  rows: Keyed<T>[];
  total: number;
}

/** Rows of a batched nested page statement (`RETURN parentId, rows, total`) → a map by parent. */
export function groupPageRows<T>(
  rows: Record<string, unknown>[],
  toNode: (node: unknown) => T,
): Map<string, NestedRows<T>> {
  return new Map(
    rows.map((r) => [
      r.parentId as string,
      {
        rows: (r.rows as { sortKey: string; node: unknown }[]).map((x) => ({
          sortKey: String(x.sortKey),
          node: toNode(x.node),
        })),
        total: (r.total as number) ?? 0,
      },
    ]),
  );
}

/** Rows of a batched nested list statement (`RETURN parentId, rows`) → a map by parent. */
export function groupLists<T>(
  rows: Record<string, unknown>[],
  toNode: (node: unknown) => T,
): Map<string, T[]> {
  return new Map(rows.map((r) => [r.parentId as string, (r.rows as unknown[]).map(toNode)]));
}

export interface PersonFilter {
  search?: string | null;
  /** Already normalised resident ID (the caller validates it and reports the argument). */
  residentId?: string | null;
  checkStatus?: CheckStatus | null;
  /** Database id and kind of a vendor or operator: persons with an employment there active today. */
  employer?: { id: string; kind: EmployerKind } | null;
}

function filterParams(ctx: Context, f: PersonFilter) {
  return {
    search: f.search?.trim() || null,
    residentIdHash: f.residentId ? hashResidentId(f.residentId, ctx.config.residentIdKey) : null,
    checkStatus: f.checkStatus ?? null,
    employerId: f.employer?.id ?? null,
    employerLabel: f.employer ? (f.employer.kind === 'VENDOR' ? 'Vendor' : 'Operator') : null,
    today: todayInChina(),
  };
}

export async function listPersons(ctx: Context, filter: PersonFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(ctx, filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toPerson);
}

export async function countPersons(ctx: Context, filter: PersonFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(ctx, filter) }));
}

/** Batched by id through the request's DataLoader; out-of-scope ids resolve to null. */
export function loadPerson(ctx: Context, id: string): Promise<PersonRecord | null> {
  return loadByKey(ctx, 'person.byId', q.byIds, scopedIds, toPerson, id);
}

export interface PersonNestedArgs {
  activeOn: string | null;
  keyPositionOnly?: boolean;
}

/** Distinct persons employed by each vendor (one statement for all vendors of the batch). */
export async function personsByVendors(
  ctx: Context,
  vendorIds: readonly string[],
  args: PersonNestedArgs,
  page: PageParams,
) {
  const rows = await ctx.db.run(q.byVendors, {
    parentIds: vendorIds,
    activeOn: args.activeOn,
    ...keysetParams(page),
  });
  return groupPageRows(rows, toPerson);
}

/** Distinct persons employed by each operator (one statement for all operators of the batch). */
export async function personsByOperators(
  ctx: Context,
  operatorIds: readonly string[],
  args: PersonNestedArgs,
  page: PageParams,
) {
  const rows = await ctx.db.run(q.byOperators, {
    parentIds: operatorIds,
    activeOn: args.activeOn,
    keyPositionOnly: args.keyPositionOnly ?? false,
    ...keysetParams(page),
  });
  return groupPageRows(rows, toPerson);
}

export interface PersonInput {
  name?: string | null;
  residentId?: string | null;
}

/** Validates every field; `partial` (updates) lets fields be absent but not null. */
function validate(ctx: Context, input: PersonInput, partial: boolean) {
  const v = new InputValidator();
  const props: Record<string, unknown> = {};
  const present = (k: keyof PersonInput) => !partial || input[k] !== undefined;
  if (present('name') && v.required('input.name', input.name)) {
    props.name = v.text('input.name', input.name, 100) ?? '';
  }
  if (present('residentId') && v.required('input.residentId', input.residentId)) {
    const normalized = v.residentId('input.residentId', input.residentId);
    if (normalized !== null) {
      props.residentIdHash = hashResidentId(normalized, ctx.config.residentIdKey);
      props.residentIdMasked = maskResidentId(normalized);
    }
  }
  v.done();
  return props;
}

const CONFLICT_FIELDS = { residentIdHash: 'input.residentId' };

export async function createPerson(ctx: Context, input: PersonInput): Promise<PersonRecord> {
  const props = validate(ctx, input, false);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, { props: { ...props, id: newId() } }),
  );
  return toPerson(row?.node);
}

export async function updatePerson(ctx: Context, id: string, input: PersonInput): Promise<PersonRecord> {
  const props = validate(ctx, input, true);
  if (!(await loadPerson(ctx, id))) throw new NotFoundError('id', id, 'person');
  const [row] = await mapConflicts(CONFLICT_FIELDS, () => ctx.db.run(q.update, { id, props }));
  return toPerson(row?.node);
}

export async function deletePerson(ctx: Context, id: string): Promise<string> {
  if (!(await loadPerson(ctx, id))) throw new NotFoundError('id', id, 'person');
  await ctx.db.run(q.delete, { id });
  return id;
}
