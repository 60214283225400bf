/**
 * Compliance (合规检查): the city's rules (rules.md) as checks with deadlines in working days.
 * `complianceRules` lists the catalogue; `compliance(scope, asOf)` the findings; `upcomingDeadlines`
 * the duties due soon; `complianceExport` a short-lived CSV download link. Everything is computed
 * within the caller's jurisdiction (a scope outside it yields nothing).
 */
import { GraphQLError } from 'graphql';
import {
  type ChangeFilingRecord,
  type ChangeKind,
  fileChange,
  recordChange,
} from '../server/compliance/change-filings.js';
import {
  type ComplianceFinding,
  type ComplianceTarget,
  complianceFindings,
  type FINDING_STATUSES,
  MAX_WITHIN_DAYS,
  upcomingDeadlines,
} from '../server/compliance/engine.js';
import {
  type DivisionEvaluation,
  type Evaluation,
  evaluate,
  type OperatorEvaluation,
} from '../server/compliance/evaluation.js';
import { exportLink } from '../server/compliance/export-link.js';
import {
  advanceRectification,
  listRectification,
  type SupervisedRectificationRecord,
} from '../server/compliance/rectifications.js';
import { type RULE_SEVERITIES, RULES, type RuleDef } from '../server/compliance/rules.js';
import type { Context } from '../server/context.js';
import { DIVISION_CODES } from '../server/model.js';
import type { Keyed } from '../server/pagination.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID, enumValues, page } from './common.js';
import { asOfArg } from './concentration.js';
import { filterId } from './exposures.js';

const SeverityEnum = builder.enumType('ComplianceSeverity', {
  description: 'How serious a rule is (严重程度), as in rules.md.',
  values: enumValues<(typeof RULE_SEVERITIES)[number]>({
    BLOCKER: 'A duty with a deadline in the document or a statute (有明确时限的义务).',
    MAJOR: 'A mandatory measure without a date (强制性措施).',
    ADVISORY: 'The document says "encouraged" (鼓励).',
  }),
});

const StatusEnum = builder.enumType('ComplianceStatus', {
  description: 'Where a duty stands on asOf (状态).',
  values: enumValues<(typeof FINDING_STATUSES)[number]>({
    OVERDUE: 'Past its due date and not met (逾期).',
    UNMET: 'A duty without a date that is not met (未落实).',
    UNKNOWN:
      'The due date falls past the years the holiday calendar knows: reported as unknown, never guessed (截止日期未知).',
    PENDING: 'Not met, due date not reached yet (待办; upcoming deadlines only).',
  }),
});

const RuleRef = builder.objectRef<RuleDef>('ComplianceRule').implement({
  description: 'A rule of the city document checked by the registry (合规规则).',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Rule id (规则编号), e.g. FIL-1.' }),
    titleZh: t.exposeString('titleZh', { description: 'Title in Chinese (规则名称).' }),
    titleEn: t.exposeString('titleEn', { description: 'Title in English.' }),
    severity: t.field({
      type: SeverityEnum,
      description: 'Severity (严重程度).',
      resolve: (r) => r.severity,
    }),
    legalBasis: t.exposeString('legalBasis', {
      description: 'Section of 晋市政办〔2021〕43号 (依据), e.g. 三.(一).1, or the national source.',
    }),
    checkable: t.exposeBoolean('checkable', {
      description: 'Whether the registry checks it from its data (可检查).',
    }),
    notCheckableBecause: t.exposeString('notCheckableBecause', {
      nullable: true,
      description: 'Why it cannot be checked (不可检查原因); null when checkable.',
    }),
    checkNote: t.string({
      nullable: true,
      description:
        'What the check covers when it covers only part of the rule, or how it reads the rule (检查说明); null when the check is the rule as written.',
      resolve: (r) => r.checkNote ?? null,
    }),
  }),
});

const FactRef = builder.objectRef<{ name: string; value: string | null }>('ComplianceFact').implement({
  description: 'A fact the check used (依据事实).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the fact, e.g. levelDeterminedOn.' }),
    value: t.exposeString('value', {
      nullable: true,
      description: 'Its value as text; null = not recorded.',
    }),
  }),
});

