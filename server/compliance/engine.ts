/**
 * Compliance findings (合规问题) as of a date: each checkable rule's statement returns the facts per
 * subject (scope predicate in Cypher: the caller's jurisdiction AND the requested target), and this
 * module turns facts into obligations with due dates (working-day arithmetic stays here, in TS).
 *
 * Memory: all fact rows of one request are read (each rule statement is capped at
 * COMPLIANCE_MAX_ROWS_PER_RULE rows; reaching the cap is an error, never a silent truncation), then
 * sorted and paged in memory. The demo city (~300 systems) yields a few hundred rows.
 */
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { compliance as q } from '../cypher.generated.js';
import type { Row } from '../neo4j.js';
import type { Scope } from '../principal.js';
import type { ComplianceConfig } from './config.js';
import { dateInChina } from './incidents.js';
import { RULES_BY_ID, type RuleSeverity } from './rules.js';
import {
  addCalendarDays,
  addWorkingDays,
  addYears,
  calendarDaysBetween,
  workingDaysBetween,
} from './working-days.js';

/** One of the scopes a compliance question is asked about (exactly one is set). */
export interface ComplianceTarget {
  city?: boolean | null;
  divisionCode?: string | null;
  sectorCode?: string | null;
  operatorId?: string | null;
  systemId?: string | null;
  vendorId?: string | null;
}

export const FINDING_STATUSES = ['OVERDUE', 'UNMET', 'UNKNOWN', 'PENDING'] as const;
/** OVERDUE: dated duty past its due date; UNMET: undated duty not met; UNKNOWN: due date past the calendar data; PENDING: due date not reached (upcoming deadlines only). */
export type ComplianceStatus = (typeof FINDING_STATUSES)[number];

export interface Fact {
  name: string;
  value: string | null;
}

export interface ComplianceFinding {
  /** Stable key: ruleId/subjectId/detail. */
  id: string;
  ruleId: string;
  severity: RuleSeverity;
  legalBasis: string;
  status: ComplianceStatus;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  systemId: string | null;
  operatorId: string;
  operatorName: string | null;
  divisionCode: string | null;
  sectorCode: string | null;
  facts: Fact[];
  dueOn: string | null;
  workingDaysOverdue: number | null;
  calendarDaysOverdue: number | null;
}

/** What a rule makes of one row of facts: met, or a due date (null = unknown) or an undated duty. */
type Verdict =
  | { met: true }
  | { met: false; dated: true; dueOn: string | null }
  | { met: false; dated: false };

interface RuleCheck {
  statement: (typeof q)[Exclude<keyof typeof q, 'evaluationSystems'>];
  /** Distinguishes several rows of one subject (a service, an operator). */
  detail?: (facts: Record<string, unknown>, row: Row) => string;
  judge: (facts: Record<string, unknown>, cfg: ComplianceConfig) => Verdict;
}

/** FIL-3: the police issue the filing certificate (备案证明) within 10 working days of acceptance (fixed by the document). */
export const FILING_CERTIFICATE_WORKING_DAYS = 10;

const undated = (): Verdict => ({ met: false, dated: false });

/** Rules whose inputs came with compliance inputs part 2 (FIL-3, ASM-4/5/6, CII-1, CII-6). */
const INPUT_CHECKS_2: Record<string, RuleCheck> = {
  'FIL-3': {
    statement: q.fil3,
    judge: (f) =>
      f.filingCertificateIssuedOn != null
        ? { met: true }
        : due(addWorkingDays(String(f.filingAcceptedOn), FILING_CERTIFICATE_WORKING_DAYS)),
  },
  'ASM-4': { statement: q.asm4, judge: undated },
  'ASM-5': { statement: q.asm5, judge: undated },
  'ASM-6': {
    statement: q.asm6,
    // One finding per problem: the assessment's own problems by name, a person's or vendor's by assessment.
    detail: (f, row) => (row.subjectType === 'Assessment' ? String(f.problem) : String(f.assessmentId)),
    judge: undated,
  },
  'CII-1': { statement: q.cii1, detail: (_f, row) => String(row.operatorId), judge: undated },
  'CII-6': { statement: q.cii6, judge: undated },
};

const str = (v: unknown): string | null => (v == null ? null : String(v));
const due = (dueOn: string | null): Verdict => ({ met: false, dated: true, dueOn });
const min = (a: string, b: string) => (a < b ? a : b);

