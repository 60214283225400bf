/**
 * The expert review (专家评审, GRD-2) and the competent department's approval (行业主管部门核准, GRD-3)
 * of a system's grading, held on one GradingReview node per system: the dates are the history
 * (a past asOf before a date reads it as not yet done).
 */
import type { Context } from '../context.js';
import { grading as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { newId, toRecord } from '../repositories/common.js';
import { InputValidator } from '../validation/input.js';

export interface GradingReviewRecord {
  id: string;
  systemId: string;
  expertReviewedOn: string | null;
  competentApprovedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'expertReviewedOn',
  'competentApprovedOn',
] as const satisfies readonly (keyof GradingReviewRecord)[];

export interface RecordGradingReviewInput {
  systemId: string;
  expertReviewedOn?: string | null;
  competentApprovedOn?: string | null;
}

export async function recordGradingReview(
  ctx: Context,
  input: RecordGradingReviewInput,
): Promise<GradingReviewRecord> {
  const v = new InputValidator();
  const expertReviewedOn = v.date('input.expertReviewedOn', input.expertReviewedOn);
  const competentApprovedOn = v.date('input.competentApprovedOn', input.competentApprovedOn);
  if (input.expertReviewedOn == null && input.competentApprovedOn == null)
    v.issue('input', 'set expertReviewedOn, competentApprovedOn or both');
  v.done();
  const [current] = await ctx.db.run(q.bySystem, { scope: ctx.principal.scope, systemId: input.systemId });
  if (!current) throw new NotFoundError('input.systemId', input.systemId, 'system');
  const order = new InputValidator();
  order.dateOrder(
    'input.competentApprovedOn',
    expertReviewedOn ?? (current.expertReviewedOn as string | null),
    competentApprovedOn ?? (current.competentApprovedOn as string | null),
  );
  order.done();
  const [row] = await ctx.db.run(q.reviewDates, {
    systemId: input.systemId,
    newId: newId(),
    expertReviewedOn,
    competentApprovedOn,
  });
  return toRecord<GradingReviewRecord>(row?.node, FIELDS);
}
