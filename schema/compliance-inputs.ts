/**
 * Inputs of compliance rules the registry did not hold before (issue #5): procurements of CII
 * systems and their national-security reviews (采购与网络安全审查, CII-8); security incidents and their
 * reports to the police (网络安全事件报告, INC-1); data stored abroad and cross-border transfers with
 * their security assessments (数据出境安全评估, CII-7); expert reviews and approvals of gradings
 * (专家评审/核准, GRD-2, GRD-3); emergency drills (应急演练, DRL-1). Each is a dated node, so
 * `compliance(asOf)` answers for any past date.
 */

import {
  type DATA_CATEGORIES,
  type DATA_TRANSFER_KINDS,
  type DataTransferRecord,
  recordDataTransfer,
  updateDataTransfer,
} from '../server/compliance/data-transfers.js';
import { type DrillRecord, recordDrill } from '../server/compliance/drills.js';
import { type GradingReviewRecord, recordGradingReview } from '../server/compliance/grading-reviews.js';
import {
  type INCIDENT_SEVERITIES,
  type IncidentRecord,
  recordIncident,
  reportIncident,
} from '../server/compliance/incidents.js';
import {
  type ProcurementRecord,
  recordProcurement,
  reviewProcurement,
} from '../server/compliance/procurements.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID, enumValues } from './common.js';

const ProcurementRef = builder.objectRef<ProcurementRecord>('Procurement').implement({
  description:
    'A procurement of network products or services for a system (采购网络产品和服务) and its national-security review (网络安全审查), CII-8.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (p) => encodeGlobalID('Procurement', p.id) }),
    systemId: t.id({
      description: 'The system it is for (System id).',
      resolve: (p) => encodeGlobalID('System', p.systemId),
    }),
    title: t.exposeString('title', { description: 'What was bought (采购内容).' }),
    purchasedOn: t.field({
      type: 'Date',
      description: 'Date of purchase (采购日期).',
      resolve: (p) => p.purchasedOn,
    }),
    affectsNationalSecurity: t.exposeBoolean('affectsNationalSecurity', {
      description:
        'May affect national security (可能影响国家安全): a security review is required before purchase.',
    }),
    reviewPassedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Passed the security review on (通过网络安全审查日期); null = not (yet).',
      resolve: (p) => p.reviewPassedOn,
    }),
  }),
});

const RecordProcurementInput = builder.inputType('RecordProcurementInput', {
  description: 'A procurement for a system (采购网络产品和服务), CII-8.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system it is for (System id).' }),
    title: t.string({ required: true, description: 'What was bought (采购内容).' }),
    purchasedOn: t.field({ type: 'Date', required: true, description: 'Date of purchase (采购日期).' }),
    affectsNationalSecurity: t.boolean({
      required: true,
      description: 'May affect national security (可能影响国家安全).',
    }),
    reviewPassedOn: t.field({
      type: 'Date',
      description: 'Passed the security review on (通过网络安全审查日期), when already reviewed.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordProcurement: t.field({
    type: ProcurementRef,
    description: 'Records a procurement for a system (登记采购), CII-8.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordProcurementInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordProcurement(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  reviewProcurement: t.field({
    type: ProcurementRef,
    description: 'Records that a procurement passed its security review (通过网络安全审查), CII-8.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The procurement (Procurement id).' }),
      reviewPassedOn: t.arg({
        type: 'Date',
        required: true,
        description: 'Passed the review on (通过网络安全审查日期).',
      }),
    },
    resolve: (_root, { id, reviewPassedOn }, ctx) =>
      reviewProcurement(ctx, decodeId(id, 'Procurement'), reviewPassedOn),
  }),
}));

const IncidentSeverityEnum = builder.enumType('IncidentSeverity', {
  description: 'Level of a security incident (网络安全事件分级).',
  values: enumValues<(typeof INCIDENT_SEVERITIES)[number]>({
    GENERAL: 'General (一般事件): not checked by INC-1.',
    LARGE: 'Large (较大事件): report within 4 hours (configurable).',
    MAJOR: 'Major (重大事件): a CII system within 1 hour, others within 4 hours (configurable).',
    ESPECIALLY_MAJOR: 'Especially major (特别重大事件): as MAJOR.',
  }),
});

