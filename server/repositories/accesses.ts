/**
 * Store functions for system access (系统访问权限): (Person)-[:HAS_ACCESS {id, from, to, kind}]->(System),
 * kinds ONSITE 现场, REMOTE 远程, PRIVILEGED 特权.
 */

import type { Context } from '../context.js';
import { accesses as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { ACCESS_KINDS, type AccessKind, type AccessRecord, type SystemRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import { keysetParams, loadByKey, newId, scopedIds, toProps, toRecord } from './common.js';
import { groupLists, groupPageRows, loadPerson } from './persons.js';
import { toSystemRecord } from './systems.js';

export const ACCESS_FIELDS = [
  'id',
  'from',
  'to',
  'personId',
  'systemId',
  'kind',
] as const satisfies readonly (keyof AccessRecord)[];

export const toAccess = (node: unknown) => toRecord<AccessRecord>(node, ACCESS_FIELDS);

/** The system at the end of an access, read by this domain's own statement. Out of scope → null. */
export function loadAccessSystem(ctx: Context, id: string): Promise<SystemRecord | null> {
  return loadByKey(ctx, 'access.system', q.systemsByIds, scopedIds, toSystemRecord, id);
}

/** Batched by id; accesses to systems outside the caller's scope resolve to null. */
export function loadAccess(ctx: Context, id: string): Promise<AccessRecord | null> {
  return loadByKey(ctx, 'access.byId', q.byIds, scopedIds, toAccess, id);
}

/** Accesses of a person (valid on `activeOn` when given); one statement per request level. */
export function loadAccessesOfPerson(ctx: Context, personId: string, activeOn: string | null) {
  return ctx
    .loader<string, AccessRecord[]>('accesses.byPerson', activeOn, async (ids) => {
      const rows = await ctx.db.run(q.byPersons, { scope: ctx.principal.scope, parentIds: ids, activeOn });
      const byPerson = groupLists(rows, toAccess);
      return ids.map((i) => byPerson.get(i) ?? []);
    })
    .load(personId);
}

/** One page of accesses per system, with each system's total (one statement for all systems). */
export async function accessesBySystems(
  ctx: Context,
  systemIds: readonly string[],
  activeOn: string | null,
  page: PageParams,
) {
  const rows = await ctx.db.run(q.bySystems, {
    parentIds: systemIds,
    activeOn,
    ...keysetParams(page),
  });
  return groupPageRows(rows, toAccess);
}

export interface AccessInput {
  kind?: AccessKind | null;
  from?: string | null;
  to?: string | null;
}

export async function addAccess(
  ctx: Context,
  personId: string,
  systemId: string,
  input: AccessInput,
): Promise<AccessRecord> {
  const v = new InputValidator();
  const kind = v.required('input.kind', input.kind) ? v.oneOf('input.kind', input.kind, ACCESS_KINDS) : null;
  const window = v.window('input', input.from, input.to);
  v.done();
  if (!(await loadPerson(ctx, personId))) throw new NotFoundError('input.personId', personId, 'person');
  if (!(await loadAccessSystem(ctx, systemId))) throw new NotFoundError('input.systemId', systemId, 'system');
  const props = toProps({ kind, from: window.from, to: window.to });
  const [row] = await ctx.db.run(q.create, { personId, systemId, props: { ...props, id: newId() } });
  return toAccess(row?.node);
}

export async function endAccess(ctx: Context, id: string, to: string): Promise<AccessRecord> {
  const v = new InputValidator();
  const end = v.required('to', to) ? v.date('to', to) : null;
  v.done();
  const existing = await loadAccess(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'access');
  if (existing.to !== null) {
    throw new ValidationError([{ field: 'to', message: `the access already ended on ${existing.to}` }]);
  }
  v.dateOrder('to', existing.from, end);
  v.done();
  const [row] = await ctx.db.run(q.end, { id, to: end ?? to });
  if (!row) throw new ValidationError([{ field: 'to', message: 'the access already ended' }]);
  return toAccess(row.node);
}
