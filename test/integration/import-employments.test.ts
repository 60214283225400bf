/**
 * Inventory import of employments (任职: a person WORKS_FOR a vendor): every bad row, the only-good-rows
 * write, the idempotent re-import, an update, and the jurisdiction of a county registrar (vendors
 * serving its county, directly or as a one-tier subcontractor), on a small hand-made graph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../server/auth.js';
import { createContext } from '../../server/context.js';
import { importInventory } from '../../server/import/inventory/run.js';
import { hashResidentId } from '../../server/validation/identifiers.js';
import { testDb } from '../support/harness.js';

function importCsv(
  content: string,
  extra: { onlyGoodRows?: boolean; division?: string; batchSize?: number } = {},
) {
  const { db, config } = testDb();
  const ctx = createContext(
    db,
    config,
    principalFromClaims({
      sub: 'import-test',
      role: 'REGISTRAR',
      ...(extra.division ? { division: extra.division } : {}),
    }),
  );
  return importInventory(ctx, {
    entity: 'employments',
    input: { content },
    fileName: 'employments.csv',
    format: 'csv',
    onlyGoodRows: extra.onlyGoodRows,
    batchSize: extra.batchSize,
  });
}

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const result = await testDb().db.driver.executeQuery(cypher, params, {
    database: testDb().config.neo4j.database,
  });
  return result.records.map((r) => r.toObject());
}

const problems = (report: { badRows: { line: number; column: string; value: string; reason: string }[] }) =>
  report.badRows.map((b) => [b.line, b.column, b.value, b.reason]);

const employments = () =>
  query(
    `MATCH (p:Person)-[w:WORKS_FOR]->(v:Vendor)
     RETURN p.name AS person, v.name AS vendor, toString(w.from) AS from, toString(w.to) AS to,
            w.keyPosition AS keyPosition, w.role AS role, w.id IS NOT NULL AS hasId
     ORDER BY person, vendor, from`,
  );

const ZHAO = '140502199001011230';
const QIAN = '140522198512310022';
const NOBODY = '140581197006150033';
const V1 = '91140500MA0W000013';
const V2 = '91140500MA0W000026';
const V3 = '91140500MA0W000039';
const UNKNOWN_VENDOR = '91140500MA0W00004C';
const HEADER = '公民身份号码,服务机构统一社会信用代码,入职日期,离职日期,是否关键岗位,岗位';

describe('inventory import of employments (任职)', () => {
  beforeAll(async () => {
    const key = testDb().config.residentIdKey;
    await query(
      `CREATE (o1:Operator {id: 'o1', uscc: '91140502MA0K00001Q', name: '城区供水公司', divisionCode: '140502'})
       CREATE (o2:Operator {id: 'o2', uscc: '91140522MA0K00002T', name: '阳城县电力公司', divisionCode: '140522'})
       CREATE (o1)-[:OPERATES]->(s1:System {id: 's1', name: '供水调度系统', status: 'LIVE'})
       CREATE (o2)-[:OPERATES]->(s3:System {id: 's3', name: '电力营销系统', status: 'LIVE'})
       CREATE (:Person {id: 'p1', name: '赵六', residentIdHash: $zhao, residentIdMasked: '140502********1230'})
       CREATE (:Person {id: 'p2', name: '钱七', residentIdHash: $qian, residentIdMasked: '140522********0022'})
       CREATE (v1:Vendor {id: 'v1', uscc: $v1, name: '甲网络安全公司', registrationStatus: 'REGISTERED'})
       CREATE (v2:Vendor {id: 'v2', uscc: $v2, name: '乙运维公司', registrationStatus: 'PENDING'})
       CREATE (v3:Vendor {id: 'v3', uscc: $v3, name: '丙技术公司', registrationStatus: 'UNREGISTERED'})
       CREATE (v1)-[:SERVES {id: 'sv1', kind: 'OPERATIONS', from: date('2024-01-01')}]->(s1)
       CREATE (v2)-[:SERVES {id: 'sv2', kind: 'OPERATIONS', from: date('2024-01-01')}]->(s3)
       CREATE (v3)-[:SUBCONTRACTS_TO {id: 'sc1', from: date('2024-01-01')}]->(v1)`,
      { zhao: hashResidentId(ZHAO, key), qian: hashResidentId(QIAN, key), v1: V1, v2: V2, v3: V3 },
    );
  });

  const csv = [
    HEADER,
    `${ZHAO},${V1},2024-01-01,,是,安全运维工程师`,
    `${QIAN},${V2},2024/3/1,2025-12-31,否,`,
    `${NOBODY},${V1},2024-01-01,,,`,
    `${ZHAO},${UNKNOWN_VENDOR},2024-01-01,,,`,
    `${ZHAO},${V1},2024-05-01,2024-04-01,也许,`,
    `${ZHAO},${V1},2024-01-01,2024-12-31,否,`,
    `,${V1},2024-01-01,,,`,
    `${ZHAO},91140500MA0W00001X,2024-02-01,,,`,
    `${QIAN},${V3},,,,`,
  ].join('\n');

  it('reports every bad row (unknown person and vendor, dates, flag, duplicate, required, check character) and writes nothing', async () => {
    const report = await importCsv(csv);
    expect(report).toMatchObject({ rows: 9, goodRows: 2, badRowCount: 7, wasWritten: false, created: 0 });
    expect(problems(report)).toEqual([
      [4, '公民身份号码', '140581********0033', 'no person with this resident ID number is registered'],
      [5, '服务机构统一社会信用代码', UNKNOWN_VENDOR, `no vendor with USCC ${UNKNOWN_VENDOR} is registered`],
      [6, '离职日期', '2024-04-01', 'end date 2024-04-01 is before start date 2024-05-01'],
      [6, '是否关键岗位', '也许', '"也许" is not 是/否 (yes/no)'],
      [7, '入职日期', '2024-01-01', 'duplicate: line 2 of this file has the same key'],
      [8, '公民身份号码', '', 'is required'],
      [
        9,
        '服务机构统一社会信用代码',
        '91140500MA0W00001X',
        '"91140500MA0W00001X": check character should be "3", got "X"',
      ],
      [10, '入职日期', '', 'is required'],
    ]);
    expect(await employments()).toEqual([]);
    // Batches of 2 rows: the duplicate (line 7 of line 2) and the bad lines span batches, through the
    // on-disk scratch store; the report is the same.
    const small = await importCsv(csv, { batchSize: 2 });
    expect(small).toMatchObject({ rows: 9, goodRows: 2, badRowCount: 7, wasWritten: false });
    expect(problems(small)).toEqual(problems(report));
  });

  it('with onlyGoodRows writes the good rows; a re-run changes nothing; a changed end date updates', async () => {
    expect(await importCsv(csv, { onlyGoodRows: true, batchSize: 2 })).toMatchObject({
      rows: 9,
      goodRows: 2,
      badRowCount: 7,
      created: 2,
      updated: 0,
      unchanged: 0,
      wasWritten: true,
    });
    const written = [
      {
        person: '赵六',
        vendor: '甲网络安全公司',
        from: '2024-01-01',
        to: null,
        keyPosition: true,
        role: '安全运维工程师',
        hasId: true,
      },
      {
        person: '钱七',
        vendor: '乙运维公司',
        from: '2024-03-01',
        to: '2025-12-31',
        keyPosition: false,
        role: null,
        hasId: true,
      },
    ];
    expect(await employments()).toEqual(written);
    expect(await importCsv(csv, { onlyGoodRows: true })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const ended = [HEADER, `${ZHAO},${V1},2024-01-01,2026-06-30,是,安全运维工程师`].join('\n');
    expect(await importCsv(ended)).toMatchObject({ rows: 1, badRowCount: 0, created: 0, updated: 1 });
    expect((await employments())[0]).toMatchObject({ person: '赵六', to: '2026-06-30', keyPosition: true });
  });

  it('a file without the key-position column creates employments that are not key positions, as addEmployment', async () => {
    const report = await importCsv(
      ['公民身份号码,服务机构统一社会信用代码,入职日期', `${QIAN},${V3},2024-07-01`].join('\n'),
    );
    expect(report).toMatchObject({ rows: 1, badRowCount: 0, created: 1 });
    expect((await employments()).find((e) => e.vendor === '丙技术公司')).toEqual({
      person: '钱七',
      vendor: '丙技术公司',
      from: '2024-07-01',
      to: null,
      keyPosition: false,
      role: null,
      hasId: true,
    });
  });

  it('a county registrar records employments at vendors serving its county (directly or as a subcontractor) only', async () => {
    const file = [
      'resident id,vendor uscc,from,to,key position,role',
      `${QIAN},${V1},2025-01-01,,no,审计员`,
      `${QIAN},${V3},2025-01-01,,no,`,
      `${ZHAO},${V2},2025-01-01,,yes,`,
    ].join('\n');
    const county = await importCsv(file, { division: '140502' });
    expect(county).toMatchObject({ rows: 3, goodRows: 2, badRowCount: 1, wasWritten: false });
    expect(problems(county)).toEqual([
      [
        4,
        'vendor uscc',
        V2,
        `no vendor with USCC ${V2} is registered in your jurisdiction (division:140502)`,
      ],
    ]);
    const before = (await employments()).length;
    expect(await importCsv(file, { division: '140502', onlyGoodRows: true })).toMatchObject({ created: 2 });
    expect(await importCsv(file)).toMatchObject({ badRowCount: 0, created: 1, unchanged: 2 });
    expect((await employments()).length).toBe(before + 3);
  });
});