const IncidentRef = builder.objectRef<IncidentRecord>('Incident').implement({
  description: 'A security incident of a system (网络安全事件) and its report to the filing police, INC-1.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (i) => encodeGlobalID('Incident', i.id) }),
    systemId: t.id({
      description: 'The system it happened to (System id).',
      resolve: (i) => encodeGlobalID('System', i.systemId),
    }),
    title: t.exposeString('title', { description: 'What happened (事件概要).' }),
    severity: t.field({
      type: IncidentSeverityEnum,
      description: 'Level (事件级别).',
      resolve: (i) => i.severity,
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'Occurred at (发生时间).',
      resolve: (i) => i.occurredAt,
    }),
    discoveredAt: t.field({
      type: 'DateTime',
      description: 'Discovered at (发现时间); the reporting deadline counts from it.',
      resolve: (i) => i.discoveredAt,
    }),
    reportedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Reported to the filing police at (报告时间); null = not yet.',
      resolve: (i) => i.reportedAt,
    }),
  }),
});

const RecordIncidentInput = builder.inputType('RecordIncidentInput', {
  description: 'A security incident of a system (网络安全事件), INC-1.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system it happened to (System id).' }),
    title: t.string({ required: true, description: 'What happened (事件概要).' }),
    severity: t.field({ type: IncidentSeverityEnum, required: true, description: 'Level (事件级别).' }),
    occurredAt: t.field({ type: 'DateTime', required: true, description: 'Occurred at (发生时间).' }),
    discoveredAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'Discovered at (发现时间), not before occurredAt.',
    }),
    reportedAt: t.field({
      type: 'DateTime',
      description:
        'Reported to the filing police at (报告时间), when already reported; not before discoveredAt.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordIncident: t.field({
    type: IncidentRef,
    description: 'Records a security incident of a system (登记网络安全事件), INC-1.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordIncidentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordIncident(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  reportIncident: t.field({
    type: IncidentRef,
    description: 'Records that an incident was reported to the filing police (报告公安机关), INC-1.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The incident (Incident id).' }),
      reportedAt: t.arg({
        type: 'DateTime',
        required: true,
        description: 'Reported at (报告时间), not before discovery.',
      }),
    },
    resolve: (_root, { id, reportedAt }, ctx) => reportIncident(ctx, decodeId(id, 'Incident'), reportedAt),
  }),
}));

const DataTransferKindEnum = builder.enumType('DataTransferKind', {
  description: 'How data leaves China (数据出境方式), CII-7.',
  values: enumValues<(typeof DATA_TRANSFER_KINDS)[number]>({
    CROSS_BORDER_TRANSFER: 'Transferred across the border (数据出境): needs a security assessment first.',
    STORED_ABROAD: 'Stored outside China (境外存储): not allowed for a CII, a finding while in force.',
  }),
});

const DataCategoryEnum = builder.enumType('DataCategory', {
  description: 'What data (数据类别).',
  values: enumValues<(typeof DATA_CATEGORIES)[number]>({
    PERSONAL_INFORMATION: 'Personal information (个人信息).',
    IMPORTANT_DATA: 'Important data (重要数据).',
  }),
});

const DataTransferRef = builder.objectRef<DataTransferRecord>('DataTransfer').implement({
  description:
    'Data of a system stored abroad or transferred across the border (数据境外存储/出境) and its security assessment (数据出境安全评估), CII-7.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (x) => encodeGlobalID('DataTransfer', x.id) }),
    systemId: t.id({
      description: 'The system whose data it is (System id).',
      resolve: (x) => encodeGlobalID('System', x.systemId),
    }),
    kind: t.field({ type: DataTransferKindEnum, description: 'How (出境方式).', resolve: (x) => x.kind }),
    dataCategory: t.field({
      type: DataCategoryEnum,
      description: 'What data (数据类别).',
      resolve: (x) => x.dataCategory,
    }),
    destination: t.exposeString('destination', { description: 'Country or region (境外接收方所在地).' }),
    startedOn: t.field({
      type: 'Date',
      description: 'In force from (开始日期).',
      resolve: (x) => x.startedOn,
    }),
    endedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Stopped on (停止日期); null = still in force.',
      resolve: (x) => x.endedOn,
    }),
    assessedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Security assessment passed on (安全评估通过日期); null = none.',
      resolve: (x) => x.assessedOn,
    }),
  }),
});

