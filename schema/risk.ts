/**
 * Risk flags (风险提示) on vendors, persons and protected systems: `riskFlags(asOf)` checks the
 * supply-chain rules (SUP-1..4, CII-3) on a date. One batched statement per kind of object for all
 * objects of a request; evidence is limited to what the caller may see.
 */
import {
  personRiskFlags,
  type RiskCode,
  type RiskEvidence,
  type RiskFlag,
  type RiskSeverity,
  systemRiskFlags,
  vendorRiskFlags,
} from '../server/repositories/risk.js';
import { builder } from './builder.js';
import { encodeGlobalID, enumValues } from './common.js';
import { PersonRef, SystemRef, VendorRef } from './refs.js';
import { asOfArg } from './supply-chain.js';

const VALID = 'valid on asOf = from ≤ asOf and (to null or to ≥ asOf)';
const HIGH = 'a level ≥ 3 or CII system (三级以上或关键信息基础设施; CII = part of a CII valid on asOf)';

export const RiskCodeEnum = builder.enumType('RiskCode', {
  description: `What a risk flag is about (风险类型). Relationships count when ${VALID}.`,
  values: enumValues<RiskCode>({
    UNREGISTERED_VENDOR: `SUP-3, HIGH (未报备服务机构). A vendor not REGISTERED with a registration date on or before asOf serves (SERVES valid on asOf) ${HIGH}. On the vendor (evidence: the systems) and the system (evidence: the vendors).`,
    UNCHECKED_PERSONNEL: `SUP-3, or CII-3 when a CII system is involved; HIGH (人员未经有效背景审查). A person has access (HAS_ACCESS valid on asOf) to ${HIGH} while their latest background check done on or before asOf is missing, not PASSED, or expired (expiresOn < asOf; a check expiring on asOf is still valid). On the person (evidence: that check, then the systems) and the system (evidence: the persons).`,
    REMOTE_OPS_UNEVALUATED: `SUP-2, HIGH (远程运维未评估论证). A service valid on asOf that is remote (remote = true, or kind REMOTE_OPERATIONS) has no remote evaluation (评估论证) on or before asOf (remoteEvaluatedOn null or later). On the vendor and the system (evidence: the services).`,
    ACCESS_AFTER_LEAVING:
      'SUP-1, HIGH (离职后仍有访问权限). An access (HAS_ACCESS) valid on asOf of a person who, on the first day of that access, had at least one employment (WORKS_FOR, at a vendor or an operator) valid, and every such employment ended before asOf (its last day `to` < asOf): the person left the employer(s) the access was granted under. A person without any employment on that day is not flagged. On the person and the system (evidence: the accesses, dated by the last day of the latest of those employments).',
    ASSESSOR_NOT_INDEPENDENT: `ASM-IND (测评机构独立性; not yet numbered in rules.md), MEDIUM. A vendor performed an assessment (测评) of a system dated within the 3 years up to asOf (asOf minus 3 years ≤ on ≤ asOf) and, on the assessment date, also had a service of kind DESIGN, CONSTRUCTION, OPERATIONS or REMOTE_OPERATIONS to that system. On the vendor and the system (evidence: the assessments).`,
    SUBCONTRACT_CHAIN_TOO_DEEP:
      'SUP-1, LOW (分包层级过深). Below the vendor there is a chain of subcontracts (SUBCONTRACTS_TO, each valid on asOf) with more tiers than the configured limit (SUBCONTRACT_MAX_TIERS, default 2). On the vendor (evidence: the vendors of one such chain, tier by tier, those you may see).',
    UNCERTIFIED_PRODUCT:
      'SUP-4, MEDIUM (未认证网络产品). A system of protection level ≥ 3 uses (USES valid on asOf) a network product without a security certification. On the system (evidence: the products).',
  }),
});

export const RiskSeverityEnum = builder.enumType('RiskSeverity', {
  description: 'How serious a risk flag is (风险等级).',
  values: enumValues<RiskSeverity>({
    HIGH: 'High (高): unchecked or unregistered parties, or uncontrolled access, on important systems.',
    MEDIUM: 'Medium (中): a mandatory measure is missing.',
    LOW: 'Low (低): a configurable policy limit is exceeded.',
  }),
});

