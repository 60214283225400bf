/**
 * Justifications of internet exposures (暴露面说明, 收敛互联网暴露面, CII-5): why a service of a CII
 * system is reachable from the internet, from when (justifiedOn) and until when (expiresOn, inclusive;
 * null = open-ended). A justification is a dated node, so an earlier asOf gives the earlier answer.
 */
import type { Context } from '../context.js';
import { exposureJustifications as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { PageParams } from '../pagination.js';
import { keyedRows, keysetParams, newId, toProps, toRecord, totalOf } from '../repositories/common.js';
import { loadExposure } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export interface ExposureJustificationRecord {
  id: string;
  exposureId: string;
  reason: string;
  justifiedOn: string;
  expiresOn: string | null;
}

const FIELDS = [
  'id',
  'exposureId',
  'reason',
  'justifiedOn',
  'expiresOn',
] as const satisfies readonly (keyof ExposureJustificationRecord)[];
const toJustification = (node: unknown) => toRecord<ExposureJustificationRecord>(node, FIELDS);

export interface JustifyExposureInput {
  exposureId: string;
  reason: string;
  justifiedOn: string;
  expiresOn?: string | null;
}

export async function justifyExposure(
  ctx: Context,
  input: JustifyExposureInput,
): Promise<ExposureJustificationRecord> {
  const v = new InputValidator();
  const reason = v.required('input.reason', input.reason) ? v.text('input.reason', input.reason) : null;
  const justifiedOn = v.required('input.justifiedOn', input.justifiedOn)
    ? v.date('input.justifiedOn', input.justifiedOn)
    : null;
  const expiresOn = v.date('input.expiresOn', input.expiresOn);
  v.dateOrder('input.expiresOn', justifiedOn, expiresOn);
  v.done();
  const exposure = await loadExposure(ctx, input.exposureId);
  // Only an exposure matched to a system in the caller's jurisdiction can be justified.
  if (!exposure?.system)
    throw new NotFoundError('input.exposureId', input.exposureId, 'exposure of a system');
  const [row] = await ctx.db.run(q.create, {
    exposureId: input.exposureId,
    props: { ...toProps({ reason, justifiedOn, expiresOn: expiresOn ?? undefined }), id: newId() },
  });
  return toJustification(row?.node);
}

export async function listExposureJustifications(
  ctx: Context,
  filter: { exposureId: string | null; systemId: string | null },
  page: PageParams,
) {
  const rows = await ctx.db.run(q.list, { scope: ctx.principal.scope, ...filter, ...keysetParams(page) });
  return keyedRows(rows, toJustification);
}

export async function countExposureJustifications(
  ctx: Context,
  filter: { exposureId: string | null; systemId: string | null },
) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filter }));
}
