/**
 * Self-inspections (自查, 三.(三).14, INS-1) of a whole operator or of one system: dated nodes, so the
 * last self-inspection on any past date is known; the interval is configurable
 * (COMPLIANCE_SELF_INSPECTION_INTERVAL_YEARS, default 1).
 */
import type { Context } from '../context.js';
import { selfInspections as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { PageParams } from '../pagination.js';
import { keyedRows, keysetParams, newId, toProps, toRecord, totalOf } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { loadOperator } from '../repositories/operators.js';
import { InputValidator } from '../validation/input.js';

export interface SelfInspectionRecord {
  id: string;
  /** Set for an operator-wide self-inspection. */
  operatorId: string | null;
  /** Set for a self-inspection of one system. */
  systemId: string | null;
  title: string;
  heldOn: string;
}

const FIELDS = [
  'id',
  'operatorId',
  'systemId',
  'title',
  'heldOn',
] as const satisfies readonly (keyof SelfInspectionRecord)[];
const toSelfInspection = (node: unknown) => toRecord<SelfInspectionRecord>(node, FIELDS);

export interface RecordSelfInspectionInput {
  operatorId?: string | null;
  systemId?: string | null;
  title: string;
  heldOn: string;
}

export async function recordSelfInspection(
  ctx: Context,
  input: RecordSelfInspectionInput,
): Promise<SelfInspectionRecord> {
  const v = new InputValidator();
  const title = v.required('input.title', input.title) ? v.text('input.title', input.title) : null;
  const heldOn = v.required('input.heldOn', input.heldOn) ? v.date('input.heldOn', input.heldOn) : null;
  const operatorId = input.operatorId ?? null;
  const systemId = input.systemId ?? null;
  if ((operatorId === null) === (systemId === null))
    v.issue(
      'input.systemId',
      'set exactly one of operatorId (an operator-wide self-inspection) and systemId',
    );
  v.done();
  if (systemId !== null && !(await loadScopedSystem(ctx, systemId)))
    throw new NotFoundError('input.systemId', systemId, 'system');
  if (operatorId !== null && !(await loadOperator(ctx, operatorId)))
    throw new NotFoundError('input.operatorId', operatorId, 'operator');
  const [row] = await ctx.db.run(q.create, {
    operatorId: systemId === null ? operatorId : null,
    systemId,
    props: { ...toProps({ title, heldOn }), id: newId() },
  });
  return toSelfInspection(row?.node);
}

export async function listSelfInspections(
  ctx: Context,
  filter: { operatorId: string | null; systemId: string | null },
  page: PageParams,
) {
  const rows = await ctx.db.run(q.list, { scope: ctx.principal.scope, ...filter, ...keysetParams(page) });
  return keyedRows(rows, toSelfInspection);
}

export async function countSelfInspections(
  ctx: Context,
  filter: { operatorId: string | null; systemId: string | null },
) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filter }));
}
