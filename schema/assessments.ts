/**
 * Assessments (等级测评 / 密评 / 关基安全检测评估) of systems, the vendors that performed them, and
 * their findings (问题隐患).
 */
import type { AssessmentKind } from '../server/model.js';
import {
  type AssessmentFilter,
  type AssessmentRow,
  countAssessments,
  createAssessment,
  deleteAssessment,
  listAssessments,
  listAssessmentsOfSystems,
  listAssessmentsOfVendors,
  loadAssessment,
  loadLastAssessment,
  passed,
  toAssessment,
  updateAssessment,
} from '../server/repositories/assessments.js';
import {
  countFindings,
  createFinding,
  deleteFinding,
  type FindingFilter,
  listFindings,
  listFindingsOfAssessments,
  loadFinding,
  toFinding,
  updateFinding,
} from '../server/repositories/findings.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, enumValues, groupRows, nestedPage, page, totalCountField } from './common.js';
import { filterId } from './exposures.js';
import { AssessmentRef, FindingRef, SystemRef, VendorRef } from './refs.js';

export const AssessmentKindEnum = builder.enumType('AssessmentKind', {
  description: 'Kind of assessment (测评类型).',
  values: enumValues({
    LEVEL: 'Level assessment (等级测评), yearly for level ≥ 3 (ASM-1).',
    CRYPTO: 'Cryptography application security assessment (密码应用安全性评估, 密评) (CRY-1).',
    CII_SECURITY: 'CII security test and evaluation (关键信息基础设施安全检测评估), yearly (CII-4).',
  }),
});

export const AssessmentConclusionEnum = builder.enumType('AssessmentConclusion', {
  description: 'Assessment conclusion (测评结论).',
  values: enumValues({
    EXCELLENT: '优 (excellent): passed.',
    GOOD: '良 (good): passed.',
    FAIR: '中 (fair): passed.',
    POOR: '差 (poor): failed.',
  }),
});

export const FindingSeverityEnum = builder.enumType('FindingSeverity', {
  description: 'Severity of a finding (风险等级).',
  values: enumValues({ HIGH: '高 (high).', MEDIUM: '中 (medium).', LOW: '低 (low).' }),
});

export const FindingStatusEnum = builder.enumType('FindingStatus', {
  description: 'Rectification status of a finding (整改状态).',
  values: enumValues({
    OPEN: '未整改 (open): still to be rectified.',
    RECTIFIED: '已整改 (rectified), on closedOn.',
    ACCEPTED: '风险接受 (accepted as residual risk), on closedOn.',
  }),
});

const row = (a: unknown) => a as AssessmentRow;

builder.node(AssessmentRef, {
  description:
    'An assessment (测评) of one protected system: a level assessment (等级测评), a cryptography assessment (密评) ' +
    'or a CII security test/evaluation (关基安全检测评估), with its conclusion and findings.',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadAssessment(ctx, id))),
  fields: (t) => ({
    kind: t.field({ type: AssessmentKindEnum, description: 'Kind (测评类型).', resolve: (a) => a.kind }),
    on: t.field({
      type: 'Date',
      description: 'Date of the assessment report (测评日期).',
      resolve: (a) => a.on,
    }),
    conclusion: t.field({
      type: AssessmentConclusionEnum,
      nullable: true,
      description: 'Conclusion (测评结论: 优/良/中/差); null when not (yet) recorded.',
      resolve: (a) => a.conclusion,
    }),
    score: t.exposeInt('score', { nullable: true, description: 'Score (测评得分), 0–100.' }),
    passed: t.boolean({
      nullable: true,
      description:
        'Whether it passed (是否通过): true for EXCELLENT, GOOD or FAIR (优/良/中), false for POOR (差), ' +
        'null when no conclusion is recorded.',
      resolve: (a) => passed(a.conclusion),
    }),
    system: t.field({
      type: SystemRef,
      nullable: true,
      description:
        'The assessed system (被测评对象); null once that system has been deleted (the record is kept, detached, ' +
        'and visible with city-wide access only).',
      resolve: (a) => row(a).system,
    }),
    performedBy: t.field({
      type: VendorRef,
      nullable: true,
      description: 'The assessment institution (测评机构) that performed it, if recorded.',
      resolve: (a) => row(a).vendor,
    }),
  }),
});

