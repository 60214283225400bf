/**
 * Inventory import on real files (test/fixtures/import): Chinese and English headers, GBK, JSON
 * Lines, every kind of bad row, re-import, jurisdiction, a 20k-row file across batch boundaries.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../server/auth.js';
import { createContext } from '../../server/context.js';
import type { InventoryEntity } from '../../server/import/inventory/columns.js';
import { importInventory } from '../../server/import/inventory/run.js';
import { writeOperatorsCsv } from '../../server/import/inventory/synthetic.js';
import { hashResidentId } from '../../server/validation/identifiers.js';
import { testApp, testDb } from '../support/harness.js';

const fixtures = new URL('../fixtures/import/', import.meta.url).pathname;
const run = promisify(execFile);

function ctxFor(division?: string) {
  const { db, config } = testDb();
  return createContext(
    db,
    config,
    principalFromClaims({ sub: 'import-test', role: 'REGISTRAR', ...(division ? { division } : {}) }),
  );
}

function importFile(
  entity: InventoryEntity,
  file: string,
  extra: { onlyGoodRows?: boolean; division?: string } = {},
) {
  return importInventory(ctxFor(extra.division), {
    entity,
    input: { path: join(fixtures, file) },
    fileName: file,
    format: file.endsWith('.jsonl') ? 'jsonl' : 'csv',
    onlyGoodRows: extra.onlyGoodRows,
  });
}

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const result = await testDb().db.driver.executeQuery(cypher, params, {
    database: testDb().config.neo4j.database,
  });
  return result.records.map((r) => r.toObject());
}

const total = async (label: string) =>
  Number((await query(`MATCH (n:${label}) RETURN count(n) AS n`))[0]?.n ?? 0);

describe('inventory import', () => {
  beforeAll(async () => {
    await query("CREATE (:Sector {id: 's-water', code: 'WATER', name: '水利', nameEn: 'Water'})");
  });

  it('imports operators from a file with Chinese headers and a BOM', async () => {
    const report = await importFile('operators', 'operators-zh.csv');
    expect(report).toMatchObject({
      rows: 3,
      goodRows: 3,
      badRowCount: 0,
      created: 3,
      updated: 0,
      unchanged: 0,
      wasWritten: true,
    });
    const rows = await query(
      'MATCH (o:Operator) RETURN o.uscc AS uscc, o.name AS name, o.divisionCode AS division, o.inDevelopmentZone AS zone, o.contactPhone AS phone, o.id IS NOT NULL AS hasId ORDER BY uscc',
    );
    expect(rows).toEqual([
      {
        uscc: '91140502MA0K00001Q',
        name: '晋城市城区供水公司',
        division: '140502',
        zone: false,
        phone: '0356-2020001',
        hasId: true,
      },
      {
        uscc: '91140522MA0K00002T',
        name: '阳城县电力公司',
        division: '140522',
        zone: true,
        phone: '0356-2020002',
        hasId: true,
      },
      {
        uscc: '91140525MA0K000039',
        name: '泽州县燃气公司',
        division: '140525',
        zone: false,
        phone: null,
        hasId: true,
      },
    ]);
  });

  it('a second run of the same file changes nothing and says so', async () => {
    const report = await importFile('operators', 'operators-zh.csv');
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3, wasWritten: true });
    expect(await total('Operator')).toBe(3);
  });

  it('imports systems by operator USCC with Chinese levels, statuses and dates; re-import is unchanged', async () => {
    const first = await importFile('systems', 'systems-zh.csv');
    expect(first).toMatchObject({ rows: 3, badRowCount: 0, created: 3, updated: 0, unchanged: 0 });
    const rows = await query(
      `MATCH (o:Operator)-[:OPERATES]->(s:System)
       RETURN o.uscc AS op, s.name AS name, s.filingNumber AS filing, s.protectionLevel AS level, s.status AS status,
              toString(s.filedOn) AS filedOn, toString(s.levelDeterminedOn) AS determined ORDER BY op, name`,
    );
    expect(rows).toEqual([
      {
        op: '91140502MA0K00001Q',
        name: '供水调度系统',
        filing: '14050213001-00001',
        level: 3,
        status: 'LIVE',
        filedOn: '2023-04-10',
        determined: '2023-03-01',
      },
      {
        op: '91140502MA0K00001Q',
        name: '门户网站',
        filing: null,
        level: 2,
        status: 'LIVE',
        filedOn: null,
        determined: null,
      },
      {
        op: '91140522MA0K00002T',
        name: '电力营销系统',
        filing: '14052213001-00002',
        level: 3,
        status: 'UNDER_CONSTRUCTION',
        filedOn: '2024-02-01',
        determined: '2024-01-05',
      },
    ]);
    const second = await importFile('systems', 'systems-zh.csv');
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await total('System')).toBe(3);
  });

  it('reports bad system rows: duplicate and foreign filing numbers, level rule, enums, dates, unknown operator', async () => {
    const report = await importFile('systems', 'systems-bad.csv');
    expect(report).toMatchObject({ rows: 7, goodRows: 1, badRowCount: 6, wasWritten: false });
    expect(report.badRows.map((b) => [b.line, b.column, b.value, b.reason])).toEqual([
      [3, '备案编号', '14050213001-00009', 'duplicate: line 2 of this file has this filing number'],
      [4, '备案编号', '14050213001-00001', 'the filing number belongs to another system'],
      [
        5,
        '安全保护等级',
        '2',
        'level 2 must equal the higher of the business-information level (3) and the system-service level (2) (GB/T 22240-2020)',
      ],
      [6, '安全保护等级', '六级', '"六级" is not a level (1–5, 一级…五级)'],
      [6, '备案日期', '2024-04-01', 'end date 2024-04-01 is before start date 2024-05-01'],
      [6, '备案编号', '', 'is required when the filing date (filedOn) is given'],
      [6, '下线日期', '', 'is required when the status is DECOMMISSIONED'],
      [7, '运营者统一社会信用代码', '91140599MA0K00001Q', expect.stringContaining('check character')],
      [7, '备案编号', '140599-1', expect.stringContaining('11 digits, a hyphen and 5 digits')],
      [7, '运行状态', '报废', expect.stringContaining('"报废" is not one of PLANNED')],
      [7, '定级日期', '2024-13-01', expect.stringContaining('not a real calendar date')],
      [
        8,
        '运营者统一社会信用代码',
        '91140500MA0K0000CX',
        'no operator with USCC 91140500MA0K0000CX is registered',
      ],
    ]);
    expect(await total('System')).toBe(3);
  });

  it('reports every bad row with file, line, column, value and reason, and writes nothing', async () => {
    const before = await query('MATCH (o:Operator) RETURN o.uscc AS uscc, o.name AS name ORDER BY uscc');
    const report = await importFile('operators', 'operators-bad.csv');
    expect(report).toMatchObject({ rows: 8, goodRows: 1, badRowCount: 7, wasWritten: false, created: 0 });
    const brief = report.badRows.map((b) => [b.file, b.line, b.column, b.value]);
    expect(brief).toEqual([
      ['operators-bad.csv', 3, 'USCC', '91140502MA0K00001X'],
      ['operators-bad.csv', 4, 'Name', ''],
      ['operators-bad.csv', 5, 'Division Code', '140501'],
      ['operators-bad.csv', 6, 'sector（code）', 'NOPE'],
      ['operators-bad.csv', 7, 'In development zone', 'maybe'],
      ['operators-bad.csv', 7, 'Contact phone', 'abc'],
      ['operators-bad.csv', 8, 'USCC', '91140502MA0K00001Q'],
      ['operators-bad.csv', 9, '', ''],
    ]);
    expect(report.badRows.map((b) => b.reason)).toEqual([
      '"91140502MA0K00001X": check character should be "Q", got "X"',
      'is required',
      '140501 (市辖区) is a placeholder, not a place',
      'no sector with code "NOPE"',
      '"maybe" is not 是/否 (yes/no)',
      '"abc" is not a telephone number',
      'duplicate: line 2 of this file has the same key',
      'the row has 2 cells, the header has 6',
    ]);
    expect(await query('MATCH (o:Operator) RETURN o.uscc AS uscc, o.name AS name ORDER BY uscc')).toEqual(
      before,
    );
  });

  it('with onlyGoodRows writes the good rows and reports the rest', async () => {
    const report = await importFile('operators', 'operators-bad.csv', { onlyGoodRows: true });
    expect(report).toMatchObject({ badRowCount: 7, wasWritten: true, created: 0, updated: 1, unchanged: 0 });
    const [row] = await query(
      "MATCH (o:Operator {uscc: '91140502MA0K00001Q'}) RETURN o.name AS name, o.contactPhone AS phone",
    );
    expect(row).toEqual({ name: 'Good one', phone: '0356-1' });
    expect(await total('Operator')).toBe(3);
  });

  it('a county registrar imports only operators of its county', async () => {
    const report = await importFile('operators', 'operators-zh.csv', { division: '140522' });
    expect(report.wasWritten).toBe(false);
    expect(report.badRows.map((b) => [b.line, b.column, b.reason])).toEqual([
      [2, '行政区划代码', '"140502" is outside your jurisdiction (division:140522)'],
      [2, '统一社会信用代码', 'the operator is registered outside your jurisdiction (division:140522)'],
      [4, '行政区划代码', '"140525" is outside your jurisdiction (division:140522)'],
      [4, '统一社会信用代码', 'the operator is registered outside your jurisdiction (division:140522)'],
    ]);
    const systems = await importFile('systems', 'systems-zh.csv', { division: '140522' });
    expect(systems.badRows.map((b) => [b.line, b.reason])).toEqual([
      [2, 'no operator with USCC 91140502MA0K00001Q is registered in your jurisdiction (division:140522)'],
      [3, 'no operator with USCC 91140502MA0K00001Q is registered in your jurisdiction (division:140522)'],
    ]);
  });

  it('imports vendors from JSON Lines with Chinese and English keys', async () => {
    const report = await importFile('vendors', 'vendors.jsonl');
    expect(report).toMatchObject({ rows: 2, badRowCount: 0, created: 2 });
    expect(
      await query(
        'MATCH (v:Vendor) RETURN v.uscc AS uscc, v.registrationStatus AS status, toString(v.registeredOn) AS on ORDER BY uscc',
      ),
    ).toEqual([
      { uscc: '91140500MA0W000013', status: 'REGISTERED', on: '2024-01-15' },
      { uscc: '91140500MA0W000026', status: 'PENDING', on: null },
    ]);
  });

  it('imports services (vendor → system) keyed by vendor, system, kind and start date', async () => {
    const strict = await importFile('services', 'services-zh.csv');
    expect(strict).toMatchObject({ rows: 5, badRowCount: 3, wasWritten: false });
    expect(strict.badRows.map((b) => [b.line, b.column, b.reason])).toEqual([
      [4, '系统名称', 'no system "不存在的系统" of operator 91140502MA0K00001Q is registered'],
      [
        5,
        '远程运维评估日期',
        'an evaluation date (远程运维评估论证) can only be recorded for a remote service',
      ],
      [5, '结束日期', 'end date 2024-04-01 is before start date 2024-05-01'],
      [6, '服务机构统一社会信用代码', 'no vendor with USCC 91140500MA0K0000CX is registered'],
    ]);
    const first = await importFile('services', 'services-zh.csv', { onlyGoodRows: true });
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, wasWritten: true });
    const again = await importFile('services', 'services-zh.csv', { onlyGoodRows: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(
      await query(
        `MATCH (v:Vendor)-[r:SERVES]->(s:System) RETURN v.uscc AS vendor, s.name AS system, r.kind AS kind, r.remote AS remote,
         toString(r.remoteEvaluatedOn) AS evaluated, r.contractRef AS contract, toString(r.from) AS from, toString(r.to) AS to, r.id IS NOT NULL AS hasId
         ORDER BY vendor`,
      ),
    ).toEqual([
      {
        vendor: '91140500MA0W000013',
        system: '供水调度系统',
        kind: 'REMOTE_OPERATIONS',
        remote: true,
        evaluated: '2024-02-01',
        contract: 'HT-2024-017',
        from: '2024-01-01',
        to: '2026-12-31',
        hasId: true,
      },
      {
        vendor: '91140500MA0W000026',
        system: '电力营销系统',
        kind: 'LEVEL_ASSESSMENT',
        remote: false,
        evaluated: null,
        contract: null,
        from: '2024-03-01',
        to: null,
        hasId: true,
      },
    ]);
  });

  it('imports persons keyed by resident ID, stored and reported only hashed and masked', async () => {
    const strict = await importFile('persons', 'persons-zh.csv');
    expect(strict).toMatchObject({ rows: 4, badRowCount: 2, wasWritten: false });
    expect(strict.badRows.map((b) => [b.line, b.column, b.value, b.reason])).toEqual([
      [
        4,
        '身份证号码',
        '140522********0023',
        'resident identity number "140522********0023": check character should be "2", got "3"',
      ],
      [5, '姓名', '', 'is required'],
    ]);
    const report = await importFile('persons', 'persons-zh.csv', { onlyGoodRows: true });
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(JSON.stringify(report)).not.toMatch(/\d{17}[\dX]/);
    const key = testDb().config.residentIdKey;
    expect(
      await query(
        'MATCH (p:Person) RETURN p.name AS name, p.residentIdMasked AS masked, p.residentIdHash AS hash, keys(p) AS keys ORDER BY masked',
      ),
    ).toEqual([
      {
        name: '赵六',
        masked: '140502********1230',
        hash: hashResidentId('140502199001011230', key),
        keys: expect.arrayContaining(['id', 'name', 'residentIdHash', 'residentIdMasked']),
      },
      {
        name: '钱七',
        masked: '140522********0022',
        hash: hashResidentId('140522198512310022', key),
        keys: expect.arrayContaining(['id', 'name', 'residentIdHash', 'residentIdMasked']),
      },
    ]);
    const again = await importFile('persons', 'persons-zh.csv', { onlyGoodRows: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('imports background checks of registered persons (city-wide registrars only)', async () => {
    const report = await importFile('checks', 'checks-zh.csv', { onlyGoodRows: true });
    expect(report).toMatchObject({ rows: 4, badRowCount: 2, created: 2, wasWritten: true });
    expect(report.badRows.map((b) => [b.line, b.column, b.value, b.reason])).toEqual([
      [4, '身份证号码', '140581********0033', 'no person with this resident ID number is registered'],
      [5, '审查结果', '不明', '"不明" is not one of PASSED, FAILED, PENDING'],
      [5, '审查机关', '', 'is required'],
      [5, '有效期至', '2023-01-01', 'end date 2023-01-01 is before start date 2024-03-01'],
    ]);
    expect(
      await query(
        'MATCH (p:Person)-[:HAS_CHECK]->(c:BackgroundCheck) RETURN p.name AS name, c.status AS status, toString(c.checkedOn) AS on, toString(c.expiresOn) AS expires, c.checkedBy AS by ORDER BY name',
      ),
    ).toEqual([
      { name: '赵六', status: 'PASSED', on: '2024-03-01', expires: '2027-02-28', by: '晋城市公安局' },
      { name: '钱七', status: 'PENDING', on: '2024-06-01', expires: null, by: '阳城县公安局' },
    ]);
    const again = await importFile('checks', 'checks-zh.csv', { onlyGoodRows: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const county = await importFile('checks', 'checks-zh.csv', { division: '140522' });
    expect(county.badRows[0]?.reason).toBe(
      'background checks are imported by city-wide registrars (you: division:140522)',
    );
  });

  it('the CLI reads GBK files, writes an audit record and exits 1 on bad rows', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'import-audit-'));
    const env = { ...process.env, AUDIT_DIR: auditDir };
    const args = ['tsx', 'scripts/import.ts', '--entity', 'operators', '--json'];
    const good = await run(
      'npx',
      [...args, '--file', join(fixtures, 'operators-gbk.csv'), '--encoding', 'gbk'],
      { env },
    );
    expect(JSON.parse(good.stdout)).toMatchObject({ rows: 1, created: 1, badRowCount: 0 });
    const [row] = await query(
      "MATCH (o:Operator {uscc: '91140500MA0K0001AQ'}) RETURN o.name AS name, o.divisionCode AS d",
    );
    expect(row).toEqual({ name: '晋城市高平供热公司', d: '140581' });
    const reportFile = join(auditDir, 'bad-rows.csv');
    const bad = await run(
      'npx',
      [...args, '--file', join(fixtures, 'operators-bad.csv'), '--report', reportFile],
      { env },
    ).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ badRowCount: 7, wasWritten: false });
    // The full report goes to a file as the problems are found (the terminal keeps the first 1,000).
    expect(bad.stderr).toContain(`bad-row report (all 8 problems): ${reportFile}`);
    expect(readFileSync(reportFile, 'utf8').split('\n')).toEqual([
      '\uFEFFfile,line,column,value,reason',
      'operators-bad.csv,3,USCC,91140502MA0K00001X,"""91140502MA0K00001X"": check character should be ""Q"", got ""X"""',
      'operators-bad.csv,4,Name,,is required',
      'operators-bad.csv,5,Division Code,140501,"140501 (市辖区) is a placeholder, not a place"',
      'operators-bad.csv,7,In development zone,maybe,"""maybe"" is not 是/否 (yes/no)"',
      'operators-bad.csv,7,Contact phone,abc,"""abc"" is not a telephone number"',
      'operators-bad.csv,9,,,"the row has 2 cells, the header has 6"',
      'operators-bad.csv,6,sector（code）,NOPE,"no sector with code ""NOPE"""',
      'operators-bad.csv,8,USCC,91140502MA0K00001Q,duplicate: line 2 of this file has the same key',
      '',
    ]);
    const { auditLog } = await import('../../server/audit.js');
    const records = await auditLog(auditDir).list({}, null, 10);
    expect(records.map((r) => [r.operationName, r.outcome])).toEqual([
      ['importInventory (cli)', 'ok'],
      ['importInventory (cli)', 'pending'],
      ['importInventory (cli)', 'ok'],
      ['importInventory (cli)', 'pending'],
    ]);
  });

  it('streams a 20,500-row file in batches of 1,000 (21 batches), then re-imports it unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-big-'));
    const file = join(dir, 'operators.csv');
    await writeOperatorsCsv(file, 20_500);
    const ctx = ctxFor();
    const options = {
      entity: 'operators' as const,
      input: { path: file },
      fileName: 'operators.csv',
      format: 'csv' as const,
      batchSize: 1_000,
    };
    const first = await importInventory(ctx, options);
    expect(first).toMatchObject({ rows: 20_500, badRowCount: 0, created: 20_500, batches: 21 });
    expect(await total('Operator')).toBe(4 + 20_500);
    const second = await importInventory(ctx, options);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 20_500, batches: 21 });
  });

  describe('the importInventory mutation', () => {
    const { gql } = testApp();
    const MUTATION = `mutation Import($entity: ImportEntity!, $content: String!, $format: ImportFormat, $onlyGoodRows: Boolean, $dryRun: Boolean) {
      importInventory(entity: $entity, content: $content, format: $format, onlyGoodRows: $onlyGoodRows, dryRun: $dryRun, fileName: "units.csv") {
        __typename
        ... on MutationImportInventorySuccess { data { rows created updated unchanged badRowCount wasWritten badRows { file line column value reason } } }
        ... on ValidationError { message issues { field message } }
      }
    }`;
    const csv =
      '单位名称,统一社会信用代码,行政区划代码,安全负责人\n沁水县医院,91140521MA0K00005M,沁水县,王五\n陵川县医院,91140524MA0K0000XB,140524,\n';

    it('runs the same import as the CLI: dry run, write, re-run', async () => {
      const dry = await gql(MUTATION, { entity: 'OPERATORS', content: csv, dryRun: true });
      expect(dry.data).toEqual({
        importInventory: {
          __typename: 'MutationImportInventorySuccess',
          data: {
            rows: 2,
            created: 0,
            updated: 0,
            unchanged: 0,
            badRowCount: 0,
            wasWritten: false,
            badRows: [],
          },
        },
      });
      const first = await gql(MUTATION, { entity: 'OPERATORS', content: csv });
      expect(first.data?.importInventory).toMatchObject({ data: { rows: 2, created: 2, wasWritten: true } });
      const again = await gql(MUTATION, { entity: 'OPERATORS', content: csv });
      expect(again.data?.importInventory).toMatchObject({ data: { created: 0, updated: 0, unchanged: 2 } });
    });

    it('answers bad rows in the report and writes nothing', async () => {
      const bad = '统一社会信用代码,单位名称,行政区划代码\n91140521MA0K00005M,,140521\n';
      const r = await gql(MUTATION, { entity: 'OPERATORS', content: bad, format: 'CSV' });
      expect(r.data?.importInventory).toMatchObject({
        data: {
          wasWritten: false,
          badRowCount: 1,
          badRows: [{ file: 'units.csv', line: 2, column: '单位名称', value: '', reason: 'is required' }],
        },
      });
      const [row] = await query("MATCH (o:Operator {uscc: '91140521MA0K00005M'}) RETURN o.name AS name");
      expect(row).toEqual({ name: '沁水县医院' });
    });

    it('an empty file is a ValidationError; roles that may not write are refused', async () => {
      const empty = await gql(MUTATION, { entity: 'VENDORS', content: ' \n ' });
      expect(empty.data?.importInventory).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ field: 'content', message: 'is empty: send the file text' }],
      });
      const police = await gql(
        MUTATION,
        { entity: 'OPERATORS', content: csv },
        { sub: 'p', role: 'CITY_POLICE' },
      );
      expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
