/**
 * Inputs of compliance rules, part 2 (issue #5): the police side of a filing (受理/备案证明, FIL-3,
 * as System fields, set with createSystem/updateSystem); the engagement around a level assessment:
 * report submissions (测评报告报送, ASM-4), confidentiality agreement (保密协议, ASM-5) and the
 * assessors (测评人员, ASM-6); disaster backups of CII systems (容灾备份, CII-6). CII-1 reads the
 * identifying department and the notification dates CII designations already hold.
 */
import { GraphQLError } from 'graphql';
import {
  type DISASTER_BACKUP_KINDS,
  type DisasterBackupRecord,
  disasterBackupsOfSystems,
  recordDisasterBackup,
  toDisasterBackup,
  updateDisasterBackup,
} from '../server/compliance/disaster-backups.js';
import {
  addAssessor,
  assessorsOfAssessments,
  type InstitutionCheckRecord,
  institutionChecksOfVendors,
  recordEngagement,
  recordInstitutionCheck,
  removeAssessor,
  toInstitutionCheck,
} from '../server/compliance/engagements.js';
import { toPerson } from '../server/repositories/persons.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID, enumValues, groupRows, nestedPage } from './common.js';
import { CheckStatusEnum } from './personnel.js';
import { AssessmentRef, PersonRef, SystemRef, VendorRef } from './refs.js';

// ---------------------------------------------------------------------------------------------------
// FIL-3: the police side of a filing

builder.objectFields(SystemRef, (t) => ({
  filingAcceptedOn: t.field({
    type: 'Date',
    nullable: true,
    description:
      'Date the police accepted the filing (备案受理日期), FIL-3; the filing certificate is due within 10 working days.',
    resolve: (s) => s.filingAcceptedOn ?? null,
  }),
  filingCertificateIssuedOn: t.field({
    type: 'Date',
    nullable: true,
    description: 'Date the police issued the filing certificate (备案证明出具日期), FIL-3.',
    resolve: (s) => s.filingCertificateIssuedOn ?? null,
  }),
}));

// ---------------------------------------------------------------------------------------------------
// ASM-4, ASM-5, ASM-6: the assessment engagement

builder.objectFields(AssessmentRef, (t) => ({
  reportSubmittedToPoliceOn: t.field({
    type: 'Date',
    nullable: true,
    description: 'Report submitted to the police on (测评报告报送公安机关日期), ASM-4; null = not recorded.',
    resolve: (a) => a.reportSubmittedToPoliceOn ?? null,
  }),
  reportSubmittedToDepartmentOn: t.field({
    type: 'Date',
    nullable: true,
    description:
      'Report submitted to the competent department on (测评报告报送行业主管部门日期), ASM-4; required only when the operator has a competent department.',
    resolve: (a) => a.reportSubmittedToDepartmentOn ?? null,
  }),
  confidentialityAgreementSignedOn: t.field({
    type: 'Date',
    nullable: true,
    description:
      'Confidentiality agreement with the assessment institution signed on (保密协议签订日期), ASM-5; due on or before the assessment date.',
    resolve: (a) => a.confidentialityAgreementSignedOn ?? null,
  }),
  assessors: t.connection(
    {
      type: PersonRef,
      description:
        'The assessors who worked on this assessment (测评人员), ASM-6, by id; names and ID numbers are null for non-police roles. Batched over all assessments of a page.',
      resolve: (a, args, ctx) =>
        nestedPage(ctx, 'assessment.assessors', a.id, args, async (ids, p) =>
          groupRows(await assessorsOfAssessments(ctx, ids, p), toPerson),
        ),
    },
    { name: 'AssessorConnection', description: 'A page of assessors (测评人员).' },
    { name: 'AssessorEdge', description: 'An assessor in a page.' },
  ),
}));

const RecordEngagementInput = builder.inputType('RecordAssessmentEngagementInput', {
  description:
    'Report submissions (测评报告报送, ASM-4) and the confidentiality agreement (保密协议, ASM-5) of an assessment; at least one; an absent field keeps the stored date.',
  fields: (t) => ({
    reportSubmittedToPoliceOn: t.field({
      type: 'Date',
      description: 'Report submitted to the police on (报送公安机关日期), not before the assessment date.',
    }),
    reportSubmittedToDepartmentOn: t.field({
      type: 'Date',
      description:
        'Report submitted to the competent department on (报送行业主管部门日期), not before the assessment date.',
    }),
    confidentialityAgreementSignedOn: t.field({
      type: 'Date',
      description:
        'Confidentiality agreement signed on (保密协议签订日期); a date after the assessment is kept and reported by ASM-5.',
    }),
  }),
});