export const RULE_CHECKS: Record<string, RuleCheck> = {
  'GRD-1': {
    statement: q.grd1,
    judge: (f) => (f.protectionLevel == null ? { met: false, dated: false } : { met: true }),
  },
  'GRD-2': {
    statement: q.grd2,
    judge: (f) => due(String(f.filedOn)),
  },
  'GRD-3': {
    statement: q.grd3,
    judge: (f) => due(String(f.filedOn)),
  },
  'FIL-1': {
    statement: q.fil1,
    judge: (f, cfg) =>
      f.filedOn != null
        ? { met: true }
        : due(addWorkingDays(String(f.levelDeterminedOn), cfg.filingWorkingDays)),
  },
  'FIL-2': {
    statement: q.fil2,
    judge: (f, cfg) =>
      f.filedOn != null ? { met: true } : due(addWorkingDays(String(f.changedOn), cfg.filingWorkingDays)),
  },
  'ASM-1': {
    statement: q.asm1,
    judge: (f) => due(addYears(String(f.lastAssessedOn ?? f.liveOn), 1)),
  },
  'ASM-2': {
    statement: q.asm2,
    judge: (f) => (f.passedAssessmentOn != null ? { met: true } : due(String(f.liveOn))),
  },
  'ASM-3': {
    statement: q.asm3,
    judge: (f) => due(addYears(String(f.lastAssessedOn ?? f.liveOn), 2)),
  },
  'CRY-1': {
    statement: q.cry1,
    judge: (f, cfg) => due(addYears(String(f.lastCryptoAssessedOn ?? f.liveOn), cfg.cryptoIntervalYears)),
  },
  'CII-2': {
    statement: q.cii2,
    judge: () => ({ met: false, dated: false }),
  },
  'CII-3': {
    statement: q.cii3,
    detail: (_f, row) => String(row.operatorId),
    judge: () => ({ met: false, dated: false }),
  },
  'CII-4': {
    statement: q.cii4,
    judge: (f, cfg) =>
      due(
        min(
          addYears(String(f.lastAssessedOn ?? f.ciiSince), 1),
          addYears(String(f.lastCiiAssessedOn ?? f.ciiSince), cfg.ciiSecurityIntervalYears),
        ),
      ),
  },
  'CII-7': {
    statement: q.cii7,
    judge: (f) => (f.kind === 'STORED_ABROAD' ? { met: false, dated: false } : due(String(f.startedOn))),
  },
  'CII-8': {
    statement: q.cii8,
    judge: (f) => due(String(f.purchasedOn)),
  },
  'INC-1': {
    statement: q.inc1,
    judge: (f, cfg) => {
      const major = f.severity === 'MAJOR' || f.severity === 'ESPECIALLY_MAJOR';
      const hours = f.cii === true && major ? cfg.ciiMajorIncidentReportHours : cfg.incidentReportHours;
      const deadline = Date.parse(String(f.discoveredAt)) + hours * 3_600_000;
      if (f.reportedAt != null && Date.parse(String(f.reportedAt)) <= deadline) return { met: true };
      return due(dateInChina(deadline));
    },
  },
  'DRL-1': {
    statement: q.drl1,
    judge: (f, cfg) => due(addYears(String(f.lastDrillOn ?? f.dutySince), cfg.drillIntervalYears)),
  },
  'RCT-1': {
    statement: q.rct1,
    judge: (f) => due(String(f.dueOn)),
  },
  'RCT-2': {
    statement: q.rct2,
    judge: (f) => due(String(f.deadline)),
  },
  'SUP-2': {
    statement: q.sup2,
    detail: (f) => String(f.service),
    judge: () => ({ met: false, dated: false }),
  },
  ...INPUT_CHECKS_2,
  'SUP-1': {
    statement: q.sup1,
    detail: (_f, row) => String(row.systemId),
    judge: () => ({ met: false, dated: false }),
  },
  'SUP-3': {
    statement: q.sup3,
    detail: (_f, row) => String(row.systemId),
    judge: () => ({ met: false, dated: false }),
  },
  'SUP-4': {
    statement: q.sup4,
    detail: (f) => String(f.productId),
    judge: () => ({ met: false, dated: false }),
  },
  'CII-5': {
    statement: q.cii5,
    judge: () => ({ met: false, dated: false }),
  },
  'CII-9': {
    statement: q.cii9,
    detail: (f, row) => [f.aspect, row.systemId, f.service].filter((x) => x != null).join(':'),
    judge: () => ({ met: false, dated: false }),
  },
  'MON-1': {
    statement: q.mon1,
    detail: (_f, row) => String(row.systemId),
    // Registered on or before the day monitoring started (报备在先); otherwise due that day.
    judge: (f) => due(String(f.monitoringSince)),
  },
  'MON-2': {
    statement: q.mon2,
    detail: (f) => (f.egressId == null ? 'no-egress' : String(f.egressId)),
    judge: () => ({ met: false, dated: false }),
  },
  'INS-1': {
    statement: q.ins1,
    judge: (f, cfg) =>
      due(addYears(String(f.lastSelfInspectionOn ?? f.liveOn), cfg.selfInspectionIntervalYears)),
  },
};