builder.node(FindingRef, {
  description: 'A finding (问题隐患) of an assessment, to be rectified (整改) by its due date (RCT-1).',
  id: { resolve: (f) => f.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadFinding(ctx, id))),
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What was found (问题描述).' }),
    severity: t.field({
      type: FindingSeverityEnum,
      description: 'Severity (风险等级).',
      resolve: (f) => f.severity,
    }),
    dueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Rectification deadline (整改期限).',
      resolve: (f) => f.dueOn,
    }),
    status: t.field({ type: FindingStatusEnum, description: 'Status (整改状态).', resolve: (f) => f.status }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'When it was rectified or accepted (关闭日期); null while OPEN.',
      resolve: (f) => f.closedOn,
    }),
    assessment: t.field({
      type: AssessmentRef,
      description: 'The assessment that found it (所属测评).',
      resolve: async (f, _args, ctx) => {
        const a = await loadAssessment(ctx, f.assessmentId);
        if (!a) throw new Error(`finding ${f.id}: assessment not visible`);
        return a;
      },
    }),
  }),
});

const AssessmentEdge = builder.edgeObject({
  type: AssessmentRef,
  name: 'AssessmentEdge',
  description: 'An assessment in a page.',
});
const AssessmentListConnection = builder.connectionObject(
  {
    type: AssessmentRef,
    name: 'AssessmentListConnection',
    description: 'A page of the assessments of one object, newest first.',
  },
  AssessmentEdge,
);
const FindingEdge = builder.edgeObject({
  type: FindingRef,
  name: 'FindingEdge',
  description: 'A finding in a page.',
});
const FindingListConnection = builder.connectionObject(
  {
    type: FindingRef,
    name: 'FindingListConnection',
    description: 'A page of the findings of one assessment, by due date.',
  },
  FindingEdge,
);

// ---------------------------------------------------------------------------------------------------
// Queries

const AssessmentFilterInput = builder.inputType('AssessmentFilter', {
  description: 'Filters for assessments (测评筛选); all given conditions apply.',
  fields: (t) => ({
    systemId: t.id({ description: 'Only assessments of this system (System id).' }),
    vendorId: t.id({ description: 'Only assessments performed by this vendor (Vendor id).' }),
    kind: t.field({ type: AssessmentKindEnum, description: 'Only this kind (测评类型).' }),
    onOrAfter: t.field({ type: 'Date', description: 'Assessed on or after this date.' }),
    onOrBefore: t.field({ type: 'Date', description: 'Assessed on or before this date.' }),
  }),
});

const FindingFilterInput = builder.inputType('FindingFilter', {
  description: 'Filters for findings (问题隐患筛选); all given conditions apply.',
  fields: (t) => ({
    status: t.field({ type: FindingStatusEnum, description: 'Only this status (整改状态).' }),
    severity: t.field({ type: FindingSeverityEnum, description: 'Only this severity (风险等级).' }),
    systemId: t.id({ description: 'Only findings of assessments of this system (System id).' }),
    assessmentId: t.id({ description: 'Only findings of this assessment (Assessment id).' }),
    overdueOn: t.field({
      type: 'Date',
      description: 'Overdue at this date (逾期未整改, RCT-1): status OPEN and dueOn before this date.',
    }),
  }),
});

