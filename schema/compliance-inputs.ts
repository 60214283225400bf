/**
 * Inputs of compliance rules the registry did not hold before (issue #5): procurements of CII
 * systems and their national-security reviews (采购与网络安全审查, CII-8). Each is a dated node, so
 * `compliance(asOf)` answers for any past date.
 */
import {
  type ProcurementRecord,
  recordProcurement,
  reviewProcurement,
} from '../server/compliance/procurements.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID } from './common.js';

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