export const CHECKED_RULE_IDS = Object.keys(RULE_CHECKS).sort();

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** The `$target` parameter; exactly one scope field must be set (the error names the fields). */
export function targetParam(target: ComplianceTarget): Record<string, string | null> {
  const set = (['city', 'divisionCode', 'sectorCode', 'operatorId', 'systemId', 'vendorId'] as const).filter(
    (k) => target[k] != null && target[k] !== false,
  );
  if (set.length !== 1) {
    throw badArg(
      'scope',
      set.length === 0
        ? 'set exactly one of city, divisionCode, sectorCode, operatorId, systemId, vendorId; none is set'
        : `set exactly one of city, divisionCode, sectorCode, operatorId, systemId, vendorId; ${set.join(', ')} are set`,
    );
  }
  return {
    divisionCode: target.divisionCode?.trim() || null,
    sectorCode: target.sectorCode?.trim().toUpperCase() || null,
    operatorId: target.operatorId ?? null,
    systemId: target.systemId ?? null,
    vendorId: target.vendorId ?? null,
  };
}

/** Every obligation of the checked rules in the scope at asOf, not met, as findings with a status relative to asOf. */
export async function obligations(
  ctx: Pick<Context, 'db' | 'config'> & { principal: { scope: Scope; seesPersonalData: boolean } },
  target: ComplianceTarget,
  asOf: string,
  ruleIds: readonly string[] = CHECKED_RULE_IDS,
): Promise<ComplianceFinding[]> {
  const targetValue = targetParam(target);
  const cfg = ctx.config.compliance;
  const unknown = ruleIds.filter((id) => !RULE_CHECKS[id]);
  if (unknown.length > 0) throw badArg('ruleIds', `not checkable rule ids: ${unknown.join(', ')}`);
  const out: ComplianceFinding[] = [];
  for (const ruleId of ruleIds) {
    const check = RULE_CHECKS[ruleId] as RuleCheck;
    const def = RULES_BY_ID.get(ruleId);
    if (!def) continue;
    const rows = await ctx.db.run(check.statement, {
      scope: ctx.principal.scope,
      target: targetValue,
      asOf,
      limit: cfg.maxRowsPerRule,
    });
    if (rows.length >= cfg.maxRowsPerRule) {
      throw new GraphQLError(
        `${ruleId}: more than ${cfg.maxRowsPerRule - 1} subjects in this scope; ask about a smaller scope or raise COMPLIANCE_MAX_ROWS_PER_RULE`,
        { extensions: { code: 'SCOPE_TOO_LARGE' } },
      );
    }
    for (const row of rows) {
      const facts = (row.facts ?? {}) as Record<string, unknown>;
      const verdict = check.judge(facts, cfg);
      if (verdict.met) continue;
      const subjectId = String(row.subjectId);
      const personal = row.subjectType === 'Person';
      const finding: ComplianceFinding = {
        id: [ruleId, subjectId, check.detail?.(facts, row) ?? ''].join('/'),
        ruleId,
        severity: def.severity,
        legalBasis: def.legalBasis,
        status: 'UNMET',
        subjectType: String(row.subjectType),
        subjectId,
        subjectName: personal && !ctx.principal.seesPersonalData ? null : str(row.subjectName),
        systemId: str(row.systemId),
        operatorId: String(row.operatorId),
        operatorName: str(row.operatorName),
        divisionCode: str(row.divisionCode),
        sectorCode: str(row.sectorCode),
        facts: Object.keys(facts)
          .sort()
          .map((name) => ({ name, value: str(facts[name]) })),
        dueOn: null,
        workingDaysOverdue: null,
        calendarDaysOverdue: null,
      };
      if (verdict.dated) {
        finding.dueOn = verdict.dueOn;
        if (verdict.dueOn === null) finding.status = 'UNKNOWN';
        else if (verdict.dueOn < asOf) {
          finding.status = 'OVERDUE';
          finding.calendarDaysOverdue = calendarDaysBetween(verdict.dueOn, asOf);
          finding.workingDaysOverdue = workingDaysBetween(verdict.dueOn, asOf);
        } else finding.status = 'PENDING';
      }
      out.push(finding);
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Findings at asOf: obligations OVERDUE, UNMET or UNKNOWN (an unknown due date is reported, never guessed). */
export async function complianceFindings(
  ...args: Parameters<typeof obligations>
): Promise<ComplianceFinding[]> {
  return (await obligations(...args)).filter((f) => f.status !== 'PENDING');
}

export const MAX_WITHIN_DAYS = 366;

/** Obligations due in [asOf, asOf + withinDays] and not met, plus those whose due date is UNKNOWN. */
export async function upcomingDeadlines(
  ctx: Parameters<typeof obligations>[0],
  target: ComplianceTarget,
  asOf: string,
  withinDays: number,
): Promise<ComplianceFinding[]> {
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
    throw badArg('withinDays', `must be an integer from 0 to ${MAX_WITHIN_DAYS}, got ${withinDays}`);
  }
  const end = addCalendarDays(asOf, withinDays);
  return (await obligations(ctx, target, asOf)).filter(
    (f) => f.status === 'UNKNOWN' || (f.status === 'PENDING' && f.dueOn !== null && f.dueOn <= end),
  );
}