const FindingRef = builder.objectRef<ComplianceFinding>('ComplianceFinding').implement({
  description: 'A duty not met on asOf (合规问题): who, which rule, the facts, and how late.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Stable key (ruleId/subjectId/detail) of the finding.' }),
    ruleId: t.exposeString('ruleId', { description: 'Rule id (规则编号).' }),
    severity: t.field({
      type: SeverityEnum,
      description: 'Severity (严重程度).',
      resolve: (f) => f.severity,
    }),
    status: t.field({ type: StatusEnum, description: 'Status on asOf (状态).', resolve: (f) => f.status }),
    legalBasis: t.exposeString('legalBasis', { description: 'Section of the city document (依据).' }),
    subjectType: t.exposeString('subjectType', {
      description:
        'What the finding is about (对象类型): System, Operator, Person, Finding (整改项), SupervisedRectification (挂牌督办), ChangeFiling (变更备案) or Procurement (采购).',
    }),
    subjectId: t.id({
      description: 'Global id of the subject (对象).',
      resolve: (f) => encodeGlobalID(f.subjectType, f.subjectId),
    }),
    subjectName: t.exposeString('subjectName', {
      nullable: true,
      description: "Subject's name (名称); a person's name only for police roles.",
    }),
    systemId: t.id({
      nullable: true,
      description: 'Global id of the system concerned (系统), when there is one.',
      resolve: (f) => (f.systemId ? encodeGlobalID('System', f.systemId) : null),
    }),
    operatorId: t.id({
      description: 'Global id of the operator (运营者).',
      resolve: (f) => encodeGlobalID('Operator', f.operatorId),
    }),
    operatorName: t.exposeString('operatorName', { nullable: true, description: 'Operator name (运营者).' }),
    divisionCode: t.exposeString('divisionCode', { nullable: true, description: 'Division (行政区划代码).' }),
    sectorCode: t.exposeString('sectorCode', { nullable: true, description: 'Sector (行业领域代码).' }),
    facts: t.field({ type: [FactRef], description: 'The facts used (依据事实).', resolve: (f) => f.facts }),
    dueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Due date (截止日期); null for undated duties and for UNKNOWN.',
      resolve: (f) => f.dueOn,
    }),
    workingDaysOverdue: t.exposeInt('workingDaysOverdue', {
      nullable: true,
      description:
        'Working days after the due date up to asOf (逾期工作日); null when not overdue or when a day in between is past the calendar data.',
    }),
    calendarDaysOverdue: t.exposeInt('calendarDaysOverdue', {
      nullable: true,
      description: 'Calendar days after the due date up to asOf (逾期自然日); null when not overdue.',
    }),
  }),
});

const ScopeInput = builder.inputType('ComplianceScope', {
  description:
    'What to check (检查范围): exactly one field. Intersected with your jurisdiction: outside it you get no findings.',
  fields: (t) => ({
    city: t.boolean({ description: 'The whole city (全市), i.e. all of your jurisdiction.' }),
    divisionCode: t.string({ description: 'A county/district (行政区划代码), e.g. 140522.' }),
    sectorCode: t.string({ description: 'A sector (行业领域代码), e.g. ENERGY.' }),
    operatorId: t.id({ description: 'An operator (运营者, Operator id).' }),
    systemId: t.id({ description: 'A system (等级保护对象, System id).' }),
    vendorId: t.id({
      description: 'A vendor (服务机构, Vendor id): findings on systems it serves on asOf.',
    }),
  }),
});

type ScopeArg = {
  city?: boolean | null;
  divisionCode?: string | null;
  sectorCode?: string | null;
  operatorId?: string | number | null;
  systemId?: string | number | null;
  vendorId?: string | number | null;
};

function toTarget(s: ScopeArg): ComplianceTarget {
  return {
    city: s.city ?? null,
    divisionCode: s.divisionCode ?? null,
    sectorCode: s.sectorCode ?? null,
    operatorId: filterId(s.operatorId == null ? null : String(s.operatorId), 'Operator', 'scope.operatorId'),
    systemId: filterId(s.systemId == null ? null : String(s.systemId), 'System', 'scope.systemId'),
    vendorId: filterId(s.vendorId == null ? null : String(s.vendorId), 'Vendor', 'scope.vendorId'),
  };
}