const AssessorInput = builder.inputType('AssessorInput', {
  description: 'A person who worked on an assessment as assessor (测评人员), ASM-6.',
  fields: (t) => ({
    assessmentId: t.id({ required: true, description: 'The assessment (Assessment id).' }),
    personId: t.id({ required: true, description: 'The assessor (Person id).' }),
  }),
});

builder.mutationFields((t) => ({
  recordAssessmentEngagement: t.field({
    type: AssessmentRef,
    description:
      'Records the report submissions and/or the confidentiality agreement of an assessment (登记测评报告报送/保密协议), ASM-4, ASM-5.',
    errors: { types: MUTATION_ERRORS },
    args: {
      assessmentId: t.arg.id({ required: true, description: 'The assessment (Assessment id).' }),
      input: t.arg({ type: RecordEngagementInput, required: true }),
    },
    resolve: (_root, { assessmentId, input }, ctx) =>
      recordEngagement(ctx, decodeId(assessmentId, 'Assessment', 'assessmentId'), input),
  }),
  addAssessor: t.field({
    type: AssessmentRef,
    description:
      'Records a person as an assessor on an assessment (登记测评人员), ASM-6; already recorded is a ConflictError.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AssessorInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addAssessor(
        ctx,
        decodeId(input.assessmentId, 'Assessment', 'input.assessmentId'),
        decodeId(input.personId, 'Person', 'input.personId'),
      ),
  }),
  removeAssessor: t.field({
    type: AssessmentRef,
    description: 'Removes a person from the assessors of an assessment (移除测评人员), ASM-6.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AssessorInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      removeAssessor(
        ctx,
        decodeId(input.assessmentId, 'Assessment', 'input.assessmentId'),
        decodeId(input.personId, 'Person', 'input.personId'),
      ),
  }),
}));

const InstitutionCheckRef = builder.objectRef<InstitutionCheckRecord>('InstitutionCheck').implement({
  description:
    'A background check of an assessment institution (测评机构背景审查), ASM-6: the institution of an assessment needs a PASSED, unexpired one on the assessment date.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (c) => encodeGlobalID('InstitutionCheck', c.id) }),
    vendorId: t.id({
      description: 'The institution (Vendor id).',
      resolve: (c) => encodeGlobalID('Vendor', c.vendorId),
    }),
    status: t.field({ type: CheckStatusEnum, description: 'Outcome (审查结论).', resolve: (c) => c.status }),
    checkedOn: t.field({ type: 'Date', description: 'Checked on (审查日期).', resolve: (c) => c.checkedOn }),
    expiresOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Valid until (有效期至, last valid day); null = no expiry.',
      resolve: (c) => c.expiresOn,
    }),
    checkedBy: t.exposeString('checkedBy', { description: 'Checked by (审查机关).' }),
  }),
});

builder.objectField(VendorRef, 'institutionChecks', (t) =>
  t.connection(
    {
      type: InstitutionCheckRef,
      description:
        'Background checks of this vendor as assessment institution (测评机构背景审查), ASM-6, newest first. Batched over all vendors of a page.',
      resolve: (v, args, ctx) =>
        nestedPage(ctx, 'vendor.institutionChecks', v.id, args, async (ids, p) =>
          groupRows(await institutionChecksOfVendors(ctx, ids, p), toInstitutionCheck),
        ),
    },
    { name: 'InstitutionCheckConnection', description: 'A page of institution background checks.' },
    { name: 'InstitutionCheckEdge', description: 'An institution background check in a page.' },
  ),
);

const RecordInstitutionCheckInput = builder.inputType('RecordInstitutionCheckInput', {
  description: 'A background check of an assessment institution (测评机构背景审查), ASM-6.',
  fields: (t) => ({
    vendorId: t.id({ required: true, description: 'The institution (Vendor id).' }),
    status: t.field({ type: CheckStatusEnum, required: true, description: 'Outcome (审查结论).' }),
    checkedOn: t.field({ type: 'Date', required: true, description: 'Checked on (审查日期).' }),
    expiresOn: t.field({
      type: 'Date',
      description: 'Valid until (有效期至, last valid day), not before checkedOn; absent = no expiry.',
    }),
    checkedBy: t.string({ required: true, description: 'Checked by (审查机关).' }),
  }),
});

builder.mutationFields((t) => ({
  recordInstitutionCheck: t.field({
    type: InstitutionCheckRef,
    description: 'Records a background check of an assessment institution (登记测评机构背景审查), ASM-6.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordInstitutionCheckInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordInstitutionCheck(ctx, {
        ...input,
        vendorId: decodeId(input.vendorId, 'Vendor', 'input.vendorId'),
      }),
  }),
}));

