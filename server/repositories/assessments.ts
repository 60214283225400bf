/**
 * Store functions for assessments (测评): level assessments (等级测评), cryptography assessments (密评)
 * and CII security tests/evaluations (关基安全检测评估). An assessment ASSESSES one system and may name
 * the vendor (测评机构) that PERFORMED it. Lists are newest first: ORDER BY on DESC, id DESC.
 */
import type { Context } from '../context.js';
import { assessments as q } from '../cypher.generated.js';
import { type FieldIssue, NotFoundError, ValidationError } from '../errors.js';
import {
  ASSESSMENT_KINDS,
  type AssessmentKind,
  type AssessmentRecord,
  CONCLUSIONS,
  type Conclusion,
  type SystemRecord,
  type VendorRecord,
} from '../model.js';
import type { PageParams } from '../pagination.js';
import { normalizeIsoDate } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  newId,
  publicIds,
  scopedIds,
  toDbDate,
  todayInChina,
  toOptional,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { badFilter, loadScopedSystem } from './exposures.js';
import { toSystemRecord } from './systems.js';
import { toVendor } from './vendors.js';

export const ASSESSMENT_FIELDS = [
  'id',
  'kind',
  'on',
  'conclusion',
  'score',
  'systemId',
  'vendorId',
  'reportSubmittedToPoliceOn',
  'reportSubmittedToDepartmentOn',
  'confidentialityAgreementSignedOn',
] as const satisfies readonly (keyof AssessmentRecord)[];

/** An assessment with its system and performing vendor, read in the same statement. */
export interface AssessmentRow extends AssessmentRecord {
  system: SystemRecord | null;
  vendor: VendorRecord | null;
}

export function toAssessment(node: unknown): AssessmentRow {
  const n = node as { system?: unknown; vendor?: unknown } | null;
  return {
    ...toRecord<AssessmentRecord>(node, ASSESSMENT_FIELDS),
    system: toOptional(n?.system, toSystemRecord),
    vendor: toOptional(n?.vendor, toVendor),
  };
}

/** EXCELLENT/GOOD/FAIR pass, POOR fails, no conclusion yet → null (unknown). */
export function passed(conclusion: Conclusion | null): boolean | null {
  if (conclusion === null) return null;
  return conclusion !== 'POOR';
}

export interface AssessmentFilter {
  /** Database ids (already decoded). */
  systemId?: string | null;
  vendorId?: string | null;
  kind?: AssessmentKind | null;
  onOrAfter?: string | null;
  onOrBefore?: string | null;
}

function filterParams(f: AssessmentFilter) {
  const issues: FieldIssue[] = [];
  const date = (field: 'onOrAfter' | 'onOrBefore') => {
    const value = f[field];
    if (value == null) return null;
    const n = normalizeIsoDate(value);
    if (n.ok) return n.value;
    issues.push({ field: `filter.${field}`, message: n.message });
    return null;
  };
  const onOrAfter = date('onOrAfter');
  const onOrBefore = date('onOrBefore');
  if (issues.length) throw badFilter(issues);
  return {
    systemId: f.systemId ?? null,
    vendorId: f.vendorId ?? null,
    kind: f.kind ?? null,
    onOrAfter,
    onOrBefore,
  };
}

export async function listAssessments(ctx: Context, filter: AssessmentFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toAssessment);
}

export async function countAssessments(ctx: Context, filter: AssessmentFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id; out-of-scope ids resolve to null. */
export function loadAssessment(ctx: Context, id: string): Promise<AssessmentRow | null> {
  return loadByKey(ctx, 'assessment.byId', q.byIds, scopedIds, toAssessment, id);
}

/** Assessments of several systems in one statement (System.assessments). */
export function listAssessmentsOfSystems(
  ctx: Context,
  parentIds: readonly string[],
  kind: AssessmentKind | null,
  page: PageParams,
) {
  return ctx.db.run(q.bySystems, {
    scope: ctx.principal.scope,
    parentIds,
    kind,
    ...keysetParams(page),
  });
}

/** Assessments performed by several vendors in one statement (Vendor.assessmentsPerformed). */
export function listAssessmentsOfVendors(ctx: Context, parentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.byVendors, {
    scope: ctx.principal.scope,
    parentIds,
    ...keysetParams(page),
  });
}

/** The latest assessment of a kind for a system, batched over all systems asking with that kind. */
export function loadLastAssessment(
  ctx: Context,
  systemId: string,
  kind: AssessmentKind,
): Promise<AssessmentRow | null> {
  return ctx
    .loader<string, AssessmentRow | null>('assessment.lastBySystem', kind, async (ids) => {
      const rows = await ctx.db.run(q.lastBySystems, { scope: ctx.principal.scope, parentIds: ids, kind });
      const found = new Map(rows.map((r) => [r.parentId as string, toAssessment(r.node)]));
      return ids.map((i) => found.get(i) ?? null);
    })
    .load(systemId);
}

