/**
 * Security monitoring inputs (三.(三).10): monitoring registrations (第三方监测报备, MON-1) — the operator
 * of a system reported to the police that a third-party company will monitor it — and internet
 * egresses (互联网出口) of systems with the monitoring devices (监测设备) at each of them feeding the
 * police platform (MON-2). Everything is dated (registeredOn; from/to; installedOn/removedOn/
 * platformConnectedOn), so the checks answer for any past date.
 */
import type { Context } from '../context.js';
import { monitoring as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import type { PageParams } from '../pagination.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  newId,
  scopedIds,
  toProps,
  toRecord,
  totalOf,
} from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { loadVendor } from '../repositories/vendors.js';
import { InputValidator } from '../validation/input.js';

export interface MonitoringRegistrationRecord {
  id: string;
  systemId: string;
  vendorId: string;
  vendorName: string | null;
  registeredOn: string;
  reference: string | null;
}

const REGISTRATION_FIELDS = [
  'id',
  'systemId',
  'vendorId',
  'vendorName',
  'registeredOn',
  'reference',
] as const satisfies readonly (keyof MonitoringRegistrationRecord)[];
const toRegistration = (node: unknown) => toRecord<MonitoringRegistrationRecord>(node, REGISTRATION_FIELDS);

export interface InternetEgressRecord {
  id: string;
  systemId: string;
  name: string;
  address: string | null;
  from: string;
  to: string | null;
}

const EGRESS_FIELDS = [
  'id',
  'systemId',
  'name',
  'address',
  'from',
  'to',
] as const satisfies readonly (keyof InternetEgressRecord)[];
const toEgress = (node: unknown) => toRecord<InternetEgressRecord>(node, EGRESS_FIELDS);

export interface MonitoringDeviceRecord {
  id: string;
  egressId: string;
  systemId: string;
  serialNumber: string;
  installedOn: string;
  removedOn: string | null;
  platformConnectedOn: string | null;
}

const DEVICE_FIELDS = [
  'id',
  'egressId',
  'systemId',
  'serialNumber',
  'installedOn',
  'removedOn',
  'platformConnectedOn',
] as const satisfies readonly (keyof MonitoringDeviceRecord)[];
const toDevice = (node: unknown) => toRecord<MonitoringDeviceRecord>(node, DEVICE_FIELDS);

export interface RecordMonitoringRegistrationInput {
  systemId: string;
  vendorId: string;
  registeredOn: string;
  reference?: string | null;
}

export async function recordMonitoringRegistration(
  ctx: Context,
  input: RecordMonitoringRegistrationInput,
): Promise<MonitoringRegistrationRecord> {
  const v = new InputValidator();
  const registeredOn = v.required('input.registeredOn', input.registeredOn)
    ? v.date('input.registeredOn', input.registeredOn)
    : null;
  const reference = v.text('input.reference', input.reference, 100);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  if (!(await loadVendor(ctx, input.vendorId)))
    throw new NotFoundError('input.vendorId', input.vendorId, 'vendor');
  const [row] = await ctx.db.run(q.createRegistration, {
    systemId: input.systemId,
    vendorId: input.vendorId,
    props: { ...toProps({ registeredOn, reference: reference ?? undefined }), id: newId() },
  });
  return toRegistration(row?.node);
}

export interface RecordInternetEgressInput {
  systemId: string;
  name: string;
  address?: string | null;
  from: string;
  to?: string | null;
}

export async function recordInternetEgress(
  ctx: Context,
  input: RecordInternetEgressInput,
): Promise<InternetEgressRecord> {
  const v = new InputValidator();
  const name = v.required('input.name', input.name) ? v.text('input.name', input.name, 100) : null;
  const address = v.text('input.address', input.address, 100);
  const { from, to } = v.window('input', input.from, input.to);
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const [row] = await ctx.db.run(q.createEgress, {
    systemId: input.systemId,
    props: {
      ...toProps({ name, address: address ?? undefined, from, to: to ?? undefined }),
      id: newId(),
    },
  });
  return toEgress(row?.node);
}

/** An egress of a system in the caller's scope (null otherwise). */
export function loadEgress(ctx: Context, id: string): Promise<InternetEgressRecord | null> {
  return loadByKey(ctx, 'monitoring.egressById', q.egressesByIds, scopedIds, toEgress, id);
}

export interface RecordMonitoringDeviceInput {
  egressId: string;
  serialNumber: string;
  installedOn: string;
  removedOn?: string | null;
  platformConnectedOn?: string | null;
}

