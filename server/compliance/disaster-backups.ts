/**
 * Disaster backups (容灾备份, CII-6) of systems: one dated node per backup arrangement (same-city or
 * remote site), in force from `establishedOn` to `endedOn` (last day, inclusive; null = still in
 * force), so the backups in force on any past date are known. `lastVerifiedOn` is the last
 * switch-over test or restore drill (最近一次验证/切换演练), kept as information.
 */
import type { Context } from '../context.js';
import { disasterBackups as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { PageParams } from '../pagination.js';
import { keysetParams, loadByKey, newId, scopedIds, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { InputValidator } from '../validation/input.js';

export const DISASTER_BACKUP_KINDS = ['SAME_CITY', 'REMOTE'] as const;
export type DisasterBackupKind = (typeof DISASTER_BACKUP_KINDS)[number];

export interface DisasterBackupRecord {
  id: string;
  systemId: string;
  kind: DisasterBackupKind;
  site: string;
  establishedOn: string;
  endedOn: string | null;
  lastVerifiedOn: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'kind',
  'site',
  'establishedOn',
  'endedOn',
  'lastVerifiedOn',
] as const satisfies readonly (keyof DisasterBackupRecord)[];

export const toDisasterBackup = (node: unknown) => toRecord<DisasterBackupRecord>(node, FIELDS);

export interface RecordDisasterBackupInput {
  systemId: string;
  kind: string;
  site: string;
  establishedOn: string;
  endedOn?: string | null;
  lastVerifiedOn?: string | null;
}

export async function recordDisasterBackup(
  ctx: Context,
  input: RecordDisasterBackupInput,
): Promise<DisasterBackupRecord> {
  const v = new InputValidator();
  const kind = v.required('input.kind', input.kind)
    ? v.oneOf('input.kind', input.kind, DISASTER_BACKUP_KINDS)
    : null;
  const site = v.required('input.site', input.site) ? v.text('input.site', input.site, 200) : null;
  const establishedOn = v.required('input.establishedOn', input.establishedOn)
    ? v.date('input.establishedOn', input.establishedOn)
    : null;
  const endedOn = v.date('input.endedOn', input.endedOn);
  const lastVerifiedOn = v.date('input.lastVerifiedOn', input.lastVerifiedOn);
  v.dateOrder('input.endedOn', establishedOn, endedOn);
  v.dateOrder('input.lastVerifiedOn', establishedOn, lastVerifiedOn);
  v.dateOrder('input.lastVerifiedOn', lastVerifiedOn, endedOn === null ? null : endedOn);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const [row] = await ctx.db.run(q.create, {
    systemId: input.systemId,
    props: { ...toProps({ kind, site, establishedOn, endedOn, lastVerifiedOn }), id: newId() },
  });
  return toDisasterBackup(row?.node);
}

export interface UpdateDisasterBackupInput {
  endedOn?: string | null;
  lastVerifiedOn?: string | null;
}

export function loadDisasterBackup(ctx: Context, id: string): Promise<DisasterBackupRecord | null> {
  return loadByKey(ctx, 'disasterBackup.byId', q.byIds, scopedIds, toDisasterBackup, id);
}

/** Ends a backup and/or records its last verification; the merged dates must stay in order. */
export async function updateDisasterBackup(
  ctx: Context,
  id: string,
  input: UpdateDisasterBackupInput,
): Promise<DisasterBackupRecord> {
  const v = new InputValidator();
  const endedOn = v.date('input.endedOn', input.endedOn);
  const lastVerifiedOn = v.date('input.lastVerifiedOn', input.lastVerifiedOn);
  if (input.endedOn == null && input.lastVerifiedOn == null)
    v.issue('input', 'set endedOn, lastVerifiedOn or both');
  v.done();
  const current = await loadDisasterBackup(ctx, id);
  if (!current) throw new NotFoundError('id', id, 'disaster backup');
  const order = new InputValidator();
  const ended = endedOn ?? current.endedOn;
  const verified = lastVerifiedOn ?? current.lastVerifiedOn;
  order.dateOrder('input.endedOn', current.establishedOn, ended);
  order.dateOrder('input.lastVerifiedOn', current.establishedOn, verified);
  order.dateOrder(endedOn ? 'input.endedOn' : 'input.lastVerifiedOn', verified, ended);
  order.done();
  const [row] = await ctx.db.run(q.update, { id, endedOn, lastVerifiedOn });
  return toDisasterBackup(row?.node);
}

/** Disaster backups of several systems in one statement (System.disasterBackups). */
export async function disasterBackupsOfSystems(
  ctx: Context,
  parentIds: readonly string[],
  activeOn: string | null,
  page: PageParams,
) {
  return ctx.db.run(q.bySystems, { scope: ctx.principal.scope, parentIds, activeOn, ...keysetParams(page) });
}