function checkRuleIds(ids: readonly string[] | null | undefined): string[] | undefined {
  if (ids == null) return undefined;
  if (ids.length > RULES.length)
    throw new GraphQLError('ruleIds: too many', { extensions: { code: 'BAD_USER_INPUT' } });
  return [...new Set(ids)].sort();
}

/** Findings → one keyset page over (ruleId, key). */
function pageOf(
  findings: ComplianceFinding[],
  afterKey: string | null,
  afterId: string | null,
  limit: number,
) {
  const rows: Keyed<ComplianceFinding>[] = [];
  for (const f of findings) {
    if (
      afterKey !== null &&
      afterId !== null &&
      (f.ruleId < afterKey || (f.ruleId === afterKey && f.id <= afterId))
    )
      continue;
    rows.push({ sortKey: f.ruleId, node: f });
    if (rows.length >= limit) break;
  }
  return rows;
}

const Connection = (name: string, description: string) =>
  ({
    name,
    description,
    fields: (c: { int: (o: { description: string; resolve: (p: unknown) => number }) => unknown }) => ({
      totalCount: c.int({
        description: 'How many (总数), over all pages.',
        resolve: (p) => (p as { all: ComplianceFinding[] }).all.length,
      }),
    }),
  }) as const;

builder.queryField('complianceRules', (t) =>
  t.field({
    type: [RuleRef],
    description: 'The rule catalogue (合规规则目录): every rule of rules.md, checkable or not (with why).',
    resolve: () => [...RULES],
  }),
);

const scopeArgs = (t: {
  arg: (o: { type: typeof ScopeInput; required: true; description: string }) => unknown;
}) =>
  t.arg({ type: ScopeInput, required: true, description: 'What to check (检查范围): exactly one field.' });

async function findingsPage(
  ctx: Context,
  args: { first?: number | null; after?: string | null },
  load: () => Promise<ComplianceFinding[]>,
) {
  const all = await load();
  const conn = await page(ctx, args, async (p) => pageOf(all, p.afterKey, p.afterId, p.limit));
  return { ...conn, all };
}

builder.queryField('compliance', (t) =>
  t.connection(
    {
      type: FindingRef,
      description:
        'Findings on asOf (合规问题): every checkable rule applied to the data in the scope, within your jurisdiction; ordered by rule id then subject. Computed from the dated facts on or before asOf.',
      args: {
        scope: scopeArgs(t) as never,
        asOf: t.arg({ type: 'Date', description: 'The date (基准日期); absent: today in Asia/Shanghai.' }),
        ruleIds: t.arg.stringList({
          description: 'Only these rules (规则编号); absent: all checkable ones.',
        }),
      },
      resolve: (_root, args, ctx) =>
        findingsPage(ctx, args, () =>
          complianceFindings(
            ctx,
            toTarget(args.scope as ScopeArg),
            asOfArg(args.asOf),
            checkRuleIds(args.ruleIds),
          ),
        ),
    },
    Connection('ComplianceFindingConnection', 'A page of compliance findings.') as never,
    { name: 'ComplianceFindingEdge', description: 'A compliance finding in a page.' },
  ),
);

builder.queryField('upcomingDeadlines', (t) =>
  t.connection(
    {
      type: FindingRef,
      description: `Duties not met whose due date is in [asOf, asOf + withinDays] (即将到期), plus those whose due date is UNKNOWN (past the calendar data). withinDays 0..${MAX_WITHIN_DAYS}.`,
      args: {
        scope: scopeArgs(t) as never,
        asOf: t.arg({ type: 'Date', description: 'The date (基准日期); absent: today in Asia/Shanghai.' }),
        withinDays: t.arg.int({
          required: true,
          description: `Calendar days ahead (天数), 0..${MAX_WITHIN_DAYS}.`,
        }),
      },
      resolve: (_root, args, ctx) =>
        findingsPage(ctx, args, () =>
          upcomingDeadlines(ctx, toTarget(args.scope as ScopeArg), asOfArg(args.asOf), args.withinDays),
        ),
    },
    Connection('UpcomingDeadlineConnection', 'A page of upcoming deadlines.') as never,
    { name: 'UpcomingDeadlineEdge', description: 'An upcoming deadline in a page.' },
  ),
);

