/** Store functions for services vendors provide to systems (Vendor SERVES System: 设计、建设、运维、技术服务…). */

import type { Context } from '../context.js';
import { services as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { SERVICE_KINDS, type ServiceKind, type ServiceRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import { keysetParams, loadByKey, nestedWindowPages, newId, scopedIds, toProps, toRecord } from './common.js';
import { loadSystem } from './systems.js';
import { checkEnd, loadVendor } from './vendors.js';

export const SERVICE_FIELDS = [
  'id',
  'vendorId',
  'systemId',
  'kind',
  'remote',
  'remoteEvaluatedOn',
  'contractRef',
  'from',
  'to',
] as const satisfies readonly (keyof ServiceRecord)[];

export const toService = (node: unknown) => {
  const r = toRecord<ServiceRecord>(node, SERVICE_FIELDS);
  return { ...r, remote: r.remote ?? false };
};

export function loadService(ctx: Context, id: string): Promise<ServiceRecord | null> {
  return loadByKey(ctx, 'service.byId', q.byIds, scopedIds, toService, id);
}

export interface ServiceListArgs {
  activeOn?: string | null;
  kind?: ServiceKind | null;
}

/** Services of each parent of the batch (systems or vendors), rows `{parentId, rows}` (toService). */
const servicesOfParents =
  (statement: typeof q.ofSystems) =>
  (ctx: Context, parentIds: readonly string[], args: ServiceListArgs, page: PageParams) =>
    ctx.db.run(statement, {
      scope: ctx.principal.scope,
      parentIds,
      activeOn: args.activeOn ?? null,
      kind: args.kind ?? null,
      ...keysetParams(page),
    });

/** Services to each system of the batch, rows `{parentId, rows}` (toService): one statement for all parents. */
export const servicesOfSystems = servicesOfParents(q.ofSystems);

/** Services of each vendor of the batch (to systems in scope), rows `{parentId, rows}`: one statement. */
export const servicesOfVendors = servicesOfParents(q.ofVendors);

/** Distinct vendors directly serving each system of the batch, rows `{parentId, rows}` (toVendor): one statement. */
export const vendorsOfSystems = nestedWindowPages(q.vendorsOfSystems);

export interface ServiceInput {
  vendorId: string;
  systemId: string;
  kind?: ServiceKind | null;
  remote?: boolean | null;
  remoteEvaluatedOn?: string | null;
  contractRef?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * Remote O&M rules: REMOTE_OPERATIONS is remote by nature (remote defaults to true, false is an
 * error); an evaluation date (评估论证) is only meaningful for a remote service.
 */
function validate(input: ServiceInput) {
  const v = new InputValidator();
  const kind = v.required('input.kind', input.kind) ? v.oneOf('input.kind', input.kind, SERVICE_KINDS) : null;
  let remote = input.remote ?? kind === 'REMOTE_OPERATIONS';
  if (kind === 'REMOTE_OPERATIONS' && input.remote === false) {
    v.issue('input.remote', 'a REMOTE_OPERATIONS (远程运维) service is remote: remote must be true');
    remote = true;
  }
  const remoteEvaluatedOn = v.date('input.remoteEvaluatedOn', input.remoteEvaluatedOn);
  if (input.remoteEvaluatedOn != null && !remote) {
    v.issue(
      'input.remoteEvaluatedOn',
      'an evaluation date (远程运维评估论证) can only be recorded for a remote service (remote: true)',
    );
  }
  const contractRef = v.text('input.contractRef', input.contractRef, 100);
  const { from, to } = v.window('input', input.from, input.to);
  v.done();
  return { kind: kind as ServiceKind, remote, remoteEvaluatedOn, contractRef, from: from as string, to };
}

export async function addService(ctx: Context, input: ServiceInput): Promise<ServiceRecord> {
  const props = validate(input);
  const [vendor, system] = await Promise.all([
    loadVendor(ctx, input.vendorId),
    loadSystem(ctx, input.systemId),
  ]);
  if (!vendor) throw new NotFoundError('input.vendorId', input.vendorId, 'vendor');
  if (!system) throw new NotFoundError('input.systemId', input.systemId, 'system');
  const [row] = await ctx.db.run(q.add, {
    vendorId: vendor.id,
    systemId: system.id,
    props: { ...toProps(props), id: newId() },
  });
  return toService(row?.node);
}

export async function endService(ctx: Context, id: string, to: string): Promise<ServiceRecord> {
  const service = await loadService(ctx, id);
  if (!service) throw new NotFoundError('id', id, 'service');
  const day = checkEnd(service, to);
  const [row] = await ctx.db.run(q.end, { id, to: day });
  if (!row) throw new NotFoundError('id', id, 'service');
  return toService(row.node);
}
