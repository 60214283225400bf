import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, findingsCsv } from '../../server/compliance/csv.js';
import type { ComplianceFinding } from '../../server/compliance/engine.js';

const finding: ComplianceFinding = {
  id: 'FIL-1/s1/',
  ruleId: 'FIL-1',
  severity: 'BLOCKER',
  legalBasis: '三.(一).1',
  status: 'OVERDUE',
  subjectType: 'System',
  subjectId: 's1',
  subjectName: '办公系统, "OA"\n第二行',
  systemId: 's1',
  operatorId: 'o1',
  operatorName: '阳城电力',
  divisionCode: '140522',
  sectorCode: 'ENERGY',
  facts: [{ name: 'levelDeterminedOn', value: '2025-09-26' }],
  dueOn: '2025-10-16',
  workingDaysOverdue: 2,
  calendarDaysOverdue: 4,
};

describe('compliance CSV', () => {
  it('starts with the UTF-8 BOM bytes EF BB BF', () => {
    const bytes = Buffer.from(findingsCsv([finding]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('round-trips a field with comma, quote and newline', () => {
    const rows = parse(findingsCsv([finding]), { bom: true }) as string[][];
    expect(rows[0]).toEqual(CSV_HEADERS);
    expect(rows[1]?.[6]).toBe('办公系统, "OA"\n第二行');
    expect(rows[1]?.slice(10, 13)).toEqual(['2025-10-16', '2', '4']);
  });
});