function loadVendor(ctx: Context, id: string): Promise<VendorRecord | null> {
  return loadByKey(ctx, 'assessments.vendorById', q.vendorsByIds, publicIds, toVendor, id);
}

// ---------------------------------------------------------------------------------------------------
// Mutations

export interface AssessmentInput {
  /** Database ids (already decoded). */
  systemId?: string | null;
  vendorId?: string | null;
  kind?: string | null;
  on?: string | null;
  conclusion?: string | null;
  score?: number | null;
}

type AssessmentProps = Partial<Pick<AssessmentRecord, 'kind' | 'on' | 'conclusion' | 'score'>>;

function validate(input: AssessmentInput, partial: boolean) {
  const v = new InputValidator();
  const props: AssessmentProps = {};
  const present = (k: keyof AssessmentInput) => !partial || input[k] !== undefined;
  if (present('systemId')) v.required('input.systemId', input.systemId);
  if (present('kind') && v.required('input.kind', input.kind)) {
    const kind = v.oneOf('input.kind', input.kind, ASSESSMENT_KINDS);
    if (kind) props.kind = kind;
  }
  if (present('on') && v.required('input.on', input.on)) {
    const on = v.date('input.on', input.on);
    const today = todayInChina();
    if (on !== null && on > today)
      v.issue('input.on', `${on} is in the future (today is ${today} in Asia/Shanghai)`);
    else if (on !== null) props.on = on;
  }
  if (input.conclusion !== undefined)
    props.conclusion = v.oneOf('input.conclusion', input.conclusion, CONCLUSIONS);
  if (input.score !== undefined) props.score = v.int('input.score', input.score, 0, 100);
  v.done();
  return props;
}

/** `on` is not matched by the date-property rule of toProps (it wants a …On suffix): converted here. */
function assessmentProps(props: AssessmentProps): Record<string, unknown> {
  const out = toProps(props);
  if (props.on) out.on = toDbDate(props.on);
  return out;
}

async function checkRefs(ctx: Context, input: AssessmentInput) {
  if (input.systemId && !(await loadScopedSystem(ctx, input.systemId))) {
    throw new NotFoundError('input.systemId', input.systemId, 'system');
  }
  if (input.vendorId && !(await loadVendor(ctx, input.vendorId))) {
    throw new NotFoundError('input.vendorId', input.vendorId, 'vendor');
  }
}

export async function createAssessment(ctx: Context, input: AssessmentInput): Promise<AssessmentRow> {
  const props = validate(input, false);
  await checkRefs(ctx, input);
  const [row] = await ctx.db.run(q.create, {
    props: { ...assessmentProps(props), id: newId() },
    systemId: input.systemId as string,
    vendorId: input.vendorId ?? null,
  });
  return toAssessment(row?.node);
}

export async function updateAssessment(
  ctx: Context,
  id: string,
  input: AssessmentInput,
): Promise<AssessmentRow> {
  const props = validate(input, true);
  if (!(await loadAssessment(ctx, id))) throw new NotFoundError('id', id, 'assessment');
  await checkRefs(ctx, input);
  if (props.on) {
    const [dates] = await ctx.db.run(q.findingDates, { id });
    const issues: FieldIssue[] = [];
    for (const [key, what] of [
      ['firstClosedOn', 'one of its findings was closed'],
      ['firstDueOn', 'one of its findings is due'],
    ] as const) {
      const date = (dates?.[key] as string | null) ?? null;
      if (date !== null && date < props.on) {
        issues.push({ field: 'input.on', message: `${props.on} is after ${date}, when ${what}` });
      }
    }
    if (issues.length) throw new ValidationError(issues);
  }
  const [row] = await ctx.db.run(q.update, {
    id,
    props: assessmentProps(props),
    systemId: input.systemId ?? null,
    relinkVendor: input.vendorId !== undefined,
    vendorId: input.vendorId ?? null,
  });
  return toAssessment(row?.node);
}

export async function deleteAssessment(ctx: Context, id: string): Promise<string> {
  if (!(await loadAssessment(ctx, id))) throw new NotFoundError('id', id, 'assessment');
  const tooMany = (findings: number) =>
    new ValidationError([
      { field: 'id', message: `the assessment still has ${findings} finding(s); delete them first` },
    ]);
  const [dates] = await ctx.db.run(q.findingDates, { id });
  if (((dates?.findings as number) ?? 0) > 0) throw tooMany(dates?.findings as number);
  // The statement deletes only when no finding is attached (one may have been added meanwhile).
  const [row] = await ctx.db.run(q.delete, { id });
  if (((row?.findings as number) ?? 0) > 0) throw tooMany(row?.findings as number);
  return id;
}