// ---------------------------------------------------------------------------------------------------
// CII-6: disaster backups

const DisasterBackupKindEnum = builder.enumType('DisasterBackupKind', {
  description: 'Where the backup site is (容灾方式).',
  values: enumValues<(typeof DISASTER_BACKUP_KINDS)[number]>({
    SAME_CITY: 'Same-city backup (同城容灾).',
    REMOTE: 'Remote, off-site backup (异地容灾).',
  }),
});

const DisasterBackupRef = builder.objectRef<DisasterBackupRecord>('DisasterBackup').implement({
  description:
    'A disaster backup (容灾备份) of a system, in force from establishedOn to endedOn, CII-6: a CII system needs one in force.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (b) => encodeGlobalID('DisasterBackup', b.id) }),
    systemId: t.id({
      description: 'The system backed up (System id).',
      resolve: (b) => encodeGlobalID('System', b.systemId),
    }),
    kind: t.field({ type: DisasterBackupKindEnum, description: 'Kind (容灾方式).', resolve: (b) => b.kind }),
    site: t.exposeString('site', { description: 'Backup site (容灾站点/机房).' }),
    establishedOn: t.field({
      type: 'Date',
      description: 'In force from (建成日期).',
      resolve: (b) => b.establishedOn,
    }),
    endedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day in force (停用日期); null = still in force.',
      resolve: (b) => b.endedOn,
    }),
    lastVerifiedOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Last switch-over test or restore drill (最近一次切换/恢复验证日期); null = none recorded.',
      resolve: (b) => b.lastVerifiedOn,
    }),
  }),
});

builder.objectField(SystemRef, 'disasterBackups', (t) =>
  t.connection(
    {
      type: DisasterBackupRef,
      description:
        'Disaster backups of this system (容灾备份), CII-6, by establishment date. Batched over all systems of a page.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only backups in force on this date (有效日期).' }),
      },
      resolve: (s, args, ctx) => {
        let activeOn: string | null = null;
        if (args.activeOn != null) {
          const parsed = normalizeIsoDate(args.activeOn);
          if (!parsed.ok) {
            throw new GraphQLError(`activeOn: ${parsed.message}`, {
              extensions: { code: 'BAD_USER_INPUT', argument: 'activeOn' },
            });
          }
          activeOn = parsed.value;
        }
        return nestedPage(ctx, 'system.disasterBackups', s.id, { ...args, activeOn }, async (ids, p) =>
          groupRows(await disasterBackupsOfSystems(ctx, ids, activeOn, p), toDisasterBackup),
        );
      },
    },
    { name: 'DisasterBackupConnection', description: 'A page of disaster backups.' },
    { name: 'DisasterBackupEdge', description: 'A disaster backup in a page.' },
  ),
);

const RecordDisasterBackupInput = builder.inputType('RecordDisasterBackupInput', {
  description: 'A disaster backup of a system (容灾备份), CII-6.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system backed up (System id).' }),
    kind: t.field({ type: DisasterBackupKindEnum, required: true, description: 'Kind (容灾方式).' }),
    site: t.string({ required: true, description: 'Backup site (容灾站点/机房).' }),
    establishedOn: t.field({ type: 'Date', required: true, description: 'In force from (建成日期).' }),
    endedOn: t.field({
      type: 'Date',
      description: 'Last day in force (停用日期), not before establishedOn.',
    }),
    lastVerifiedOn: t.field({
      type: 'Date',
      description: 'Last switch-over test or restore drill (最近一次验证日期), within the time in force.',
    }),
  }),
});

const UpdateDisasterBackupInput = builder.inputType('UpdateDisasterBackupInput', {
  description: 'The end and/or the last verification of a disaster backup (at least one).',
  fields: (t) => ({
    endedOn: t.field({
      type: 'Date',
      description: 'Last day in force (停用日期), not before establishedOn.',
    }),
    lastVerifiedOn: t.field({
      type: 'Date',
      description: 'Last switch-over test or restore drill (最近一次验证日期), within the time in force.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordDisasterBackup: t.field({
    type: DisasterBackupRef,
    description: 'Records a disaster backup of a system (登记容灾备份), CII-6.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordDisasterBackupInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordDisasterBackup(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  updateDisasterBackup: t.field({
    type: DisasterBackupRef,
    description: 'Records the end or the last verification of a disaster backup (停用/验证容灾备份), CII-6.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The backup (DisasterBackup id).' }),
      input: t.arg({ type: UpdateDisasterBackupInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => updateDisasterBackup(ctx, decodeId(id, 'DisasterBackup'), input),
  }),
}));
