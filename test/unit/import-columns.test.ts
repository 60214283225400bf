/** Import templates and header matching: the shipped templates agree with the column tables. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  fieldOfHeader,
  headerIndex,
  INVENTORY_ENTITIES,
} from '../../server/import/inventory/columns.js';
import { parseDate, parseLevel, ROW_VALIDATORS } from '../../server/import/inventory/rows.js';

const template = (entity: string) =>
  parse(readFileSync(new URL(`../../templates/${entity}.csv`, import.meta.url)), { bom: true }) as string[][];

describe('import templates', () => {
  it.each(INVENTORY_ENTITIES)('%s: Chinese header row in table order, example row valid', (entity) => {
    const [header, example] = template(entity);
    expect(header).toEqual(COLUMNS[entity].map((c) => c.headers[0]));
    const index = headerIndex(entity);
    const cells = Object.fromEntries(
      (header as string[]).map((h, i) => [
        fieldOfHeader(index, h) as string,
        (example as string[])[i] as string,
      ]),
    );
    const result = ROW_VALIDATORS[entity](cells, new Set(Object.keys(cells)), {
      residentIdKey: 'k'.repeat(16),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('documents every column in templates/README.md', () => {
    const readme = readFileSync(new URL('../../templates/README.md', import.meta.url), 'utf8');
    for (const entity of INVENTORY_ENTITIES) {
      for (const c of COLUMNS[entity]) expect(readme, `${entity}.${c.field}`).toContain(`\`${c.field}\``);
    }
  });
});

describe('header matching', () => {
  const operators = headerIndex('operators');
  const systems = headerIndex('systems');
  it.each([
    [operators, ' 统一社会信用代码 ', 'uscc'],
    [operators, '*单位名称', 'name'],
    [operators, 'ＵＳＣＣ', 'uscc'],
    [operators, 'Contact Phone', 'contactPhone'],
    [operators, 'divisionCode', 'divisionCode'],
    [operators, '行业代码（大写）', 'sectorCode'],
    [systems, '安全保护等级(1-5)', 'protectionLevel'],
    [systems, '备案证明编号', 'filingNumber'],
    [systems, '统一社会信用代码', 'operatorUscc'],
  ])('%#: "%s" → %s', (index, header, field) => {
    expect(fieldOfHeader(index, header)).toBe(field);
  });

  it('unknown headers match nothing', () => {
    expect(fieldOfHeader(operators, '备案编号')).toBeNull();
    expect(fieldOfHeader(operators, '')).toBeNull();
  });
});

describe('spreadsheet spellings', () => {
  it.each([
    ['3', 3],
    ['三级', 3],
    ['第五级', 5],
    ['一', 1],
    ['３级', 3],
  ])('level "%s" → %d', (text, level) => expect(parseLevel(text)).toBe(level));

  it('an unreadable level is NaN', () => expect(parseLevel('高')).toBeNaN());

  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.12.31', '2024-12-31'],
    ['2024年1月5日', '2024-01-05'],
    ['5/1/2024', '5/1/2024'],
  ])('date "%s" → "%s"', (text, iso) => expect(parseDate(text)).toBe(iso));
});