const ExportLinkRef = builder
  .objectRef<{ url: string; expiresAt: string }>('ComplianceExportLink')
  .implement({
    description: 'A short-lived download link of the findings as CSV (导出链接).',
    fields: (t) => ({
      url: t.exposeString('url', {
        description:
          'Path of the CSV (UTF-8 with BOM) on this server, with a signed token bound to you, the scope and asOf.',
      }),
      expiresAt: t.exposeString('expiresAt', {
        description: 'When the link stops working (ISO date-time, UTC).',
      }),
    }),
  });

builder.queryField('complianceExport', (t) =>
  t.field({
    type: ExportLinkRef,
    description:
      'A download link for the findings of a scope as CSV (合规问题导出), valid for COMPLIANCE_EXPORT_LINK_SECONDS (default 300 s).',
    args: {
      scope: scopeArgs(t) as never,
      asOf: t.arg({ type: 'Date', description: 'The date (基准日期); absent: today in Asia/Shanghai.' }),
    },
    resolve: (_root, args, ctx) => {
      const target = toTarget(args.scope as ScopeArg);
      return exportLink(ctx.config, { principal: ctx.principal, target, asOf: asOfArg(args.asOf) });
    },
  }),
);

const EvalSystemRef = builder.objectRef<{ id: string; name: string }>('EvaluatedSystem').implement({
  description: 'A system counted by the yearly evaluation (参评系统).',
  fields: (t) => ({
    id: t.id({ description: 'Global id of the system.', resolve: (s) => encodeGlobalID('System', s.id) }),
    name: t.exposeString('name', { description: 'System name (系统名称).' }),
  }),
});

const share = (ok: number, all: number) => (all === 0 ? null : ok / all);

const DivisionEvaluationRef = builder.objectRef<DivisionEvaluation>('DivisionEvaluation').implement({
  description: 'A county/district in the yearly evaluation (区县考核).',
  fields: (t) => ({
    divisionCode: t.exposeString('divisionCode', { description: 'Division code (行政区划代码).' }),
    operators: t.exposeInt('operators', { description: 'Operators with systems (参评单位数).' }),
    systems: t.exposeInt('systems', { description: 'Systems not decommissioned on the date (系统总数).' }),
    compliantSystems: t.exposeInt('compliantSystems', {
      description: 'Systems without a blocker finding (无阻断性问题的系统数).',
    }),
    share: t.float({
      nullable: true,
      description: 'compliantSystems / systems (达标率), 0..1; null without systems.',
      resolve: (d) => share(d.compliantSystems, d.systems),
    }),
  }),
});

const OperatorEvaluationRef = builder.objectRef<OperatorEvaluation>('OperatorEvaluation').implement({
  description: 'An operator (unit) in the yearly evaluation (单位考核), with the lists behind its share.',
  fields: (t) => ({
    operatorId: t.id({
      description: 'Global id of the operator.',
      resolve: (o) => encodeGlobalID('Operator', o.id),
    }),
    operatorName: t.exposeString('operatorName', { description: 'Operator name (单位名称).' }),
    divisionCode: t.exposeString('divisionCode', { description: 'Division code (行政区划代码).' }),
    systems: t.exposeInt('systems', { description: 'Systems not decommissioned on the date (系统总数).' }),
    compliantSystems: t.field({
      type: [EvalSystemRef],
      description: 'Systems without a blocker finding (达标系统); at most its own systems.',
      resolve: (o) => o.compliant,
    }),
    nonCompliantSystems: t.field({
      type: [EvalSystemRef],
      description:
        'Systems with at least one blocker finding (未达标系统); see compliance(scope: {systemId}) for them.',
      resolve: (o) => o.nonCompliant,
    }),
    share: t.float({
      nullable: true,
      description: 'compliant / all systems (达标率), 0..1; null without systems.',
      resolve: (o) => share(o.compliant.length, o.systems),
    }),
  }),
});

