/**
 * CSV of compliance findings: UTF-8 with a byte-order mark so spreadsheet software in Chinese locales
 * reads it as UTF-8; one header row, each header Chinese with the English in parentheses. Quoting by
 * csv-stringify (RFC 4180).
 */
import { stringify } from 'csv-stringify/sync';
import type { ComplianceFinding } from './engine.js';
import { RULES_BY_ID } from './rules.js';

export const BOM = '\uFEFF';

const COLUMNS: [string, (f: ComplianceFinding) => string | number | null][] = [
  ['规则编号 (Rule)', (f) => f.ruleId],
  ['规则 (Rule title)', (f) => RULES_BY_ID.get(f.ruleId)?.titleZh ?? ''],
  ['严重程度 (Severity)', (f) => f.severity],
  ['状态 (Status)', (f) => f.status],
  ['对象类型 (Subject type)', (f) => f.subjectType],
  ['对象编号 (Subject id)', (f) => f.subjectId],
  ['对象名称 (Subject name)', (f) => f.subjectName],
  ['运营者 (Operator)', (f) => f.operatorName],
  ['行政区划 (Division)', (f) => f.divisionCode],
  ['行业 (Sector)', (f) => f.sectorCode],
  ['截止日期 (Due date)', (f) => f.dueOn ?? (f.status === 'UNKNOWN' ? 'UNKNOWN' : '')],
  ['逾期工作日 (Working days overdue)', (f) => f.workingDaysOverdue],
  ['逾期自然日 (Calendar days overdue)', (f) => f.calendarDaysOverdue],
  ['依据 (Legal basis)', (f) => f.legalBasis],
  ['事实 (Facts)', (f) => f.facts.map((x) => `${x.name}=${x.value ?? ''}`).join('; ')],
];

export const CSV_HEADERS = COLUMNS.map(([h]) => h);

/** The whole CSV text, BOM first, CRLF line ends. */
export function findingsCsv(findings: readonly ComplianceFinding[]): string {
  return (
    BOM +
    stringify([CSV_HEADERS, ...findings.map((f) => COLUMNS.map(([, get]) => get(f) ?? ''))], {
      record_delimiter: 'windows',
    })
  );
}
