/**
 * Security incidents of systems (网络安全事件) and their reports to the filing police (INC-1): the
 * instants of occurrence, discovery and report are datetimes, so the deadline in hours (CII major
 * incident: 1 hour; others of level 较大 and above: 4 hours, both configurable) is checked exactly,
 * and past dates give past answers.
 */
import type { Context } from '../context.js';
import { incidents as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from '../repositories/common.js';
import { loadScopedSystem } from '../repositories/exposures.js';
import { normalizeIsoDate } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';

export const INCIDENT_SEVERITIES = ['GENERAL', 'LARGE', 'MAJOR', 'ESPECIALLY_MAJOR'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export interface IncidentRecord {
  id: string;
  systemId: string;
  title: string;
  severity: IncidentSeverity;
  occurredAt: string;
  discoveredAt: string;
  reportedAt: string | null;
}

const FIELDS = [
  'id',
  'systemId',
  'title',
  'severity',
  'occurredAt',
  'discoveredAt',
  'reportedAt',
] as const satisfies readonly (keyof IncidentRecord)[];
const toIncident = (node: unknown) => toRecord<IncidentRecord>(node, FIELDS);

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit offset (Z or ±hh:mm); adds an issue and answers null otherwise. */
export function instant(v: InputValidator, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  const m = INSTANT.exec(t);
  if (!m || !normalizeIsoDate(m[1] as string).ok || Number.isNaN(Date.parse(t))) {
    v.issue(field, `"${t}": an instant must be written YYYY-MM-DDThh:mm[:ss]±hh:mm (or Z)`);
    return null;
  }
  return t;
}

/** The calendar date of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export const dateInChina = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export function loadIncident(ctx: Context, id: string) {
  return loadByKey(ctx, 'incidents/by-ids', q.byIds, scopedIds, toIncident, id);
}

export interface RecordIncidentInput {
  systemId: string;
  title: string;
  severity: IncidentSeverity;
  occurredAt: string;
  discoveredAt: string;
  reportedAt?: string | null;
}

export async function recordIncident(ctx: Context, input: RecordIncidentInput): Promise<IncidentRecord> {
  const v = new InputValidator();
  const title = v.required('input.title', input.title) ? v.text('input.title', input.title) : null;
  const severity = v.oneOf('input.severity', input.severity, INCIDENT_SEVERITIES);
  const occurredAt = v.required('input.occurredAt', input.occurredAt)
    ? instant(v, 'input.occurredAt', input.occurredAt)
    : null;
  const discoveredAt = v.required('input.discoveredAt', input.discoveredAt)
    ? instant(v, 'input.discoveredAt', input.discoveredAt)
    : null;
  const reportedAt = instant(v, 'input.reportedAt', input.reportedAt);
  if (occurredAt && discoveredAt && Date.parse(discoveredAt) < Date.parse(occurredAt))
    v.issue('input.discoveredAt', 'is before occurredAt');
  if (discoveredAt && reportedAt && Date.parse(reportedAt) < Date.parse(discoveredAt))
    v.issue('input.reportedAt', 'is before discoveredAt');
  v.done();
  if (!(await loadScopedSystem(ctx, input.systemId)))
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  const props = toProps({ title, severity, occurredAt, discoveredAt, reportedAt: reportedAt ?? undefined });
  const [row] = await ctx.db.run(q.create, { systemId: input.systemId, props: { ...props, id: newId() } });
  return toIncident(row?.node);
}

export async function reportIncident(
  ctx: Context,
  id: string,
  reportedAtInput: string,
): Promise<IncidentRecord> {
  const v = new InputValidator();
  const reportedAt = v.required('reportedAt', reportedAtInput)
    ? instant(v, 'reportedAt', reportedAtInput)
    : null;
  v.done();
  const existing = await loadIncident(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'incident');
  if (Date.parse(reportedAt as string) < Date.parse(existing.discoveredAt)) {
    const order = new InputValidator();
    order.issue('reportedAt', 'is before discoveredAt');
    order.done();
  }
  const [row] = await ctx.db.run(q.report, { id, reportedAt: reportedAt as string });
  return toIncident(row?.node);
}