const EvaluationRef = builder.objectRef<Evaluation>('ComplianceEvaluation');
EvaluationRef.implement({
  description:
    'The yearly evaluation of part 四.(四) (年度考核): per county/district and per operator, systems without blocker findings / all systems, on the evaluation date.',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'Evaluation date (考核基准日).', resolve: (e) => e.asOf }),
    divisions: t.field({
      type: [DivisionEvaluationRef],
      description: 'Per county/district (区县), by code; at most the divisions of Jincheng.',
      resolve: (e) => e.divisions,
    }),
    operators: t.connection(
      {
        type: OperatorEvaluationRef,
        description: 'Per operator (单位), by operator id.',
        resolve: (e, args, ctx) =>
          page(ctx, args, async (p) => {
            const rows: Keyed<OperatorEvaluation>[] = [];
            for (const o of e.operators) {
              if (p.afterId !== null && o.id <= p.afterId) continue;
              rows.push({ sortKey: '', node: o });
              if (rows.length >= p.limit) break;
            }
            return rows;
          }),
      },
      { name: 'OperatorEvaluationConnection', description: 'A page of operators in the evaluation.' },
      { name: 'OperatorEvaluationEdge', description: 'An operator in the evaluation.' },
    ),
  }),
});

builder.queryField('complianceEvaluation', (t) =>
  t.field({
    type: EvaluationRef,
    description:
      'The yearly evaluation (年度考核, 四.(四)) of `year` as of its 31 December — or of asOf when given (e.g. today for the running year) — within your jurisdiction.',
    args: {
      year: t.arg.int({ required: true, description: 'Evaluation year (考核年度), 2004..2100.' }),
      divisionCode: t.arg.string({ description: 'Only this county/district (行政区划代码).' }),
      asOf: t.arg({ type: 'Date', description: 'Evaluation date inside the year; absent: 31 December.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!Number.isInteger(args.year) || args.year < 2004 || args.year > 2100) {
        throw new GraphQLError(`year: must be from 2004 to 2100, got ${args.year}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'year' },
        });
      }
      const asOf = args.asOf == null ? `${args.year}-12-31` : asOfArg(args.asOf);
      if (!asOf.startsWith(`${args.year}-`)) {
        throw new GraphQLError(`asOf: must be in ${args.year}, got ${asOf}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
        });
      }
      const division = args.divisionCode?.trim() || null;
      if (division !== null && !(DIVISION_CODES as readonly string[]).includes(division)) {
        throw new GraphQLError(`divisionCode: "${division}" is not a division of Jincheng`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'divisionCode' },
        });
      }
      return evaluate(ctx, asOf, division);
    },
  }),
);

const SupervisedRectificationRef = builder
  .objectRef<SupervisedRectificationRecord>('SupervisedRectification')
  .implement({
    description:
      'A supervised rectification (挂牌督办, 三.(三).13): listed with a deadline, then rectifying → verified → delisted (摘牌); each stage dated.',
    fields: (t) => ({
      id: t.id({
        description: 'Global id.',
        resolve: (r) => encodeGlobalID('SupervisedRectification', r.id),
      }),
      systemId: t.id({
        description: 'The system listed (System id).',
        resolve: (r) => encodeGlobalID('System', r.systemId),
      }),
      title: t.exposeString('title', { description: 'What must be rectified (督办事项).' }),
      listedOn: t.field({ type: 'Date', description: 'Listed on (挂牌日期).', resolve: (r) => r.listedOn }),
      deadline: t.field({ type: 'Date', description: 'Deadline (整改期限).', resolve: (r) => r.deadline }),
      rectifyingOn: t.field({
        type: 'Date',
        nullable: true,
        description: 'Rectification started (开始整改).',
        resolve: (r) => r.rectifyingOn,
      }),
      verifiedOn: t.field({
        type: 'Date',
        nullable: true,
        description: 'Rectification verified (整改验收).',
        resolve: (r) => r.verifiedOn,
      }),
      delistedOn: t.field({
        type: 'Date',
        nullable: true,
        description: 'Delisted (摘牌); RCT-2 is met from this day on.',
        resolve: (r) => r.delistedOn,
      }),
    }),
  });

const ListRectificationInput = builder.inputType('ListSupervisedRectificationInput', {
  description: 'A system listed for supervised rectification (挂牌督办).',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system (System id).' }),
    title: t.string({
      required: true,
      description: 'What must be rectified (督办事项), at most 200 characters.',
    }),
    listedOn: t.field({ type: 'Date', required: true, description: 'Listed on (挂牌日期).' }),
    deadline: t.field({
      type: 'Date',
      required: true,
      description: 'Deadline (整改期限), not before listedOn.',
    }),
  }),
});

