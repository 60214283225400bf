/**
 * The audit trail (审计记录) for AUDITOR: `auditRecords` (newest first, keyset by seq) and
 * `auditChainStatus` (hash-chain verification). Only a principal with `canReadAudit` may call them;
 * everyone else gets FORBIDDEN. Records are read from the monthly files of server/audit.ts.
 */
import { GraphQLError } from 'graphql';
import {
  AUDIT_OUTCOMES,
  type AuditChainBreak,
  type AuditChainStatus,
  type AuditOutcome,
  type AuditRecord,
  auditLog,
} from '../server/audit.js';
import type { Context } from '../server/context.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder } from './builder.js';
import { page } from './common.js';

type AuditRecordView = AuditRecord & { id: string };

function requireAuditor(ctx: Context): void {
  if (!ctx.principal.canReadAudit) {
    throw new GraphQLError(`role ${ctx.principal.role} may not read the audit trail (AUDITOR only)`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}

/** First instant of a China Standard Time day (UTC+8, no daylight saving). */
function dayStart(date: string, argument: string): number {
  const checked = normalizeIsoDate(date);
  if (!checked.ok) {
    throw new GraphQLError(`${argument}: ${checked.message}`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return Date.parse(`${checked.value}T00:00:00+08:00`);
}

const OUTCOME_DESCRIPTIONS: Record<AuditOutcome, string> = {
  ok: 'Answered without errors (成功).',
  error: 'Executed, with errors in the answer (执行出错).',
  rejected:
    'Refused before execution (拒绝): malformed or invalid document, a request limit, a forbidden mutation, or the audit trail unavailable.',
  unauthenticated: 'No valid bearer token (未认证, HTTP 401).',
  pending:
    'Written by a mutation before it runs (待定); the record of the same requestId with the final outcome follows it.',
};

const AuditOutcomeEnum = builder.enumType('AuditOutcome', {
  description: 'How a request ended (处理结果).',
  values: Object.fromEntries(
    AUDIT_OUTCOMES.map((o) => [o.toUpperCase(), { value: o, description: OUTCOME_DESCRIPTIONS[o] }]),
  ) as Record<Uppercase<AuditOutcome>, { value: AuditOutcome; description: string }>,
});

const AuditOperationTypeEnum = builder.enumType('AuditOperationType', {
  description: 'Kind of GraphQL operation (操作类型).',
  values: {
    QUERY: { value: 'query', description: 'A read (查询).' },
    MUTATION: { value: 'mutation', description: 'A change (变更).' },
    SUBSCRIPTION: { value: 'subscription', description: 'A subscription (订阅); none exist today.' },
  } as const,
});

const AuditReturnedRef = builder.objectRef<AuditRecord['returned']>('AuditReturned').implement({
  description: 'What a request returned (返回对象).',
  fields: (t) => ({
    objects: t.exposeInt('objects', {
      description: 'Distinct objects with an id in the answer (返回对象数).',
    }),
    persons: t.exposeStringList('persons', {
      description:
        'Global ids of the persons (人员) whose data was in the answer (返回的个人信息主体), sorted.',
    }),
  }),
});

const AuditRecordRef = builder.objectRef<AuditRecordView>('AuditRecord').implement({
  description:
    'One request to the registry (审计记录): who, what, what came back, how it ended. Personal data in the variables is replaced by "[REDACTED]".',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Position in the audit chain (序号), from 1, without gaps.' }),
    at: t.exposeString('at', { description: 'When the request arrived (请求时间), ISO 8601 in UTC.' }),
    requestId: t.exposeString('requestId', {
      description:
        'Request id (请求标识), also sent back as the `x-request-id` response header; a mutation has two records with it.',
    }),
    subject: t.exposeString('subject', {
      nullable: true,
      description: 'Who (操作人): the token subject; null when not authenticated.',
    }),
    role: t.exposeString('role', { nullable: true, description: 'Role of the caller (角色).' }),
    jurisdiction: t.exposeString('jurisdiction', {
      nullable: true,
      description: 'Jurisdiction of the caller (管辖范围), e.g. `city`, `division:140522`.',
    }),
    operationName: t.exposeString('operationName', {
      nullable: true,
      description: 'Operation name (操作名称) given by the client; null when anonymous.',
    }),
    operationType: t.field({
      type: AuditOperationTypeEnum,
      nullable: true,
      description: 'Query or mutation (操作类型); null when the document could not be read.',
      resolve: (r) => r.operationType,
    }),
    documentHash: t.exposeString('documentHash', {
      nullable: true,
      description:
        'SHA-256 of the GraphQL document (文档摘要), hex; resident-ID-shaped literals are replaced by "[REDACTED]" before hashing.',
    }),
    variables: t.string({
      description: 'The variables as JSON (请求变量), personal data redacted (脱敏).',
      resolve: (r) => JSON.stringify(r.variables ?? null),
    }),
    returned: t.field({
      type: AuditReturnedRef,
      description: 'What came back (返回对象): counts and persons.',
      resolve: (r) => r.returned,
    }),
    outcome: t.field({
      type: AuditOutcomeEnum,
      description: 'How the request ended (处理结果).',
      resolve: (r) => r.outcome,
    }),
    errorCodes: t.exposeStringList('errorCodes', {
      description: 'Distinct error codes of the answer (错误代码), e.g. FORBIDDEN, BAD_USER_INPUT.',
    }),
    durationMs: t.exposeFloat('durationMs', {
      nullable: true,
      description: 'Time from arrival to answer (耗时), milliseconds.',
    }),
    httpStatus: t.exposeInt('httpStatus', {
      nullable: true,
      description: 'HTTP status of the answer (HTTP 状态码); null on a pending record.',
    }),
    prevHash: t.exposeString('prevHash', {
      description: 'Hash of the record before it (前一条摘要): the link of the chain.',
    }),
    hash: t.exposeString('hash', {
      description: 'SHA-256 of prevHash and this record (本条摘要); any change breaks the chain.',
    }),
  }),
});

const AuditChainBreakRef = builder.objectRef<AuditChainBreak>('AuditChainBreak').implement({
  description: 'Where the audit chain first breaks (断链位置).',
  fields: (t) => ({
    file: t.exposeString('file', { description: 'Monthly audit file (审计文件) holding the record.' }),
    line: t.exposeInt('line', {
      description: 'Line in that file, from 1 (行号); 0 when records are missing after the last line.',
    }),
    index: t.exposeInt('index', { description: 'Records before it that verified (已校验条数).' }),
    seq: t.exposeInt('seq', { nullable: true, description: 'The seq the broken record claims (序号).' }),
    reason: t.exposeString('reason', { description: 'What does not match (原因).' }),
  }),
});

const AuditChainStatusRef = builder.objectRef<AuditChainStatus>('AuditChainStatus').implement({
  description: 'Result of verifying the audit hash chain (审计链校验): tampering shows as a break.',
  fields: (t) => ({
    valid: t.exposeBoolean('valid', {
      description: 'True when every record links to the one before it (完整).',
    }),
    records: t.exposeInt('records', { description: 'Records verified (已校验条数).' }),
    firstBrokenAt: t.field({
      type: AuditChainBreakRef,
      nullable: true,
      description: 'The first broken record (首个断链位置); null when valid.',
      resolve: (s) => s.firstBrokenAt,
    }),
  }),
});

const AuditRecordFilterInput = builder.inputType('AuditRecordFilter', {
  description: 'Filters for audit records (审计记录筛选); all given ones must hold.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'Requests from this day on (起始日期, 北京时间).' }),
    to: t.field({ type: 'Date', description: 'Requests up to this day, inclusive (终止日期, 北京时间).' }),
    subject: t.string({ description: 'Token subject (操作人), exact.' }),
    role: t.string({ description: 'Role (角色), exact, e.g. REGISTRAR.' }),
    operationName: t.string({ description: 'Operation name (操作名称), exact.' }),
    outcome: t.field({ type: AuditOutcomeEnum, description: 'Outcome (处理结果).' }),
  }),
});