const RiskEvidenceRef = builder.objectRef<RiskEvidence>('RiskEvidence').implement({
  description:
    'An object behind a risk flag (风险依据). Only objects you may see are listed (systems in your jurisdiction and what hangs off them).',
  fields: (t) => ({
    type: t.exposeString('type', {
      description:
        'GraphQL type of the object (对象类型): System, Vendor, Person, Service, Access, Assessment, BackgroundCheck or Product.',
    }),
    id: t.id({
      description: 'Global id (全局标识) of the object; use it with `node(id:)`.',
      resolve: (e) => encodeGlobalID(e.type, e.id),
    }),
    name: t.string({
      nullable: true,
      description:
        "Name (名称): the object's own for systems, vendors, products and persons; for a service, access or assessment the name of the party on the other side (the system, or the vendor/person). A person's name only for police roles, null for others; null for background checks.",
      resolve: (e) => e.name,
    }),
    date: t.field({
      type: 'Date',
      nullable: true,
      description:
        'The relevant date (相关日期): start of the service/access/use, assessment date, expiry or date of the check, date the employment ended; null when there is none (e.g. no check).',
      resolve: (e) => e.date,
    }),
    note: t.string({
      nullable: true,
      description: 'What the object shows (说明), in words.',
      resolve: (e) => e.note,
    }),
  }),
});

const RiskFlagRef = builder.objectRef<RiskFlag>('RiskFlag').implement({
  description: 'A risk found on a date (风险提示): which rule, how serious, and the objects behind it.',
  fields: (t) => ({
    code: t.field({ type: RiskCodeEnum, description: 'Kind of risk (风险类型).', resolve: (f) => f.code }),
    severity: t.field({
      type: RiskSeverityEnum,
      description: 'How serious (风险等级).',
      resolve: (f) => f.severity,
    }),
    rule: t.exposeString('rule', {
      description: 'The rule checked (规则编号) in the registry rules, e.g. SUP-3.',
    }),
    message: t.exposeString('message', { description: 'What is wrong (说明), Chinese / English.' }),
    evidence: t.field({
      type: [RiskEvidenceRef],
      description: 'The objects behind the flag (依据), those you may see.',
      resolve: (f) => f.evidence,
    }),
  }),
});

const asOfDescription = 'The date (基准日期) the rules are checked on; absent: today in Asia/Shanghai.';
const listDescription = 'Most severe first, then by code.';

builder.objectField(VendorRef, 'riskFlags', (t) =>
  t.field({
    type: [RiskFlagRef],
    description: `Risk flags of the vendor on asOf (风险提示): UNREGISTERED_VENDOR, REMOTE_OPS_UNEVALUATED, ASSESSOR_NOT_INDEPENDENT, SUBCONTRACT_CHAIN_TOO_DEEP, counting systems in your jurisdiction. ${listDescription}`,
    args: { asOf: t.arg({ type: 'Date', description: asOfDescription }) },
    resolve: (v, args, ctx) => vendorRiskFlags(ctx, v.id, asOfArg(args.asOf)),
  }),
);

builder.objectField(PersonRef, 'riskFlags', (t) =>
  t.field({
    type: [RiskFlagRef],
    description: `Risk flags of the person on asOf (风险提示): UNCHECKED_PERSONNEL, ACCESS_AFTER_LEAVING, counting systems in your jurisdiction. ${listDescription}`,
    args: { asOf: t.arg({ type: 'Date', description: asOfDescription }) },
    resolve: (p, args, ctx) => personRiskFlags(ctx, p.id, asOfArg(args.asOf)),
  }),
);

builder.objectField(SystemRef, 'riskFlags', (t) =>
  t.field({
    type: [RiskFlagRef],
    description: `Risk flags of the system on asOf (风险提示): UNREGISTERED_VENDOR, UNCHECKED_PERSONNEL, REMOTE_OPS_UNEVALUATED, ACCESS_AFTER_LEAVING, ASSESSOR_NOT_INDEPENDENT, UNCERTIFIED_PRODUCT. ${listDescription}`,
    args: { asOf: t.arg({ type: 'Date', description: asOfDescription }) },
    resolve: (s, args, ctx) => systemRiskFlags(ctx, s.id, asOfArg(args.asOf)),
  }),
);
