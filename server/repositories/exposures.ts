/**
 * Store functions for internet exposures (互联网暴露面): one reachable endpoint (ip, port, protocol)
 * seen by a scan, optionally matched to the system it exposes (EXPOSES).
 *
 * Addresses are stored normalised (`ip`) and as `ipKey`: the 128-bit address as 32 lower-case hex
 * digits, IPv4 as its IPv4-mapped form ::ffff:a.b.c.d. Fixed width makes string order equal numeric
 * order, so a CIDR range is the key range `[low, high]` and runs as a range seek on the ipKey index.
 */

import { GraphQLError } from 'graphql';
import ipaddr from 'ipaddr.js';
import type { Context } from '../context.js';
import { exposures as q } from '../cypher.generated.js';
import { ConflictError, type FieldIssue, NotFoundError } from '../errors.js';
import type { ExposureRecord, SystemRecord } from '../model.js';
import { ConstraintConflict } from '../neo4j.js';
import type { PageParams } from '../pagination.js';
import {
  normalizeCidr,
  normalizeDomain,
  normalizeIp,
  normalizePort,
  normalizeProtocol,
} from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  newId,
  scopedIds,
  todayInChina,
  toOptional,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { toSystemRecord } from './systems.js';

export { todayInChina } from './common.js';

// ---------------------------------------------------------------------------------------------------
// Address keys

const KEY_MIN = '0'.repeat(32);
const KEY_MAX = 'f'.repeat(32);

function hex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

function as128(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv6 {
  return addr.kind() === 'ipv4' ? (addr as ipaddr.IPv4).toIPv4MappedAddress() : (addr as ipaddr.IPv6);
}

/** The 32-hex-digit key of an address (IPv4 as ::ffff:a.b.c.d). Throws RangeError on an invalid address. */
export function ipKey(ip: string): string {
  const n = normalizeIp(ip);
  if (!n.ok) throw new RangeError(n.message);
  return hex(as128(ipaddr.parse(n.value)).toByteArray());
}

/**
 * The inclusive `[low, high]` ipKey range of a CIDR (a bare address is a /32 or /128). An IPv4 range
 * a.b.c.d/p is the IPv4-mapped range ::ffff:a.b.c.d/(96+p). Throws RangeError on invalid input.
 */
export function cidrKeyRange(cidr: string): [string, string] {
  const n = normalizeCidr(cidr);
  if (!n.ok) throw new RangeError(n.message);
  const [addrText, prefixText] = n.value.split('/') as [string, string];
  const addr = ipaddr.parse(addrText);
  const prefix = Number(prefixText) + (addr.kind() === 'ipv4' ? 96 : 0);
  const low = as128(addr).toByteArray();
  const high = low.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return b | (0xff >> keep);
  });
  return [hex(low), hex(high)];
}

/** Whether a normalised CIDR is an IPv6 range (those never contain IPv4 addresses, as in cidrContains). */
function isIpv6Cidr(normalized: string): boolean {
  return normalized.includes(':');
}

// ---------------------------------------------------------------------------------------------------
// Records

export const EXPOSURE_FIELDS = [
  'id',
  'ip',
  'port',
  'protocol',
  'domain',
  'service',
  'firstSeen',
  'lastSeen',
  'title',
  'banner',
] as const satisfies readonly (keyof ExposureRecord)[];

/** An exposure with the system it exposes (null when unmatched), read in the same statement. */
export interface ExposureRow extends ExposureRecord {
  system: SystemRecord | null;
}

export function toExposure(node: unknown): ExposureRow {
  const record = toRecord<ExposureRecord>(node, EXPOSURE_FIELDS);
  return { ...record, system: toOptional((node as { system?: unknown } | null)?.system, toSystemRecord) };
}

// ---------------------------------------------------------------------------------------------------
// Filters: invalid values answer a GraphQL BAD_USER_INPUT error naming the argument path.

/** A GraphQL error for bad query arguments (not a mutation): code BAD_USER_INPUT, `argument` = first field. */
export function badFilter(issues: FieldIssue[]): GraphQLError {
  return new GraphQLError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
    extensions: { code: 'BAD_USER_INPUT', argument: issues[0]?.field, issues },
  });
}