builder.queryFields((t) => ({
  auditRecords: t.connection(
    {
      type: AuditRecordRef,
      description:
        'The audit trail (审计记录), newest first. AUDITOR only. Scans the monthly files of the date range.',
      args: { filter: t.arg({ type: AuditRecordFilterInput }) },
      resolve: async (_root, args, ctx) => {
        requireAuditor(ctx);
        const f = args.filter ?? {};
        const fromMs = f.from ? dayStart(f.from, 'filter.from') : null;
        const toMs = f.to ? dayStart(f.to, 'filter.to') + 86_400_000 - 1 : null;
        return page(ctx, args, async (p) => {
          const before = p.afterKey === null ? null : Number(p.afterKey);
          if (before !== null && !Number.isInteger(before)) {
            throw new GraphQLError('after: not a cursor returned by auditRecords', {
              extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
            });
          }
          const records = await auditLog(ctx.config.audit.directory).list(
            {
              fromMs,
              toMs,
              subject: f.subject ?? null,
              role: f.role ?? null,
              operationName: f.operationName ?? null,
              outcome: f.outcome ?? null,
            },
            before,
            p.limit,
          );
          return records.map((r) => ({ sortKey: String(r.seq), node: { ...r, id: String(r.seq) } }));
        });
      },
    },
    { name: 'AuditRecordConnection', description: 'A page of audit records (审计记录分页), newest first.' },
    { name: 'AuditRecordEdge', description: 'An audit record in a page (审计记录条目).' },
  ),
  auditChainStatus: t.field({
    type: AuditChainStatusRef,
    description:
      'Verifies the whole audit hash chain (审计链校验): an edited, deleted or reordered record shows as a break. AUDITOR only.',
    resolve: (_root, _args, ctx) => {
      requireAuditor(ctx);
      return auditLog(ctx.config.audit.directory).status();
    },
  }),
}));
