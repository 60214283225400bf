/**
 * Risk flags (风险提示) of vendors, persons and protected systems at a date: supply-chain rules
 * SUP-1..4 and CII-3 of /work/shared/domain/rules.md checked in Cypher, one statement per kind of
 * object for all objects of a request (batched through DataLoader). Evidence only names what the
 * caller may see: systems in the caller's scope (and what hangs off them); persons' names only for
 * roles that see personal data.
 */

import type { Context } from '../context.js';
import { risk as q } from '../cypher.generated.js';
import type { Row } from '../neo4j.js';

export const RISK_CODES = [
  'UNREGISTERED_VENDOR',
  'UNCHECKED_PERSONNEL',
  'REMOTE_OPS_UNEVALUATED',
  'ACCESS_AFTER_LEAVING',
  'ASSESSOR_NOT_INDEPENDENT',
  'SUBCONTRACT_CHAIN_TOO_DEEP',
  'UNCERTIFIED_PRODUCT',
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export const RISK_SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** What a flag says: severity, the rules.md id (the CII variant when a CII system is involved), message. */
export const RISK_RULES: Record<
  RiskCode,
  { severity: RiskSeverity; rule: string; ciiRule?: string; message: string }
> = {
  UNREGISTERED_VENDOR: {
    severity: 'HIGH',
    rule: 'SUP-3',
    message:
      '未报备的服务机构为三级以上系统或关键信息基础设施提供服务 / unregistered vendor serves a level ≥ 3 or CII system',
  },
  UNCHECKED_PERSONNEL: {
    severity: 'HIGH',
    rule: 'SUP-3',
    ciiRule: 'CII-3',
    message:
      '人员未通过有效的安全背景审查即可访问三级以上系统或关键信息基础设施 / person without a passed, unexpired background check has access to a level ≥ 3 or CII system',
  },
  REMOTE_OPS_UNEVALUATED: {
    severity: 'HIGH',
    rule: 'SUP-2',
    message: '互联网远程运维未经评估论证 / remote operation over the internet without a recorded evaluation',
  },
  ACCESS_AFTER_LEAVING: {
    severity: 'HIGH',
    rule: 'SUP-1',
    message:
      '人员已离开授予其访问权限的单位，访问权限仍有效 / access still in force after the person left the employer it was granted under',
  },
  ASSESSOR_NOT_INDEPENDENT: {
    severity: 'MEDIUM',
    rule: 'ASM-IND',
    message:
      '测评机构同时为被测系统提供设计、建设或运维服务，缺乏独立性 / assessment institution also designs, builds or operates the system it assessed',
  },
  SUBCONTRACT_CHAIN_TOO_DEEP: {
    severity: 'LOW',
    rule: 'SUP-1',
    message: '分包层级过深 / subcontracting chain deeper than the allowed number of tiers',
  },
  UNCERTIFIED_PRODUCT: {
    severity: 'MEDIUM',
    rule: 'SUP-4',
    message:
      '三级以上系统使用未经安全认证的网络产品 / level ≥ 3 system uses a network product without security certification',
  },
};

export interface RiskEvidence {
  /** GraphQL type name of the object (System, Vendor, Person, Service, Access, Assessment, BackgroundCheck, Product). */
  type: string;
  /** Database id (the schema answers the global id). */
  id: string;
  name: string | null;
  date: string | null;
  note: string | null;
}

export interface RiskFlag {
  code: RiskCode;
  severity: RiskSeverity;
  rule: string;
  message: string;
  evidence: RiskEvidence[];
}

// ---------------------------------------------------------------------------------------------------
// Configuration

export { DEFAULT_RISK_CONFIG, loadRiskConfig, type RiskConfig } from '../config.js';

// ---------------------------------------------------------------------------------------------------
// Loading

const SEVERITY_ORDER: Record<RiskSeverity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Candidate flags of one parent → the raised ones, most severe first, then by code. */
function toFlags(candidates: unknown, seesPersonalData: boolean): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const c of (candidates as Row[] | null) ?? []) {
    const code = c.code as RiskCode;
    const spec = RISK_RULES[code];
    const evidence = ((c.evidence as Row[] | null) ?? []).map(
      (e): RiskEvidence => ({
        type: String(e.type),
        id: String(e.id),
        name: e.personal === true && !seesPersonalData ? null : ((e.name as string | null) ?? null),
        date: (e.date as string | null) ?? null,
        note: (e.note as string | null) ?? null,
      }),
    );
    const raised = typeof c.raised === 'boolean' ? c.raised : evidence.length > 0;
    if (!raised) continue;
    flags.push({
      code,
      severity: spec.severity,
      rule: c.cii === true && spec.ciiRule ? spec.ciiRule : spec.rule,
      message: spec.message,
      evidence,
    });
  }
  return flags.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}

function loadFlags(
  ctx: Context,
  name: string,
  asOf: string,
  parentId: string,
  run: (ids: readonly string[]) => Promise<Row[]>,
): Promise<RiskFlag[]> {
  return ctx
    .loader<string, RiskFlag[]>(name, { asOf }, async (ids) => {
      const rows = await run(ids);
      const seesPersonalData = ctx.principal.seesPersonalData;
      const byParent = new Map(rows.map((r) => [r.parentId as string, toFlags(r.flags, seesPersonalData)]));
      return ids.map((id) => byParent.get(id) ?? []);
    })
    .load(parentId);
}

/** Flags of a vendor at `asOf`: UNREGISTERED_VENDOR, REMOTE_OPS_UNEVALUATED, ASSESSOR_NOT_INDEPENDENT, SUBCONTRACT_CHAIN_TOO_DEEP. */
export function vendorRiskFlags(ctx: Context, vendorId: string, asOf: string): Promise<RiskFlag[]> {
  const tooDeep = (ctx.config.risk.subcontractMaxTiers + 1) as 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
  return loadFlags(ctx, 'risk.vendor', asOf, vendorId, (ids) =>
    ctx.db.run(q.vendorFlags[tooDeep], { scope: ctx.principal.scope, parentIds: ids, asOf }),
  );
}

/** Flags of a person at `asOf`: UNCHECKED_PERSONNEL, ACCESS_AFTER_LEAVING. */
export function personRiskFlags(ctx: Context, personId: string, asOf: string): Promise<RiskFlag[]> {
  return loadFlags(ctx, 'risk.person', asOf, personId, (ids) =>
    ctx.db.run(q.personFlags, { scope: ctx.principal.scope, parentIds: ids, asOf }),
  );
}

/** Flags of a system at `asOf`: every code but SUBCONTRACT_CHAIN_TOO_DEEP. */
export function systemRiskFlags(ctx: Context, systemId: string, asOf: string): Promise<RiskFlag[]> {
  return loadFlags(ctx, 'risk.system', asOf, systemId, (ids) =>
    ctx.db.run(q.systemFlags, { scope: ctx.principal.scope, parentIds: ids, asOf }),
  );
}
