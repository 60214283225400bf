/**
 * The assessment engagement (测评委托) around an Assessment: the report submissions to the police and
 * to the competent department (测评报告报送, ASM-4), the confidentiality agreement with the
 * institution (保密协议, ASM-5), both dates on the Assessment node, and the assessors who worked on
 * it (测评人员, ASM-6), persons linked by (p)-[:ASSESSOR_ON]->(a).
 */
import type { Context } from '../context.js';
import { assessments, engagements as q } from '../cypher.generated.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { CHECK_STATUSES, type CheckStatus } from '../model.js';
import type { PageParams } from '../pagination.js';
import { type AssessmentRow, loadAssessment, toAssessment } from '../repositories/assessments.js';
import { keysetParams, newId, toProps, toRecord } from '../repositories/common.js';
import { loadPerson } from '../repositories/persons.js';
import { loadVendor } from '../repositories/vendors.js';
import { InputValidator } from '../validation/input.js';

export interface RecordEngagementInput {
  reportSubmittedToPoliceOn?: string | null;
  reportSubmittedToDepartmentOn?: string | null;
  confidentialityAgreementSignedOn?: string | null;
}

/**
 * Records report submissions and/or the confidentiality agreement of an assessment (null leaves a
 * stored date). A report cannot be submitted before the assessment date; an agreement signed after
 * it is recorded as it is (ASM-5 reports it).
 */
export async function recordEngagement(
  ctx: Context,
  assessmentId: string,
  input: RecordEngagementInput,
): Promise<AssessmentRow> {
  const v = new InputValidator();
  const police = v.date('input.reportSubmittedToPoliceOn', input.reportSubmittedToPoliceOn);
  const department = v.date('input.reportSubmittedToDepartmentOn', input.reportSubmittedToDepartmentOn);
  const agreement = v.date('input.confidentialityAgreementSignedOn', input.confidentialityAgreementSignedOn);
  if (
    input.reportSubmittedToPoliceOn == null &&
    input.reportSubmittedToDepartmentOn == null &&
    input.confidentialityAgreementSignedOn == null
  ) {
    v.issue(
      'input',
      'set reportSubmittedToPoliceOn, reportSubmittedToDepartmentOn, confidentialityAgreementSignedOn or several',
    );
  }
  v.done();
  const assessment = await loadAssessment(ctx, assessmentId);
  if (!assessment) throw new NotFoundError('assessmentId', assessmentId, 'assessment');
  const order = new InputValidator();
  order.dateOrder('input.reportSubmittedToPoliceOn', assessment.on, police);
  order.dateOrder('input.reportSubmittedToDepartmentOn', assessment.on, department);
  order.done();
  await ctx.db.run(q.recordDates, {
    id: assessmentId,
    reportSubmittedToPoliceOn: police,
    reportSubmittedToDepartmentOn: department,
    confidentialityAgreementSignedOn: agreement,
  });
  return (await reloaded(ctx, assessmentId)) as AssessmentRow;
}

/** The assessment read again after a write (the request's loader cached the old one). */
async function reloaded(ctx: Context, id: string) {
  const [row] = await ctx.db.run(assessments.byIds, { scope: ctx.principal.scope, ids: [id] });
  return row ? toAssessment(row.node) : null;
}

async function refs(ctx: Context, assessmentId: string, personId: string) {
  if (!(await loadAssessment(ctx, assessmentId)))
    throw new NotFoundError('input.assessmentId', assessmentId, 'assessment');
  if (!(await loadPerson(ctx, personId))) throw new NotFoundError('input.personId', personId, 'person');
}

/** Records a person as an assessor on an assessment; already recorded is a conflict. */
export async function addAssessor(
  ctx: Context,
  assessmentId: string,
  personId: string,
): Promise<AssessmentRow> {
  await refs(ctx, assessmentId, personId);
  const [linked] = await ctx.db.run(q.isAssessor, { assessmentId, personId });
  if (linked?.linked) throw new ConflictError('input.personId', 'is already an assessor on this assessment');
  await ctx.db.run(q.addAssessor, { assessmentId, personId });
  return (await reloaded(ctx, assessmentId)) as AssessmentRow;
}

/** Removes a person from the assessors of an assessment; not recorded is not found. */
export async function removeAssessor(
  ctx: Context,
  assessmentId: string,
  personId: string,
): Promise<AssessmentRow> {
  await refs(ctx, assessmentId, personId);
  const [linked] = await ctx.db.run(q.isAssessor, { assessmentId, personId });
  if (!linked?.linked) throw new NotFoundError('input.personId', personId, 'assessor on this assessment');
  await ctx.db.run(q.removeAssessor, { assessmentId, personId });
  return (await reloaded(ctx, assessmentId)) as AssessmentRow;
}

/** Assessors of several assessments in one statement (Assessment.assessors). */
export function assessorsOfAssessments(ctx: Context, parentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.assessorsByAssessments, {
    scope: ctx.principal.scope,
    parentIds,
    ...keysetParams(page),
  });
}

/** A background check of an assessment institution (测评机构背景审查), ASM-6; dated, so history is kept. */
export interface InstitutionCheckRecord {
  id: string;
  vendorId: string;
  status: CheckStatus;
  checkedOn: string;
  expiresOn: string | null;
  checkedBy: string;
}

const CHECK_FIELDS = [
  'id',
  'vendorId',
  'status',
  'checkedOn',
  'expiresOn',
  'checkedBy',
] as const satisfies readonly (keyof InstitutionCheckRecord)[];

export const toInstitutionCheck = (node: unknown) => toRecord<InstitutionCheckRecord>(node, CHECK_FIELDS);

export interface RecordInstitutionCheckInput {
  vendorId: string;
  status: string;
  checkedOn: string;
  expiresOn?: string | null;
  checkedBy: string;
}

export async function recordInstitutionCheck(
  ctx: Context,
  input: RecordInstitutionCheckInput,
): Promise<InstitutionCheckRecord> {
  const v = new InputValidator();
  const status = v.required('input.status', input.status)
    ? v.oneOf('input.status', input.status, CHECK_STATUSES)
    : null;
  const checkedOn = v.required('input.checkedOn', input.checkedOn)
    ? v.date('input.checkedOn', input.checkedOn)
    : null;
  const expiresOn = v.date('input.expiresOn', input.expiresOn);
  v.dateOrder('input.expiresOn', checkedOn, expiresOn);
  const checkedBy = v.required('input.checkedBy', input.checkedBy)
    ? v.text('input.checkedBy', input.checkedBy, 200)
    : null;
  v.done();
  if (!(await loadVendor(ctx, input.vendorId)))
    throw new NotFoundError('input.vendorId', input.vendorId, 'vendor');
  const [row] = await ctx.db.run(q.createInstitutionCheck, {
    vendorId: input.vendorId,
    props: { ...toProps({ status, checkedOn, expiresOn, checkedBy }), id: newId() },
  });
  return toInstitutionCheck(row?.node);
}

/** Institution checks of several vendors in one statement (Vendor.institutionChecks). */
export function institutionChecksOfVendors(ctx: Context, parentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.institutionChecksByVendors, {
    scope: ctx.principal.scope,
    parentIds,
    ...keysetParams(page),
  });
}
