/** Store functions for subcontracting between vendors (分包: contractor SUBCONTRACTS_TO subcontractor). */

import type { Context } from '../context.js';
import { subcontracts as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { SubcontractRecord } from '../model.js';
import { InputValidator } from '../validation/input.js';
import { loadByKey, nestedWindowPages, newId, scopedIds, todayInChina, toProps, toRecord } from './common.js';
import { checkEnd, loadVendor } from './vendors.js';

/** How far downstream a new subcontract is checked for closing a cycle. */
export const CYCLE_HOPS = 10;

export const SUBCONTRACT_FIELDS = [
  'id',
  'contractorId',
  'subcontractorId',
  'from',
  'to',
] as const satisfies readonly (keyof SubcontractRecord)[];

export const toSubcontract = (node: unknown) => toRecord<SubcontractRecord>(node, SUBCONTRACT_FIELDS);

export function loadSubcontract(ctx: Context, id: string): Promise<SubcontractRecord | null> {
  return loadByKey(ctx, 'subcontract.byId', q.byIds, scopedIds, toSubcontract, id);
}

/** Subcontracts each contractor of the batch gives out, rows `{parentId, rows}`: one statement. */
export const subcontractsOfContractors = nestedWindowPages(q.ofContractors);

/** Subcontracts each subcontractor of the batch takes, rows `{parentId, rows}`: one statement. */
export const subcontractsOfSubcontractors = nestedWindowPages(q.ofSubcontractors);

export interface SubcontractInput {
  contractorId: string;
  subcontractorId: string;
  from?: string | null;
  to?: string | null;
}

/**
 * Records a subcontract. A vendor cannot subcontract to itself, and a subcontract that would close
 * a cycle (the contractor already downstream of the subcontractor through subcontracts in force
 * today or later, within 10 hops) is refused on `input.subcontractorId`.
 */
export async function addSubcontract(ctx: Context, input: SubcontractInput): Promise<SubcontractRecord> {
  const v = new InputValidator();
  if (input.contractorId === input.subcontractorId)
    v.issue('input.subcontractorId', 'a vendor cannot subcontract to itself');
  const { from, to } = v.window('input', input.from, input.to);
  v.done();
  const [contractor, subcontractor] = await Promise.all([
    loadVendor(ctx, input.contractorId),
    loadVendor(ctx, input.subcontractorId),
  ]);
  if (!contractor) throw new NotFoundError('input.contractorId', input.contractorId, 'vendor');
  if (!subcontractor) throw new NotFoundError('input.subcontractorId', input.subcontractorId, 'vendor');
  const [cycle] = await ctx.db.run(q.reaches, {
    startId: subcontractor.id,
    targetId: contractor.id,
    today: todayInChina(),
  });
  if (cycle?.reaches === true) {
    throw new ValidationError([
      {
        field: 'input.subcontractorId',
        message: `"${subcontractor.name}" already subcontracts (directly or through others, within ${CYCLE_HOPS} tiers) to "${contractor.name}": this subcontract would close a cycle`,
      },
    ]);
  }
  const [row] = await ctx.db.run(q.add, {
    contractorId: contractor.id,
    subcontractorId: subcontractor.id,
    props: { ...toProps({ from, to }), id: newId() },
  });
  return toSubcontract(row?.node);
}

export async function endSubcontract(ctx: Context, id: string, to: string): Promise<SubcontractRecord> {
  const sub = await loadSubcontract(ctx, id);
  if (!sub) throw new NotFoundError('id', id, 'subcontract');
  const day = checkEnd(sub, to);
  const [row] = await ctx.db.run(q.end, { id, to: day });
  if (!row) throw new NotFoundError('id', id, 'subcontract');
  return toSubcontract(row.node);
}
