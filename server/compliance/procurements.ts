/**
 * Procurements of CII systems (关基运营者采购网络产品和服务, CII-8): a purchase that may affect national
 * security must pass a security review (网络安全审查) before it is made. Kept as dated nodes
 * (purchasedOn, reviewPassedOn), so past dates give past answers.
 */
import type { Context } from '../context.js';
import { procurements as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export interface ProcurementRecord {
  id: string;
  systemId: string;
  title: string;
  purchasedOn: string;
  affectsNationalSecurity: boolean;
  reviewPassedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'title',
  'purchasedOn',
  'affectsNationalSecurity',
  'reviewPassedOn',
] as const satisfies readonly (keyof ProcurementRecord)[];
const toProcurement = (node: unknown) => toRecord<ProcurementRecord>(node, FIELDS);

export function loadProcurement(ctx: Context, id: string) {
  return loadByKey(ctx, 'procurements/by-ids', q.byIds, scopedIds, toProcurement, id);
}

export interface RecordProcurementInput {
  systemId: string;
  title: string;
  purchasedOn: string;
  affectsNationalSecurity: boolean;
  reviewPassedOn?: string | null;
}

export async function recordProcurement(
  ctx: Context,
  input: RecordProcurementInput,
): Promise<ProcurementRecord> {
  const v = new InputValidator();
  const title = v.required('input.title', input.title) ? v.text('input.title', input.title) : null;
  const purchasedOn = v.required('input.purchasedOn', input.purchasedOn)
    ? v.date('input.purchasedOn', input.purchasedOn)
    : null;
  v.required('input.affectsNationalSecurity', input.affectsNationalSecurity);
  const reviewPassedOn = v.date('input.reviewPassedOn', input.reviewPassedOn);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const props = toProps({
    title,
    purchasedOn,
    affectsNationalSecurity: input.affectsNationalSecurity,
    reviewPassedOn: reviewPassedOn ?? undefined,
  });
  const [row] = await ctx.db.run(q.create, { systemId: input.systemId, props: { ...props, id: newId() } });
  return toProcurement(row?.node);
}

export async function reviewProcurement(
  ctx: Context,
  id: string,
  reviewPassedOnInput: string,
): Promise<ProcurementRecord> {
  const v = new InputValidator();
  const reviewPassedOn = v.required('reviewPassedOn', reviewPassedOnInput)
    ? v.date('reviewPassedOn', reviewPassedOnInput)
    : null;
  v.done();
  if (!(await loadProcurement(ctx, id))) throw new NotFoundError('id', id, 'procurement');
  const [row] = await ctx.db.run(q.review, { id, reviewPassedOn: reviewPassedOn as string });
  return toProcurement(row?.node);
}
