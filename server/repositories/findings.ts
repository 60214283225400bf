/**
 * Store functions for findings (问题隐患) of assessments: each FOUND by one assessment, OPEN until
 * rectified (RECTIFIED) or accepted as a residual risk (ACCEPTED) on `closedOn`. A finding still OPEN
 * after `dueOn` is overdue (RCT-1). Lists are ordered by due date (none last), then id.
 */
import type { Context } from '../context.js';
import { findings as q } from '../cypher.generated.js';
import { type FieldIssue, NotFoundError, ValidationError } from '../errors.js';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  type FindingRecord,
  type FindingSeverity,
  type FindingStatus,
} from '../model.js';
import type { PageParams } from '../pagination.js';
import { normalizeIsoDate } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import { loadAssessment } from './assessments.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  newId,
  scopedIds,
  todayInChina,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { badFilter } from './exposures.js';

export const FINDING_FIELDS = [
  'id',
  'assessmentId',
  'title',
  'severity',
  'dueOn',
  'status',
  'closedOn',
] as const satisfies readonly (keyof FindingRecord)[];

export const toFinding = (node: unknown) => toRecord<FindingRecord>(node, FINDING_FIELDS);

export interface FindingFilter {
  status?: FindingStatus | null;
  severity?: FindingSeverity | null;
  /** Database ids (already decoded). */
  systemId?: string | null;
  assessmentId?: string | null;
  /** OPEN findings whose due date is before this date. */
  overdueOn?: string | null;
}

function filterParams(f: FindingFilter) {
  let overdueOn: string | null = null;
  if (f.overdueOn != null) {
    const n = normalizeIsoDate(f.overdueOn);
    if (!n.ok) throw badFilter([{ field: 'filter.overdueOn', message: n.message } satisfies FieldIssue]);
    overdueOn = n.value;
  }
  return {
    status: f.status ?? null,
    severity: f.severity ?? null,
    systemId: f.systemId ?? null,
    assessmentId: f.assessmentId ?? null,
    overdueOn,
  };
}

export async function listFindings(ctx: Context, filter: FindingFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toFinding);
}

export async function countFindings(ctx: Context, filter: FindingFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

/** Batched by id; out-of-scope ids resolve to null. */
export function loadFinding(ctx: Context, id: string): Promise<FindingRecord | null> {
  return loadByKey(ctx, 'finding.byId', q.byIds, scopedIds, toFinding, id);
}

/** Findings of several assessments in one statement (Assessment.findings). */
export function listFindingsOfAssessments(ctx: Context, parentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.byAssessments, {
    scope: ctx.principal.scope,
    parentIds,
    ...keysetParams(page),
  });
}

// ---------------------------------------------------------------------------------------------------
// Mutations

export interface FindingInput {
  /** Database id (already decoded); create only. */
  assessmentId?: string | null;
  title?: string | null;
  severity?: string | null;
  dueOn?: string | null;
  status?: string | null;
  closedOn?: string | null;
}

type FindingProps = Partial<Omit<FindingRecord, 'id' | 'assessmentId'>>;

function validate(input: FindingInput, partial: boolean) {
  const v = new InputValidator();
  const props: FindingProps = {};
  const present = (k: keyof FindingInput) => !partial || input[k] !== undefined;
  if (!partial) v.required('input.assessmentId', input.assessmentId);
  if (present('title') && v.required('input.title', input.title)) {
    const title = v.text('input.title', input.title, 300);
    if (title !== null) props.title = title;
  }
  if (present('severity') && v.required('input.severity', input.severity)) {
    const severity = v.oneOf('input.severity', input.severity, FINDING_SEVERITIES);
    if (severity) props.severity = severity;
  }
  if (partial && input.status !== undefined) v.required('input.status', input.status);
  const status = v.oneOf('input.status', input.status, FINDING_STATUSES);
  if (status) props.status = status;
  else if (!partial && input.status == null) props.status = 'OPEN';
  if (input.dueOn !== undefined) props.dueOn = v.date('input.dueOn', input.dueOn);
  if (input.closedOn !== undefined) {
    props.closedOn = v.date('input.closedOn', input.closedOn);
    const today = todayInChina();
    if (props.closedOn && props.closedOn > today) {
      v.issue('input.closedOn', `${props.closedOn} is in the future (today is ${today} in Asia/Shanghai)`);
    }
  }
  v.done();
  return props;
}

/**
 * Checks the finding as it will be after the write: a closed finding (RECTIFIED/ACCEPTED) has a
 * closing date, an open one has none; closing and due dates are not before the assessment date.
 */
function checkState(
  after: { status: FindingStatus; closedOn: string | null; dueOn: string | null },
  assessmentOn: string,
) {
  const issues: FieldIssue[] = [];
  if (after.status !== 'OPEN' && after.closedOn === null) {
    issues.push({ field: 'input.closedOn', message: `is required when the status is ${after.status}` });
  }
  if (after.status === 'OPEN' && after.closedOn !== null) {
    issues.push({ field: 'input.closedOn', message: 'an OPEN finding has no closing date' });
  }
  if (after.closedOn !== null && after.closedOn < assessmentOn) {
    issues.push({
      field: 'input.closedOn',
      message: `${after.closedOn} is before the assessment date ${assessmentOn}`,
    });
  }
  if (after.dueOn !== null && after.dueOn < assessmentOn) {
    issues.push({
      field: 'input.dueOn',
      message: `${after.dueOn} is before the assessment date ${assessmentOn}`,
    });
  }
  if (issues.length) throw new ValidationError(issues);
}

export async function createFinding(ctx: Context, input: FindingInput): Promise<FindingRecord> {
  const props = validate(input, false);
  const assessmentId = input.assessmentId as string;
  const assessment = await loadAssessment(ctx, assessmentId);
  if (!assessment) throw new NotFoundError('input.assessmentId', assessmentId, 'assessment');
  checkState(
    { status: props.status ?? 'OPEN', closedOn: props.closedOn ?? null, dueOn: props.dueOn ?? null },
    assessment.on,
  );
  const [row] = await ctx.db.run(q.create, { assessmentId, props: { ...toProps(props), id: newId() } });
  return toFinding(row?.node);
}

/** Reopening (status OPEN without a closedOn) clears the closing date. */
export async function updateFinding(ctx: Context, id: string, input: FindingInput): Promise<FindingRecord> {
  const props = validate(input, true);
  const existing = await loadFinding(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'finding');
  const assessment = await loadAssessment(ctx, existing.assessmentId);
  if (!assessment) throw new NotFoundError('id', id, 'finding');
  if (props.status === 'OPEN' && props.closedOn === undefined) props.closedOn = null;
  checkState(
    {
      status: props.status ?? existing.status,
      closedOn: props.closedOn !== undefined ? props.closedOn : existing.closedOn,
      dueOn: props.dueOn !== undefined ? props.dueOn : existing.dueOn,
    },
    assessment.on,
  );
  const [row] = await ctx.db.run(q.update, { id, props: toProps(props) });
  return toFinding(row?.node);
}

export async function deleteFinding(ctx: Context, id: string): Promise<string> {
  if (!(await loadFinding(ctx, id))) throw new NotFoundError('id', id, 'finding');
  await ctx.db.run(q.delete, { id });
  return id;
}
