/**
 * Supervised rectifications (挂牌督办, 3.3.13 / RCT-2): a system is listed with a deadline, then
 * moves through rectifying → verified → delisted. Each stage is a date, so the stage on any past date
 * can be read back (history for compliance as of that date).
 */
import type { Context } from '../context.js';
import { rectifications as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { loadByKey, newId, scopedIds, toDbDate, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export interface SupervisedRectificationRecord {
  id: string;
  systemId: string;
  title: string;
  listedOn: string;
  deadline: string;
  rectifyingOn: string | null;
  verifiedOn: string | null;
  delistedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'title',
  'listedOn',
  'deadline',
  'rectifyingOn',
  'verifiedOn',
  'delistedOn',
] as const satisfies readonly (keyof SupervisedRectificationRecord)[];

const toRectification = (node: unknown) => toRecord<SupervisedRectificationRecord>(node, FIELDS);

export function loadRectification(ctx: Context, id: string) {
  return loadByKey(ctx, 'rectifications/by-ids', q.byIds, scopedIds, toRectification, id);
}

export interface ListRectificationInput {
  systemId: string;
  title: string;
  listedOn: string;
  deadline: string;
}

export interface AdvanceRectificationInput {
  rectifyingOn?: string | null;
  verifiedOn?: string | null;
  delistedOn?: string | null;
}

/** Stage dates must not go backwards: listedOn ≤ rectifyingOn ≤ verifiedOn ≤ delistedOn (those present). */
function checkStages(v: InputValidator, r: Omit<SupervisedRectificationRecord, 'id' | 'systemId' | 'title'>) {
  const order: [string, string | null][] = [
    ['input.listedOn', r.listedOn],
    ['input.rectifyingOn', r.rectifyingOn],
    ['input.verifiedOn', r.verifiedOn],
    ['input.delistedOn', r.delistedOn],
  ];
  let last: string | null = null;
  for (const [field, date] of order) {
    if (date === null) continue;
    if (last !== null) v.dateOrder(field, last, date);
    last = date;
  }
}

export async function listRectification(
  ctx: Context,
  input: ListRectificationInput,
): Promise<SupervisedRectificationRecord> {
  const v = new InputValidator();
  const title = v.required('input.title', input.title) ? v.text('input.title', input.title, 200) : null;
  const listedOn = v.required('input.listedOn', input.listedOn)
    ? v.date('input.listedOn', input.listedOn)
    : null;
  const deadline = v.required('input.deadline', input.deadline)
    ? v.date('input.deadline', input.deadline)
    : null;
  v.dateOrder('input.deadline', listedOn, deadline);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const props = { ...toProps({ title, listedOn }), deadline: toDbDate(deadline as string) };
  const [row] = await ctx.db.run(q.create, { systemId: input.systemId, props: { ...props, id: newId() } });
  return toRectification(row?.node);
}

export async function advanceRectification(
  ctx: Context,
  id: string,
  input: AdvanceRectificationInput,
): Promise<SupervisedRectificationRecord> {
  const v = new InputValidator();
  const dates = {
    rectifyingOn: v.date('input.rectifyingOn', input.rectifyingOn),
    verifiedOn: v.date('input.verifiedOn', input.verifiedOn),
    delistedOn: v.date('input.delistedOn', input.delistedOn),
  };
  if (Object.values(input).every((x) => x == null)) v.issue('input', 'set at least one stage date');
  v.done();
  const existing = await loadRectification(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'supervised rectification');
  const merged = {
    listedOn: existing.listedOn,
    deadline: existing.deadline,
    rectifyingOn: dates.rectifyingOn ?? existing.rectifyingOn,
    verifiedOn: dates.verifiedOn ?? existing.verifiedOn,
    delistedOn: dates.delistedOn ?? existing.delistedOn,
  };
  const order = new InputValidator();
  checkStages(order, merged);
  order.done();
  const changes = Object.fromEntries(Object.entries(dates).filter(([, d]) => d !== null));
  const [row] = await ctx.db.run(q.update, { id, props: toProps(changes) });
  return toRectification(row?.node);
}
