/**
 * Change and cancellation filings (变更备案 / 撤销备案, 3.1.1 / FIL-2): a level change or the
 * decommissioning of a system is recorded with its date; the filing with the police is due within
 * 10 working days and is recorded when made. Kept as dated nodes, so past dates give past answers.
 */
import type { Context } from '../context.js';
import { changeFilings as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export const CHANGE_KINDS = ['LEVEL_CHANGE', 'CANCELLATION'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeFilingRecord {
  id: string;
  systemId: string;
  kind: ChangeKind;
  changedOn: string;
  /** The level before a LEVEL_CHANGE (null = not known): what makes the level on a past date known. */
  fromLevel: number | null;
  toLevel: number | null;
  filedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'kind',
  'changedOn',
  'fromLevel',
  'toLevel',
  'filedOn',
] as const satisfies readonly (keyof ChangeFilingRecord)[];
const toChangeFiling = (node: unknown) => toRecord<ChangeFilingRecord>(node, FIELDS);

export function loadChangeFiling(ctx: Context, id: string) {
  return loadByKey(ctx, 'change-filings/by-ids', q.byIds, scopedIds, toChangeFiling, id);
}

export interface RecordChangeInput {
  systemId: string;
  kind: ChangeKind;
  changedOn: string;
  fromLevel?: number | null;
  toLevel?: number | null;
  filedOn?: string | null;
}

export async function recordChange(ctx: Context, input: RecordChangeInput): Promise<ChangeFilingRecord> {
  const v = new InputValidator();
  const kind = v.oneOf('input.kind', input.kind, CHANGE_KINDS);
  const changedOn = v.required('input.changedOn', input.changedOn)
    ? v.date('input.changedOn', input.changedOn)
    : null;
  const toLevel = v.level('input.toLevel', input.toLevel);
  if (kind === 'LEVEL_CHANGE' && input.toLevel == null)
    v.issue('input.toLevel', 'is required for a LEVEL_CHANGE');
  if (kind === 'CANCELLATION' && input.toLevel != null)
    v.issue('input.toLevel', 'must be absent for a CANCELLATION');
  const fromLevel = v.level('input.fromLevel', input.fromLevel);
  if (kind === 'CANCELLATION' && input.fromLevel != null)
    v.issue('input.fromLevel', 'must be absent for a CANCELLATION');
  if (fromLevel != null && fromLevel === toLevel)
    v.issue('input.fromLevel', 'must differ from input.toLevel');
  const filedOn = v.date('input.filedOn', input.filedOn);
  v.dateOrder('input.filedOn', changedOn, filedOn);
  v.done();
  const system = await loadScopedSystem(ctx, input.systemId);
  if (!system) throw new NotFoundError('input.systemId', input.systemId, 'system');
  // Not given: the system's recorded level, unless it already is the new one (then it is unknown).
  const previous =
    kind === 'LEVEL_CHANGE' && fromLevel == null && system.protectionLevel !== toLevel
      ? system.protectionLevel
      : fromLevel;
  const props = toProps({
    kind,
    changedOn,
    fromLevel: previous ?? undefined,
    toLevel,
    filedOn: filedOn ?? undefined,
  });
  const [row] = await ctx.db.run(q.create, { systemId: input.systemId, props: { ...props, id: newId() } });
  return toChangeFiling(row?.node);
}

export async function fileChange(
  ctx: Context,
  id: string,
  filedOnInput: string,
): Promise<ChangeFilingRecord> {
  const v = new InputValidator();
  const filedOn = v.required('filedOn', filedOnInput) ? v.date('filedOn', filedOnInput) : null;
  v.done();
  const existing = await loadChangeFiling(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'change filing');
  const order = new InputValidator();
  order.dateOrder('filedOn', existing.changedOn, filedOn);
  order.done();
  const [row] = await ctx.db.run(q.file, { id, filedOn: filedOn as string });
  return toChangeFiling(row?.node);
}