builder.queryFields((t) => ({
  assessments: t.connection(
    {
      type: AssessmentRef,
      description:
        'Assessments in your jurisdiction (测评列表), newest first (by date descending, then id descending). ' +
        'An invalid filter value is a BAD_USER_INPUT error naming the field.',
      args: { filter: t.arg({ type: AssessmentFilterInput }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter ?? {};
        const filter: AssessmentFilter = {
          systemId: filterId(f.systemId, 'System', 'filter.systemId'),
          vendorId: filterId(f.vendorId, 'Vendor', 'filter.vendorId'),
          kind: f.kind ?? null,
          onOrAfter: f.onOrAfter ?? null,
          onOrBefore: f.onOrBefore ?? null,
        };
        return page(
          ctx,
          args,
          (p) => listAssessments(ctx, filter, p),
          () => countAssessments(ctx, filter),
        );
      },
    },
    {
      name: 'AssessmentConnection',
      description: 'A page of assessments.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    AssessmentEdge,
  ),
  findings: t.connection(
    {
      type: FindingRef,
      description:
        'Findings in your jurisdiction (问题隐患列表), by due date (none last), then id. ' +
        'An invalid filter value is a BAD_USER_INPUT error naming the field.',
      args: { filter: t.arg({ type: FindingFilterInput }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter ?? {};
        const filter: FindingFilter = {
          status: f.status ?? null,
          severity: f.severity ?? null,
          systemId: filterId(f.systemId, 'System', 'filter.systemId'),
          assessmentId: filterId(f.assessmentId, 'Assessment', 'filter.assessmentId'),
          overdueOn: f.overdueOn ?? null,
        };
        return page(
          ctx,
          args,
          (p) => listFindings(ctx, filter, p),
          () => countFindings(ctx, filter),
        );
      },
    },
    {
      name: 'FindingConnection',
      description: 'A page of findings.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    FindingEdge,
  ),
}));

builder.objectField(AssessmentRef, 'findings', (t) =>
  t.connection(
    {
      type: FindingRef,
      description:
        'Findings of this assessment (问题隐患), by due date. Batched over all assessments of a page.',
      resolve: (a, args, ctx) =>
        nestedPage(ctx, 'assessment.findings', a.id, args, async (ids, p) =>
          groupRows(await listFindingsOfAssessments(ctx, ids, p), toFinding),
        ),
    },
    FindingListConnection,
  ),
);

builder.objectField(SystemRef, 'assessments', (t) =>
  t.connection(
    {
      type: AssessmentRef,
      description: 'Assessments of this system (测评记录), newest first. Batched over all systems of a page.',
      args: { kind: t.arg({ type: AssessmentKindEnum, description: 'Only this kind (测评类型).' }) },
      resolve: (system, args, ctx) =>
        nestedPage(ctx, 'system.assessments', system.id, { ...args }, async (ids, p) =>
          groupRows(await listAssessmentsOfSystems(ctx, ids, args.kind ?? null, p), toAssessment),
        ),
    },
    AssessmentListConnection,
  ),
);

builder.objectField(SystemRef, 'lastAssessment', (t) =>
  t.field({
    type: AssessmentRef,
    nullable: true,
    description:
      'The latest assessment of a kind (最近一次测评), by date (ASM-1, CRY-1, CII-4 count from it); null if none.',
    args: { kind: t.arg({ type: AssessmentKindEnum, required: true, description: 'Kind (测评类型).' }) },
    resolve: (system, { kind }, ctx) => loadLastAssessment(ctx, system.id, kind as AssessmentKind),
  }),
);

builder.objectField(VendorRef, 'assessmentsPerformed', (t) =>
  t.connection(
    {
      type: AssessmentRef,
      description:
        'Assessments this vendor performed as assessment institution (承担的测评), newest first, those of systems in ' +
        'your jurisdiction. Batched over all vendors of a page.',
      resolve: (vendor, args, ctx) =>
        nestedPage(ctx, 'vendor.assessmentsPerformed', vendor.id, args, async (ids, p) =>
          groupRows(await listAssessmentsOfVendors(ctx, ids, p), toAssessment),
        ),
    },
    AssessmentListConnection,
  ),
);

// ---------------------------------------------------------------------------------------------------
// Mutations

const assessmentInput = (create: boolean) =>
  builder.inputType(create ? 'CreateAssessmentInput' : 'UpdateAssessmentInput', {
    description: create
      ? 'A new assessment (新增测评记录).'
      : 'Changes to an assessment; absent fields stay as they are.',
    fields: (t) => ({
      systemId: t.id({ required: create, description: 'The assessed system (被测评对象).' }),
      vendorId: t.id({
        description: create
          ? 'The assessment institution (测评机构) that performed it.'
          : 'The assessment institution (测评机构); null removes it.',
      }),
      kind: t.field({ type: AssessmentKindEnum, required: create, description: 'Kind (测评类型).' }),
      on: t.field({
        type: 'Date',
        required: create,
        description: 'Date of the report (测评日期), not in the future (Asia/Shanghai).',
      }),
      conclusion: t.field({ type: AssessmentConclusionEnum, description: 'Conclusion (测评结论).' }),
      score: t.int({ description: 'Score (测评得分), 0–100.' }),
    }),
  });
const CreateAssessmentInput = assessmentInput(true);
const UpdateAssessmentInput = assessmentInput(false);

const findingInput = (create: boolean) =>
  builder.inputType(create ? 'CreateFindingInput' : 'UpdateFindingInput', {
    description: create
      ? 'A new finding of an assessment (新增问题隐患).'
      : 'Changes to a finding; absent fields stay as they are. Setting status OPEN without closedOn clears closedOn.',
    fields: (t) => ({
      ...(create
        ? { assessmentId: t.id({ required: true, description: 'The assessment that found it (所属测评).' }) }
        : {}),
      title: t.string({ required: create, description: 'What was found (问题描述).' }),
      severity: t.field({ type: FindingSeverityEnum, required: create, description: 'Severity (风险等级).' }),
      dueOn: t.field({
        type: 'Date',
        description: 'Rectification deadline (整改期限), not before the assessment date.',
      }),
      status: t.field({
        type: FindingStatusEnum,
        description: create ? 'Status (整改状态); default OPEN.' : 'Status (整改状态).',
      }),
      closedOn: t.field({
        type: 'Date',
        description:
          'Closing date (关闭日期): required for RECTIFIED/ACCEPTED, absent for OPEN; not before the assessment date, not in the future.',
      }),
    }),
  });
const CreateFindingInput = findingInput(true);
const UpdateFindingInput = findingInput(false);

const optionalId = (id: string | null | undefined, typename: string, field: string) =>
  id === undefined ? undefined : id === null ? null : decodeId(id, typename, field);

builder.mutationFields((t) => ({
  createAssessment: t.field({
    type: AssessmentRef,
    description: 'Records an assessment of a system (登记测评结果).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateAssessmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAssessment(ctx, {
        ...input,
        systemId: decodeId(input.systemId ?? '', 'System', 'input.systemId'),
        vendorId: optionalId(input.vendorId, 'Vendor', 'input.vendorId'),
      }),
  }),
  updateAssessment: t.field({
    type: AssessmentRef,
    description:
      'Changes an assessment (变更测评记录). Its date may not move after a closing date of one of its findings.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAssessmentInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      updateAssessment(ctx, decodeId(id, 'Assessment'), {
        ...input,
        systemId: optionalId(input.systemId, 'System', 'input.systemId'),
        vendorId: optionalId(input.vendorId, 'Vendor', 'input.vendorId'),
      }),
  }),
  deleteAssessment: t.field({
    type: 'ID',
    description: 'Deletes an assessment without findings (删除测评记录). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteAssessment(ctx, decodeId(id, 'Assessment'));
      return id;
    },
  }),
  createFinding: t.field({
    type: FindingRef,
    description: 'Records a finding of an assessment (登记问题隐患).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateFindingInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createFinding(ctx, {
        ...input,
        // Required in CreateFindingInput (the shared field builder types it optional).
        assessmentId: decodeId(input.assessmentId ?? '', 'Assessment', 'input.assessmentId'),
      }),
  }),
  updateFinding: t.field({
    type: FindingRef,
    description: 'Changes a finding, e.g. records its rectification (整改销号).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateFindingInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateFinding(ctx, decodeId(id, 'Finding'), input),
  }),
  deleteFinding: t.field({
    type: 'ID',
    description: 'Deletes a finding (删除问题隐患). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteFinding(ctx, decodeId(id, 'Finding'));
      return id;
    },
  }),
}));
