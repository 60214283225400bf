/**
 * Data of CII systems stored abroad or transferred across the border (数据境外存储/出境, CII-7):
 * personal information and important data must be stored in China; a cross-border transfer needs a
 * security assessment (数据出境安全评估) before it starts. Dated (startedOn, assessedOn, endedOn), so
 * past dates give past answers.
 */
import type { Context } from '../context.js';
import { dataTransfers as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export const DATA_TRANSFER_KINDS = ['CROSS_BORDER_TRANSFER', 'STORED_ABROAD'] as const;
export type DataTransferKind = (typeof DATA_TRANSFER_KINDS)[number];
export const DATA_CATEGORIES = ['PERSONAL_INFORMATION', 'IMPORTANT_DATA'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface DataTransferRecord {
  id: string;
  systemId: string;
  kind: DataTransferKind;
  dataCategory: DataCategory;
  destination: string;
  startedOn: string;
  endedOn: string | null;
  assessedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'kind',
  'dataCategory',
  'destination',
  'startedOn',
  'endedOn',
  'assessedOn',
] as const satisfies readonly (keyof DataTransferRecord)[];
const toDataTransfer = (node: unknown) => toRecord<DataTransferRecord>(node, FIELDS);

export function loadDataTransfer(ctx: Context, id: string) {
  return loadByKey(ctx, 'data-transfers/by-ids', q.byIds, scopedIds, toDataTransfer, id);
}

export interface RecordDataTransferInput {
  systemId: string;
  kind: DataTransferKind;
  dataCategory: DataCategory;
  destination: string;
  startedOn: string;
  endedOn?: string | null;
  assessedOn?: string | null;
}

export async function recordDataTransfer(
  ctx: Context,
  input: RecordDataTransferInput,
): Promise<DataTransferRecord> {
  const v = new InputValidator();
  const kind = v.oneOf('input.kind', input.kind, DATA_TRANSFER_KINDS);
  const dataCategory = v.oneOf('input.dataCategory', input.dataCategory, DATA_CATEGORIES);
  const destination = v.required('input.destination', input.destination)
    ? v.text('input.destination', input.destination, 100)
    : null;
  const startedOn = v.required('input.startedOn', input.startedOn)
    ? v.date('input.startedOn', input.startedOn)
    : null;
  const endedOn = v.date('input.endedOn', input.endedOn);
  v.dateOrder('input.endedOn', startedOn, endedOn);
  const assessedOn = v.date('input.assessedOn', input.assessedOn);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const props = toProps({
    kind,
    dataCategory,
    destination,
    startedOn,
    endedOn: endedOn ?? undefined,
    assessedOn: assessedOn ?? undefined,
  });
  const [row] = await ctx.db.run(q.create, { systemId: input.systemId, props: { ...props, id: newId() } });
  return toDataTransfer(row?.node);
}

export interface UpdateDataTransferInput {
  assessedOn?: string | null;
  endedOn?: string | null;
}

/** Records the assessment date and/or the end of a transfer (at least one). */
export async function updateDataTransfer(
  ctx: Context,
  id: string,
  input: UpdateDataTransferInput,
): Promise<DataTransferRecord> {
  const v = new InputValidator();
  const assessedOn = v.date('input.assessedOn', input.assessedOn);
  const endedOn = v.date('input.endedOn', input.endedOn);
  if (input.assessedOn == null && input.endedOn == null) v.issue('input', 'set assessedOn, endedOn or both');
  v.done();
  const existing = await loadDataTransfer(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'data transfer');
  const order = new InputValidator();
  order.dateOrder('input.endedOn', existing.startedOn, endedOn);
  order.done();
  const [row] = await ctx.db.run(q.updateDates, { id, assessedOn, endedOn });
  return toDataTransfer(row?.node);
}