export interface ExposureFilter {
  ip?: string | null;
  cidr?: string | null;
  port?: number | null;
  protocol?: string | null;
  /** Exact (normalised) domain, or a suffix pattern `*.example.cn` (subdomains only, not the domain itself). */
  domain?: string | null;
  /** Database id of the system (already decoded). */
  systemId?: string | null;
  unmatched?: boolean | null;
}

function filterParams(f: ExposureFilter) {
  const issues: FieldIssue[] = [];
  let low = KEY_MIN;
  let high = KEY_MAX;
  let ipv6: boolean | null = null;
  if (f.ip != null) {
    const n = normalizeIp(f.ip);
    if (n.ok) {
      const key = ipKey(n.value);
      low = key;
      high = key;
    } else issues.push({ field: 'filter.ip', message: n.message });
  }
  if (f.cidr != null) {
    const n = normalizeCidr(f.cidr);
    if (n.ok) {
      const [l, h] = cidrKeyRange(n.value);
      if (l > low) low = l;
      if (h < high) high = h;
      ipv6 = isIpv6Cidr(n.value);
    } else issues.push({ field: 'filter.cidr', message: n.message });
  }
  let port: number | null = null;
  if (f.port != null) {
    const n = normalizePort(f.port);
    if (n.ok) port = n.value;
    else issues.push({ field: 'filter.port', message: n.message });
  }
  let protocol: string | null = null;
  if (f.protocol != null) {
    const n = normalizeProtocol(f.protocol);
    if (n.ok) protocol = n.value;
    else issues.push({ field: 'filter.protocol', message: n.message });
  }
  let domain: string | null = null;
  let domainSuffix: string | null = null;
  if (f.domain != null) {
    const text = f.domain.trim();
    if (text.startsWith('*.')) {
      // Normalise the suffix under a dummy label so that a one-label suffix (`*.cn`) is accepted too.
      const n = normalizeDomain(`x.${text.slice(2)}`);
      if (n.ok) domainSuffix = n.value.slice(1);
      else issues.push({ field: 'filter.domain', message: n.message.replace('"x.', '"*.') });
    } else {
      const n = normalizeDomain(text);
      if (n.ok) domain = n.value;
      else issues.push({ field: 'filter.domain', message: n.message });
    }
  }
  if (issues.length) throw badFilter(issues);
  return {
    low,
    high,
    ipv6,
    port,
    protocol,
    domain,
    domainSuffix,
    systemId: f.systemId ?? null,
    unmatched: f.unmatched ?? null,
  };
}

export async function listExposures(ctx: Context, filter: ExposureFilter, page: PageParams) {
  const params = filterParams(filter);
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...params,
    ...keysetParams(page),
  });
  return keyedRows(rows, toExposure);
}