export async function recordMonitoringDevice(
  ctx: Context,
  input: RecordMonitoringDeviceInput,
): Promise<MonitoringDeviceRecord> {
  const v = new InputValidator();
  const serialNumber = v.required('input.serialNumber', input.serialNumber)
    ? v.text('input.serialNumber', input.serialNumber, 100)
    : null;
  const installedOn = v.required('input.installedOn', input.installedOn)
    ? v.date('input.installedOn', input.installedOn)
    : null;
  const removedOn = v.date('input.removedOn', input.removedOn);
  const platformConnectedOn = v.date('input.platformConnectedOn', input.platformConnectedOn);
  v.dateOrder('input.removedOn', installedOn, removedOn);
  v.dateOrder('input.platformConnectedOn', installedOn, platformConnectedOn);
  v.done();
  if (!(await loadEgress(ctx, input.egressId)))
    throw new NotFoundError('input.egressId', input.egressId, 'egress');
  const [row] = await ctx.db.run(q.createDevice, {
    egressId: input.egressId,
    props: {
      ...toProps({
        serialNumber,
        installedOn,
        removedOn: removedOn ?? undefined,
        platformConnectedOn: platformConnectedOn ?? undefined,
      }),
      id: newId(),
    },
  });
  return toDevice(row?.node);
}

export async function listMonitoringRegistrations(
  ctx: Context,
  filter: { systemId: string | null; vendorId: string | null },
  page: PageParams,
) {
  const rows = await ctx.db.run(q.listRegistrations, {
    scope: ctx.principal.scope,
    ...filter,
    ...keysetParams(page),
  });
  return keyedRows(rows, toRegistration);
}

export async function listInternetEgresses(
  ctx: Context,
  filter: { systemId: string | null },
  page: PageParams,
) {
  const rows = await ctx.db.run(q.listEgresses, {
    scope: ctx.principal.scope,
    ...filter,
    ...keysetParams(page),
  });
  return keyedRows(rows, toEgress);
}

export async function listMonitoringDevices(
  ctx: Context,
  filter: { egressId: string | null; systemId: string | null },
  page: PageParams,
) {
  const rows = await ctx.db.run(q.listDevices, {
    scope: ctx.principal.scope,
    ...filter,
    ...keysetParams(page),
  });
  return keyedRows(rows, toDevice);
}

/** A device at an egress of a system in the caller's scope (null otherwise). */
export function loadDevice(ctx: Context, id: string): Promise<MonitoringDeviceRecord | null> {
  return loadByKey(ctx, 'monitoring.deviceById', q.devicesByIds, scopedIds, toDevice, id);
}

/** Ends an egress: its last day in use (inclusive), not before it started. */
export async function endInternetEgress(
  ctx: Context,
  id: string,
  toInput: string,
): Promise<InternetEgressRecord> {
  const v = new InputValidator();
  const to = v.required('to', toInput) ? v.date('to', toInput) : null;
  v.done();
  const egress = await loadEgress(ctx, id);
  if (!egress) throw new NotFoundError('id', id, 'egress');
  v.dateOrder('to', egress.from, to);
  v.done();
  const [row] = await ctx.db.run(q.endEgress, { id, props: toProps({ to }) });
  return toEgress(row?.node);
}

export interface UpdateMonitoringDeviceInput {
  removedOn?: string | null;
  platformConnectedOn?: string | null;
}

/** Records the platform connection and/or the removal of a device (each not before its installation). */
export async function updateMonitoringDevice(
  ctx: Context,
  id: string,
  input: UpdateMonitoringDeviceInput,
): Promise<MonitoringDeviceRecord> {
  const v = new InputValidator();
  const removedOn = v.date('input.removedOn', input.removedOn);
  const platformConnectedOn = v.date('input.platformConnectedOn', input.platformConnectedOn);
  if (input.removedOn == null && input.platformConnectedOn == null)
    v.issue('input', 'set removedOn and/or platformConnectedOn');
  v.done();
  const device = await loadDevice(ctx, id);
  if (!device) throw new NotFoundError('id', id, 'monitoring device');
  v.dateOrder('input.removedOn', device.installedOn, removedOn);
  v.dateOrder('input.platformConnectedOn', device.installedOn, platformConnectedOn);
  v.done();
  const [row] = await ctx.db.run(q.updateDevice, {
    id,
    props: toProps({
      removedOn: removedOn ?? undefined,
      platformConnectedOn: platformConnectedOn ?? undefined,
    }),
  });
  return toDevice(row?.node);
}

export async function countMonitoringRegistrations(
  ctx: Context,
  filter: { systemId: string | null; vendorId: string | null },
) {
  return totalOf(await ctx.db.run(q.countRegistrations, { scope: ctx.principal.scope, ...filter }));
}

export async function countInternetEgresses(ctx: Context, filter: { systemId: string | null }) {
  return totalOf(await ctx.db.run(q.countEgresses, { scope: ctx.principal.scope, ...filter }));
}

export async function countMonitoringDevices(
  ctx: Context,
  filter: { egressId: string | null; systemId: string | null },
) {
  return totalOf(await ctx.db.run(q.countDevices, { scope: ctx.principal.scope, ...filter }));
}
