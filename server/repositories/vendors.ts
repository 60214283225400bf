/** Store functions for network-security service companies (网络安全服务公司 / 服务机构). */

import type { Context } from '../context.js';
import { vendors as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import {
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  type ServiceKind,
  type VendorRecord,
  type WindowedRecord,
} from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  mapConflicts,
  newId,
  scopedIds,
  todayInChina,
  toProps,
  toRecord,
  totalOf,
} from './common.js';

export const VENDOR_FIELDS = [
  'id',
  'uscc',
  'name',
  'registrationStatus',
  'registeredOn',
  'registrationNumber',
] as const satisfies readonly (keyof VendorRecord)[];

export const toVendor = (node: unknown) => toRecord<VendorRecord>(node, VENDOR_FIELDS);

export { todayInChina as chinaToday } from './common.js';

export interface VendorFilter {
  registrationStatus?: RegistrationStatus | null;
  /** Vendors with a service of this kind in force today. */
  serviceKind?: ServiceKind | null;
  search?: string | null;
}

function filterParams(f: VendorFilter) {
  return {
    registrationStatus: f.registrationStatus ?? null,
    serviceKind: f.serviceKind ?? null,
    today: todayInChina(),
    search: f.search?.trim() || null,
  };
}

export async function listVendors(ctx: Context, filter: VendorFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toVendor);
}

export async function countVendors(ctx: Context, filter: VendorFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id through the request's DataLoader; out-of-scope ids resolve to null. */
export function loadVendor(ctx: Context, id: string): Promise<VendorRecord | null> {
  return loadByKey(ctx, 'vendor.byId', q.byIds, scopedIds, toVendor, id);
}

/** A vendor by its USCC (any case); null when unknown, malformed or out of scope. */
export function loadVendorByUscc(ctx: Context, uscc: string): Promise<VendorRecord | null> {
  return loadByKey(
    ctx,
    'vendor.byUscc',
    q.byUsccs,
    (usccs, scope) => ({ scope, usccs }),
    toVendor,
    uscc.trim().toUpperCase(),
    'uscc',
  );
}

export interface VendorInput {
  uscc?: string | null;
  name?: string | null;
  registrationStatus?: RegistrationStatus | null;
  registeredOn?: string | null;
  registrationNumber?: string | null;
}

/**
 * Validates every field; `partial` (updates) lets required fields be absent but not null. The
 * registration rule (REGISTERED needs `registeredOn`) is checked on the record as it will be.
 */
function validate(input: VendorInput, partial: boolean, existing: VendorRecord | null) {
  const v = new InputValidator();
  const props: Partial<VendorRecord> = {};
  const present = (k: keyof VendorInput) => !partial || input[k] !== undefined;
  if (present('uscc') && v.required('input.uscc', input.uscc))
    props.uscc = v.uscc('input.uscc', input.uscc) ?? '';
  if (present('name') && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 200) ?? '';
  if (present('registrationStatus') && v.required('input.registrationStatus', input.registrationStatus)) {
    props.registrationStatus =
      v.oneOf('input.registrationStatus', input.registrationStatus, REGISTRATION_STATUSES) ?? 'UNREGISTERED';
  }
  let dateOk = true;
  if (input.registeredOn !== undefined) {
    const before = v.issues.length;
    props.registeredOn = v.date('input.registeredOn', input.registeredOn);
    dateOk = v.issues.length === before;
  }
  if (input.registrationNumber !== undefined)
    props.registrationNumber = v.text('input.registrationNumber', input.registrationNumber, 100);
  const status = props.registrationStatus ?? existing?.registrationStatus;
  const registeredOn = input.registeredOn !== undefined ? props.registeredOn : existing?.registeredOn;
  if (status === 'REGISTERED' && !registeredOn && dateOk) {
    v.issue('input.registeredOn', 'is required when the registration status is REGISTERED (已报备)');
  }
  v.done();
  return props;
}

const CONFLICT_FIELDS = { uscc: 'input.uscc' };

export async function createVendor(ctx: Context, input: VendorInput): Promise<VendorRecord> {
  const props = validate(input, false, null);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() } }),
  );
  return toVendor(row?.node);
}

export async function updateVendor(ctx: Context, id: string, input: VendorInput): Promise<VendorRecord> {
  const existing = await loadVendor(ctx, id);
  const props = validate(input, true, existing);
  if (!existing) throw new NotFoundError('id', id, 'vendor');
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.update, { id, props: toProps(props) }),
  );
  return toVendor(row?.node);
}

/** Refused while the vendor has any service (SERVES, ended ones included): the registry keeps them. */
export async function deleteVendor(ctx: Context, id: string): Promise<string> {
  if (!(await loadVendor(ctx, id))) throw new NotFoundError('id', id, 'vendor');
  const [row] = await ctx.db.run(q.delete, { id });
  const services = (row?.services as number) ?? 0;
  if (services > 0) {
    throw new ValidationError([
      {
        field: 'id',
        message: `the vendor has ${services} service record(s) (SERVES, history included); a vendor with services cannot be deleted`,
      },
    ]);
  }
  return id;
}

/**
 * Validates the end of a windowed relationship: `to` a date, the relationship still in force and
 * `to` not before its start. Field `to`.
 */
export function checkEnd(rel: WindowedRecord, to: string): string {
  const v = new InputValidator();
  const day = v.required('to', to) ? v.date('to', to) : null;
  if (day !== null) {
    if (rel.to !== null) v.issue('to', `already ended on ${rel.to}`);
    else v.dateOrder('to', rel.from, day);
  }
  v.done();
  return day as string;
}
