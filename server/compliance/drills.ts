/**
 * Emergency drills (应急演练, DRL-1) of level ≥ 3 and CII systems: dated nodes, so the last drill on
 * any past date is known; the interval is configurable (COMPLIANCE_DRILL_INTERVAL_YEARS, default 1).
 */
import type { Context } from '../context.js';
import { drills as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { newId, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export interface DrillRecord {
  id: string;
  systemId: string;
  title: string;
  heldOn: string;
}

const FIELDS = ['id', 'systemId', 'title', 'heldOn'] as const satisfies readonly (keyof DrillRecord)[];

export interface RecordDrillInput {
  systemId: string;
  title: string;
  heldOn: string;
}

export async function recordDrill(ctx: Context, input: RecordDrillInput): Promise<DrillRecord> {
  const v = new InputValidator();
  const title = v.required('input.title', input.title) ? v.text('input.title', input.title) : null;
  const heldOn = v.required('input.heldOn', input.heldOn) ? v.date('input.heldOn', input.heldOn) : null;
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const [row] = await ctx.db.run(q.create, {
    systemId: input.systemId,
    props: { ...toProps({ title, heldOn }), id: newId() },
  });
  return toRecord<DrillRecord>(row?.node, FIELDS);
}