const RecordDataTransferInput = builder.inputType('RecordDataTransferInput', {
  description: 'Data of a system stored abroad or transferred across the border (数据境外存储/出境), CII-7.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system whose data it is (System id).' }),
    kind: t.field({ type: DataTransferKindEnum, required: true, description: 'How (出境方式).' }),
    dataCategory: t.field({ type: DataCategoryEnum, required: true, description: 'What data (数据类别).' }),
    destination: t.string({ required: true, description: 'Country or region (境外接收方所在地).' }),
    startedOn: t.field({ type: 'Date', required: true, description: 'In force from (开始日期).' }),
    endedOn: t.field({ type: 'Date', description: 'Stopped on (停止日期), not before startedOn.' }),
    assessedOn: t.field({ type: 'Date', description: 'Security assessment passed on (安全评估通过日期).' }),
  }),
});

const UpdateDataTransferInput = builder.inputType('UpdateDataTransferInput', {
  description: 'The assessment or the end of a data transfer (at least one).',
  fields: (t) => ({
    assessedOn: t.field({ type: 'Date', description: 'Security assessment passed on (安全评估通过日期).' }),
    endedOn: t.field({ type: 'Date', description: 'Stopped on (停止日期), not before startedOn.' }),
  }),
});

builder.mutationFields((t) => ({
  recordDataTransfer: t.field({
    type: DataTransferRef,
    description:
      'Records data of a system stored abroad or transferred across the border (登记数据出境), CII-7.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordDataTransferInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordDataTransfer(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  updateDataTransfer: t.field({
    type: DataTransferRef,
    description:
      'Records the security assessment or the end of a data transfer (出境安全评估/停止出境), CII-7.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The transfer (DataTransfer id).' }),
      input: t.arg({ type: UpdateDataTransferInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => updateDataTransfer(ctx, decodeId(id, 'DataTransfer'), input),
  }),
}));

const GradingReviewRef = builder.objectRef<GradingReviewRecord>('GradingReview').implement({
  description:
    'The expert review (专家评审, GRD-2) and competent-department approval (行业主管部门核准, GRD-3) of a system’s grading.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (g) => encodeGlobalID('GradingReview', g.id) }),
    systemId: t.id({
      description: 'The system (System id).',
      resolve: (g) => encodeGlobalID('System', g.systemId),
    }),
    expertReviewedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Expert review held on (专家评审日期); null = none.',
      resolve: (g) => g.expertReviewedOn,
    }),
    competentApprovedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Approved by the competent department on (核准日期); null = none.',
      resolve: (g) => g.competentApprovedOn,
    }),
  }),
});

const RecordGradingReviewInput = builder.inputType('RecordGradingReviewInput', {
  description: 'Dates of the expert review and/or the approval of a system’s grading (at least one).',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system (System id).' }),
    expertReviewedOn: t.field({ type: 'Date', description: 'Expert review held on (专家评审日期).' }),
    competentApprovedOn: t.field({
      type: 'Date',
      description: 'Approved by the competent department on (核准日期), not before the review.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordGradingReview: t.field({
    type: GradingReviewRef,
    description:
      'Records the expert review and/or approval of a system’s grading (专家评审/核准), GRD-2, GRD-3.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordGradingReviewInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordGradingReview(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
}));

const DrillRef = builder.objectRef<DrillRecord>('Drill').implement({
  description: 'An emergency drill of a system (应急演练), DRL-1.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (x) => encodeGlobalID('Drill', x.id) }),
    systemId: t.id({
      description: 'The system (System id).',
      resolve: (x) => encodeGlobalID('System', x.systemId),
    }),
    title: t.exposeString('title', { description: 'What was drilled (演练内容).' }),
    heldOn: t.field({ type: 'Date', description: 'Held on (演练日期).', resolve: (x) => x.heldOn }),
  }),
});

const RecordDrillInput = builder.inputType('RecordDrillInput', {
  description: 'An emergency drill of a system (应急演练), DRL-1.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system (System id).' }),
    title: t.string({ required: true, description: 'What was drilled (演练内容).' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Held on (演练日期).' }),
  }),
});

builder.mutationFields((t) => ({
  recordDrill: t.field({
    type: DrillRef,
    description: 'Records an emergency drill of a system (登记应急演练), DRL-1.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordDrillInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordDrill(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
}));