const AdvanceRectificationInput = builder.inputType('AdvanceSupervisedRectificationInput', {
  description: 'Stage dates of a supervised rectification; absent ones stay. Stages never go back in time.',
  fields: (t) => ({
    rectifyingOn: t.field({ type: 'Date', description: 'Rectification started (开始整改).' }),
    verifiedOn: t.field({ type: 'Date', description: 'Rectification verified (整改验收).' }),
    delistedOn: t.field({ type: 'Date', description: 'Delisted (摘牌).' }),
  }),
});

builder.mutationFields((t) => ({
  listSupervisedRectification: t.field({
    type: SupervisedRectificationRef,
    description: 'Lists a system for supervised rectification (挂牌督办) with a deadline (RCT-2).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ListRectificationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      listRectification(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  advanceSupervisedRectification: t.field({
    type: SupervisedRectificationRef,
    description:
      'Records the next stages of a supervised rectification (督办进展): rectifying, verified, delisted.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The rectification (SupervisedRectification id).' }),
      input: t.arg({ type: AdvanceRectificationInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) =>
      advanceRectification(ctx, decodeId(id, 'SupervisedRectification'), input),
  }),
}));

const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: 'What changed (变更类型), needing a filing within 10 working days (FIL-2).',
  values: enumValues<ChangeKind>({
    LEVEL_CHANGE: 'The protection level changed (等级变更): change filing (变更备案).',
    CANCELLATION: 'The system was withdrawn (网络撤销): cancellation filing (撤销备案).',
  }),
});

const ChangeFilingRef = builder.objectRef<ChangeFilingRecord>('ChangeFiling').implement({
  description: 'A level change or cancellation of a system and its filing with the police (变更/撤销备案).',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (c) => encodeGlobalID('ChangeFiling', c.id) }),
    systemId: t.id({
      description: 'The system (System id).',
      resolve: (c) => encodeGlobalID('System', c.systemId),
    }),
    kind: t.field({ type: ChangeKindEnum, description: 'What changed (变更类型).', resolve: (c) => c.kind }),
    changedOn: t.field({
      type: 'Date',
      description: 'Date of the change (变更日期).',
      resolve: (c) => c.changedOn,
    }),
    fromLevel: t.exposeInt('fromLevel', {
      nullable: true,
      description:
        'Protection level before the change (变更前等级), LEVEL_CHANGE only; null = not known. The compliance rules read the level on a past date from it.',
    }),
    toLevel: t.exposeInt('toLevel', {
      nullable: true,
      description: 'New protection level (变更后等级), LEVEL_CHANGE only.',
    }),
    filedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Filed with the police (备案日期); null = not yet.',
      resolve: (c) => c.filedOn,
    }),
  }),
});

const RecordChangeInput = builder.inputType('RecordChangeFilingInput', {
  description:
    'A level change or cancellation to be filed (变更/撤销备案). The system’s current level is changed with updateSystem; this keeps the dated history that FIL-2 checks.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system (System id).' }),
    kind: t.field({ type: ChangeKindEnum, required: true, description: 'What changed (变更类型).' }),
    changedOn: t.field({ type: 'Date', required: true, description: 'Date of the change (变更日期).' }),
    fromLevel: t.int({
      description:
        'Level 1–5 before the change (变更前等级), LEVEL_CHANGE only. Absent: the system’s recorded level, unless that already is toLevel (then unknown). Makes the level on earlier dates known to the compliance rules.',
    }),
    toLevel: t.int({
      description: 'New level 1–5 (变更后等级): required for LEVEL_CHANGE, absent for CANCELLATION.',
    }),
    filedOn: t.field({
      type: 'Date',
      description: 'Filed on (备案日期), when already filed; not before changedOn.',
    }),
  }),
});

builder.mutationFields((t) => ({
  recordChangeFiling: t.field({
    type: ChangeFilingRef,
    description: 'Records a level change or cancellation of a system (登记等级变更/网络撤销), FIL-2.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordChangeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordChange(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  fileChangeFiling: t.field({
    type: ChangeFilingRef,
    description: 'Records that a change/cancellation was filed with the police (办理变更/撤销备案).',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The change (ChangeFiling id).' }),
      filedOn: t.arg({
        type: 'Date',
        required: true,
        description: 'Filed on (备案日期), not before the change.',
      }),
    },
    resolve: (_root, { id, filedOn }, ctx) => fileChange(ctx, decodeId(id, 'ChangeFiling'), filedOn),
  }),
}));