export async function countExposures(ctx: Context, filter: ExposureFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id; out-of-scope ids (and unmatched exposures without full scope) resolve to null. */
export function loadExposure(ctx: Context, id: string): Promise<ExposureRow | null> {
  return loadByKey(ctx, 'exposure.byId', q.byIds, scopedIds, toExposure, id);
}

/** Exposures of several systems in one statement (System.exposures). */
export async function listExposuresOfSystems(ctx: Context, parentIds: readonly string[], page: PageParams) {
  const rows = await ctx.db.run(q.bySystems, {
    scope: ctx.principal.scope,
    parentIds,
    ...keysetParams(page),
  });
  return rows;
}

/** A system by id as this domain reads it (scoped; null when absent or out of scope). Batched. */
export function loadScopedSystem(ctx: Context, id: string): Promise<SystemRecord | null> {
  return loadByKey(ctx, 'exposures.systemById', q.systemsByIds, scopedIds, toSystemRecord, id);
}

// ---------------------------------------------------------------------------------------------------
// Mutations

export interface ExposureInput {
  ip?: string | null;
  port?: number | null;
  protocol?: string | null;
  domain?: string | null;
  service?: string | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  /** Database id of the exposed system; null (update) unlinks, undefined leaves the link as it is. */
  systemId?: string | null;
}

type ExposureProps = Partial<Omit<ExposureRecord, 'id'>> & { ipKey?: string };

/** Validates every field; `partial` (updates) lets required fields be absent but not null. */
function validate(input: ExposureInput, partial: boolean) {
  const v = new InputValidator();
  const props: ExposureProps = {};
  const present = (k: keyof ExposureInput) => !partial || input[k] !== undefined;
  if (present('ip') && v.required('input.ip', input.ip)) {
    const ip = v.ip('input.ip', input.ip);
    if (ip !== null) {
      props.ip = ip;
      props.ipKey = ipKey(ip);
    }
  }
  if (present('port') && v.required('input.port', input.port)) {
    const port = v.port('input.port', input.port);
    if (port !== null) props.port = port;
  }
  if (present('protocol') && v.required('input.protocol', input.protocol)) {
    const n = normalizeProtocol(input.protocol);
    if (n.ok) props.protocol = n.value;
    else v.issue('input.protocol', n.message);
  }
  if (input.domain !== undefined) props.domain = v.domain('input.domain', input.domain);
  if (input.service !== undefined) props.service = v.text('input.service', input.service, 200);
  if (present('firstSeen') && v.required('input.firstSeen', input.firstSeen)) {
    const d = v.date('input.firstSeen', input.firstSeen);
    if (d !== null) props.firstSeen = d;
  }
  // lastSeen: optional on create (defaults to firstSeen); on update, absent or a date.
  if (partial && input.lastSeen !== undefined) v.required('input.lastSeen', input.lastSeen);
  const lastSeen = v.date('input.lastSeen', input.lastSeen);
  if (lastSeen !== null) props.lastSeen = lastSeen;
  const today = todayInChina();
  for (const k of ['firstSeen', 'lastSeen'] as const) {
    const d = props[k];
    if (d && d > today) v.issue(`input.${k}`, `${d} is in the future (today is ${today} in Asia/Shanghai)`);
  }
  return { v, props };
}

/** The exposed system must exist in the caller's scope. */
async function checkSystem(ctx: Context, systemId: string | null | undefined) {
  if (systemId && !(await loadScopedSystem(ctx, systemId))) {
    throw new NotFoundError('input.systemId', systemId, 'system');
  }
}

async function mapEndpointConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The only uniqueness rule an exposure write can break (ids are fresh UUIDs) is the endpoint key.
    if (error instanceof ConstraintConflict) {
      throw new ConflictError(
        'input.ip',
        'an exposure of this endpoint (ip, port, protocol) is already recorded',
      );
    }
    throw error;
  }
}

export async function createExposure(ctx: Context, input: ExposureInput): Promise<ExposureRow> {
  const { v, props } = validate(input, false);
  if (props.firstSeen && props.lastSeen === undefined) props.lastSeen = props.firstSeen;
  v.dateOrder('input.lastSeen', props.firstSeen ?? null, props.lastSeen ?? null);
  v.done();
  await checkSystem(ctx, input.systemId);
  const [row] = await mapEndpointConflict(() =>
    ctx.db.run(q.create, { props: { ...toProps(props), id: newId() }, systemId: input.systemId ?? null }),
  );
  return toExposure(row?.node);
}

export async function updateExposure(ctx: Context, id: string, input: ExposureInput): Promise<ExposureRow> {
  const { v, props } = validate(input, true);
  v.done();
  const existing = await loadExposure(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'exposure');
  const firstSeen = props.firstSeen ?? existing.firstSeen;
  const lastSeen = props.lastSeen ?? existing.lastSeen;
  const order = new InputValidator();
  order.dateOrder(props.lastSeen ? 'input.lastSeen' : 'input.firstSeen', firstSeen, lastSeen);
  order.done();
  await checkSystem(ctx, input.systemId);
  const [row] = await mapEndpointConflict(() =>
    ctx.db.run(q.update, {
      id,
      props: toProps(props),
      relink: input.systemId !== undefined,
      systemId: input.systemId ?? null,
    }),
  );
  return toExposure(row?.node);
}

export async function deleteExposure(ctx: Context, id: string): Promise<string> {
  if (!(await loadExposure(ctx, id))) throw new NotFoundError('id', id, 'exposure');
  await ctx.db.run(q.delete, { id });
  return id;
}
