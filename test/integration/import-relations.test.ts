/**
 * Inventory import of relationships between registered things: access (人员访问权限),
 * subcontracting (分包), links (系统互联). A hand-made graph of two counties; every bad row, the
 * jurisdiction of a county registrar and the idempotent re-import are asserted exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../server/auth.js';
import { createContext } from '../../server/context.js';
import type { InventoryEntity } from '../../server/import/inventory/columns.js';
import { importInventory } from '../../server/import/inventory/run.js';
import { hashResidentId } from '../../server/validation/identifiers.js';
import { testApp, testDb } from '../support/harness.js';

function importCsv(
  entity: InventoryEntity,
  content: string,
  extra: { onlyGoodRows?: boolean; division?: string } = {},
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
    entity,
    input: { content },
    fileName: `${entity}.csv`,
    format: 'csv',
    onlyGoodRows: extra.onlyGoodRows,
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

const ZHAO = '140502199001011230';
const QIAN = '140522198512310022';
const O_CITY = '91140502MA0K00001Q';
const O_YANGCHENG = '91140522MA0K00002T';
const V1 = '91140500MA0W000013';
const V2 = '91140500MA0W000026';
const V3 = '91140500MA0W000039';

describe('inventory import of relationships', () => {
  beforeAll(async () => {
    const key = testDb().config.residentIdKey;
    await query(
      `CREATE (o1:Operator {id: 'o1', uscc: $o1, name: '城区供水公司', divisionCode: '140502'})
       CREATE (o2:Operator {id: 'o2', uscc: $o2, name: '阳城县电力公司', divisionCode: '140522'})
       CREATE (o1)-[:OPERATES]->(:System {id: 's1', name: '供水调度系统', status: 'LIVE'})
       CREATE (o1)-[:OPERATES]->(:System {id: 's2', name: '门户网站', status: 'LIVE'})
       CREATE (o2)-[:OPERATES]->(:System {id: 's3', name: '电力营销系统', status: 'LIVE'})
       CREATE (:Person {id: 'p1', name: '赵六', residentIdHash: $zhao, residentIdMasked: '140502********1230'})
       CREATE (:Person {id: 'p2', name: '钱七', residentIdHash: $qian, residentIdMasked: '140522********0022'})
       CREATE (:Vendor {id: 'v1', uscc: $v1, name: '甲网络安全公司', registrationStatus: 'REGISTERED'})
       CREATE (:Vendor {id: 'v2', uscc: $v2, name: '乙运维公司', registrationStatus: 'PENDING'})
       CREATE (:Vendor {id: 'v3', uscc: $v3, name: '丙技术公司', registrationStatus: 'UNREGISTERED'})
       CREATE (water:Sector {id: 's-water', code: 'WATER', name: '水利', nameEn: 'Water'})
       CREATE (energy:Sector {id: 's-energy', code: 'ENERGY', name: '能源', nameEn: 'Energy'})
       CREATE (:ProtectionDepartment {id: 'd-water', name: '晋城市水务局'})-[:RESPONSIBLE_FOR]->(water)
       CREATE (:ProtectionDepartment {id: 'd-energy', name: '晋城市能源局'})-[:RESPONSIBLE_FOR]->(energy)`,
      {
        o1: O_CITY,
        o2: O_YANGCHENG,
        zhao: hashResidentId(ZHAO, key),
        qian: hashResidentId(QIAN, key),
        v1: V1,
        v2: V2,
        v3: V3,
      },
    );
  });

  describe('access (人员访问权限)', () => {
    const csv = [
      '身份证号码,运营者统一社会信用代码,系统名称,访问方式,开始日期,结束日期',
      `${ZHAO},${O_CITY},供水调度系统,远程,2024-01-01,2025-12-31`,
      `${QIAN},${O_YANGCHENG},电力营销系统,特权,2024/3/1,`,
      `${ZHAO},${O_CITY},门户网站,PRIVILEGED,2024-02-01,`,
      `140581197006150033,${O_CITY},供水调度系统,现场,2024-01-01,`,
      `${ZHAO},${O_CITY},不存在的系统,现场,2024-01-01,`,
      `${ZHAO},${O_CITY},供水调度系统,临时,2024-05-01,2024-04-01`,
      `${ZHAO},${O_CITY},供水调度系统,远程,2024-01-01,`,
    ].join('\n');

    it('reports every bad row and writes nothing', async () => {
      const report = await importCsv('access', csv);
      expect(report).toMatchObject({ rows: 7, goodRows: 3, badRowCount: 4, wasWritten: false, created: 0 });
      expect(problems(report)).toEqual([
        [5, '身份证号码', '140581********0033', 'no person with this resident ID number is registered'],
        [6, '系统名称', '不存在的系统', `no system "不存在的系统" of operator ${O_CITY} is registered`],
        [7, '访问方式', '临时', '"临时" is not one of ONSITE, REMOTE, PRIVILEGED'],
        [7, '结束日期', '2024-04-01', 'end date 2024-04-01 is before start date 2024-05-01'],
        [8, '开始日期', '2024-01-01', 'duplicate: line 2 of this file has the same key'],
      ]);
      expect(await query('MATCH ()-[r:HAS_ACCESS]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    });

    it('a county registrar imports accesses to systems of its county only', async () => {
      const report = await importCsv('access', csv, { division: '140522', onlyGoodRows: true });
      expect(report).toMatchObject({ rows: 7, goodRows: 1, created: 1, wasWritten: true });
      expect(problems(report).filter(([line]) => line === 2 || line === 4)).toEqual([
        [
          2,
          '系统名称',
          '供水调度系统',
          `no system "供水调度系统" of operator ${O_CITY} is registered in your jurisdiction (division:140522)`,
        ],
        [
          4,
          '系统名称',
          '门户网站',
          `no system "门户网站" of operator ${O_CITY} is registered in your jurisdiction (division:140522)`,
        ],
      ]);
    });

    it('with onlyGoodRows writes the good rows; a re-run changes nothing; a changed end date updates', async () => {
      const first = await importCsv('access', csv, { onlyGoodRows: true });
      expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 1, wasWritten: true });
      const again = await importCsv('access', csv, { onlyGoodRows: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const changed = await importCsv(
        'access',
        `公民身份号码,运营者统一社会信用代码,系统名称,访问方式,开始日期,结束日期\n${ZHAO},${O_CITY},门户网站,特权,2024-02-01,2024-12-31\n`,
      );
      expect(changed).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0 });
      expect(
        await query(
          `MATCH (p:Person)-[r:HAS_ACCESS]->(s:System) RETURN p.name AS person, s.name AS system, r.kind AS kind,
           toString(r.from) AS from, toString(r.to) AS to, r.id IS NOT NULL AS hasId ORDER BY from`,
        ),
      ).toEqual([
        {
          person: '赵六',
          system: '供水调度系统',
          kind: 'REMOTE',
          from: '2024-01-01',
          to: '2025-12-31',
          hasId: true,
        },
        {
          person: '赵六',
          system: '门户网站',
          kind: 'PRIVILEGED',
          from: '2024-02-01',
          to: '2024-12-31',
          hasId: true,
        },
        {
          person: '钱七',
          system: '电力营销系统',
          kind: 'PRIVILEGED',
          from: '2024-03-01',
          to: null,
          hasId: true,
        },
      ]);
    });

    it('the importInventory mutation runs the same import (ACCESS)', async () => {
      const { gql } = testApp();
      const r = await gql(
        `mutation($content: String!) { importInventory(entity: ACCESS, content: $content) {
          ... on MutationImportInventorySuccess { data { entity rows created updated unchanged wasWritten } } } }`,
        {
          content: `身份证号,运营者统一社会信用代码,系统名称,访问方式,开始日期,结束日期\n${QIAN},${O_YANGCHENG},电力营销系统,特权,2024-03-01,2025-06-30\n`,
        },
      );
      expect(r.data).toEqual({
        importInventory: {
          data: { entity: 'ACCESS', rows: 1, created: 0, updated: 1, unchanged: 0, wasWritten: true },
        },
      });
      const [row] = await query(
        "MATCH (:Person {name: '钱七'})-[r:HAS_ACCESS]->() RETURN toString(r.to) AS to",
      );
      expect(row).toEqual({ to: '2025-06-30' });
    });
  });

  describe('subcontracting (分包)', () => {
    const V4 = '91140500MA0W00004C';
    const csv = [
      '总包单位统一社会信用代码,分包单位统一社会信用代码,开始日期,结束日期',
      `${V1},${V2},2024-01-01,`,
      `${V2},${V3},2024/2/1,`,
      `${V3},${V1},2024-03-01,`,
      `${V1},${V1},2024-01-01,`,
      `${V1},${V4},2024-01-01,`,
      `${V1},${V3},2024-01-01,2023-12-31`,
      `${V1},${V2},2024-01-01,2026-12-31`,
      `${V1},${V3},2022-01-01,2022-12-31`,
    ].join('\n');
    const cycle = (from: string, to: string) =>
      `${from} already subcontracts (directly or through others, within 10 tiers, in force today or later, registered or earlier in this file) to ${to}: this subcontract would close a cycle`;

    it('reports every bad row (itself, unknown vendor, dates, duplicate, a cycle within the file) and writes nothing', async () => {
      const report = await importCsv('subcontracting', csv);
      expect(report).toMatchObject({ rows: 8, goodRows: 3, badRowCount: 5, wasWritten: false });
      expect(problems(report)).toEqual([
        [4, '分包单位统一社会信用代码', V1, cycle(V1, V3)],
        [5, '分包单位统一社会信用代码', V1, 'a vendor cannot subcontract to itself'],
        [6, '分包单位统一社会信用代码', V4, `no vendor with USCC ${V4} is registered`],
        [7, '结束日期', '2023-12-31', 'end date 2023-12-31 is before start date 2024-01-01'],
        [8, '开始日期', '2024-01-01', 'duplicate: line 2 of this file has the same key'],
      ]);
      expect(await query('MATCH ()-[r:SUBCONTRACTS_TO]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    });

    it('writes the good rows once; a re-run changes nothing; a cycle through registered subcontracts is refused', async () => {
      const first = await importCsv('subcontracting', csv, { onlyGoodRows: true });
      expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, wasWritten: true });
      const again = await importCsv('subcontracting', csv, { onlyGoodRows: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(
        await query(
          `MATCH (c:Vendor)-[r:SUBCONTRACTS_TO]->(s:Vendor) RETURN c.name AS contractor, s.name AS subcontractor,
           toString(r.from) AS from, toString(r.to) AS to, r.id IS NOT NULL AS hasId ORDER BY from`,
        ),
      ).toEqual([
        {
          contractor: '甲网络安全公司',
          subcontractor: '丙技术公司',
          from: '2022-01-01',
          to: '2022-12-31',
          hasId: true,
        },
        {
          contractor: '甲网络安全公司',
          subcontractor: '乙运维公司',
          from: '2024-01-01',
          to: null,
          hasId: true,
        },
        { contractor: '乙运维公司', subcontractor: '丙技术公司', from: '2024-02-01', to: null, hasId: true },
      ]);
      const closing = await importCsv(
        'subcontracting',
        `contractor uscc,subcontractor uscc,from\n${V3},${V1},2025-01-01\n`,
      );
      expect(closing).toMatchObject({ rows: 1, badRowCount: 1, wasWritten: false });
      expect(problems(closing)).toEqual([[2, 'subcontractor uscc', V1, cycle(V1, V3)]]);
    });
  });

  describe('links (系统互联)', () => {
    const csv = [
      '源运营者统一社会信用代码,源系统名称,目标运营者统一社会信用代码,目标系统名称,协议,端口,开始日期,结束日期',
      `${O_CITY},门户网站,${O_CITY},供水调度系统,TCP,443,2024-01-01,`,
      `${O_CITY},供水调度系统,${O_YANGCHENG},电力营销系统,udp,,2024/2/1,2025-12-31`,
      `${O_CITY},门户网站,${O_CITY},门户网站,tcp,80,2024-01-01,`,
      `${O_CITY},门户网站,${O_CITY},供水调度系统,icmp,70000,2024-01-01,`,
      `${O_CITY},门户网站,${O_YANGCHENG},不存在的系统,tcp,22,2024-01-01,`,
      `${O_CITY},门户网站,${O_CITY},供水调度系统,tcp,443,2024-01-01,2024-06-30`,
      `${O_CITY},门户网站,${O_CITY},供水调度系统,tcp,8443,2024-01-01,`,
    ].join('\n');

    it('reports every bad row and writes nothing', async () => {
      const report = await importCsv('links', csv);
      expect(report).toMatchObject({ rows: 7, goodRows: 3, badRowCount: 4, wasWritten: false });
      expect(problems(report)).toEqual([
        [4, '目标系统名称', '门户网站', 'a system cannot be linked to itself'],
        [5, '协议', 'icmp', '"icmp": protocol must be one of tcp, udp'],
        [5, '端口', '70000', 'port 70000 is out of range 1–65535'],
        [
          6,
          '目标系统名称',
          '不存在的系统',
          `no system "不存在的系统" of operator ${O_YANGCHENG} is registered`,
        ],
        [7, '开始日期', '2024-01-01', 'duplicate: line 2 of this file has the same key'],
      ]);
      expect(await query('MATCH ()-[r:CONNECTS_TO]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    });

    it('a county registrar links systems of its county only; the city registrar adds the rest; a re-run changes nothing', async () => {
      const county = await importCsv('links', csv, { division: '140502', onlyGoodRows: true });
      expect(county).toMatchObject({ goodRows: 2, created: 2, wasWritten: true });
      expect(problems(county).filter(([line]) => line === 3)).toEqual([
        [
          3,
          '目标系统名称',
          '电力营销系统',
          `no system "电力营销系统" of operator ${O_YANGCHENG} is registered in your jurisdiction (division:140502)`,
        ],
      ]);
      const city = await importCsv('links', csv, { onlyGoodRows: true });
      expect(city).toMatchObject({ created: 1, updated: 0, unchanged: 2 });
      const again = await importCsv('links', csv, { onlyGoodRows: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(
        await query(
          `MATCH (a:System)-[r:CONNECTS_TO]->(b:System) RETURN a.name AS from, b.name AS to, r.protocol AS protocol, r.port AS port,
           toString(r.from) AS since, toString(r.to) AS until, r.id IS NOT NULL AS hasId ORDER BY since, port`,
        ),
      ).toEqual([
        {
          from: '门户网站',
          to: '供水调度系统',
          protocol: 'tcp',
          port: 443,
          since: '2024-01-01',
          until: null,
          hasId: true,
        },
        {
          from: '门户网站',
          to: '供水调度系统',
          protocol: 'tcp',
          port: 8443,
          since: '2024-01-01',
          until: null,
          hasId: true,
        },
        {
          from: '供水调度系统',
          to: '电力营销系统',
          protocol: 'udp',
          port: null,
          since: '2024-02-01',
          until: '2025-12-31',
          hasId: true,
        },
      ]);
    });
  });

  describe('products (产品: SUPPLIES, USES)', () => {
    const V4 = '91140500MA0W00004C';
    const header =
      '产品名称,版本,产品类别,安全认证,供应商统一社会信用代码,供货开始日期,供货结束日期,使用单位统一社会信用代码,使用系统名称,使用开始日期,使用结束日期';
    const csv = [
      header,
      `下一代防火墙,V3.0,防火墙,CCC-2024-0001,${V1},2024-01-01,,${O_CITY},供水调度系统,2024-03-01,`,
      `下一代防火墙,V3.0,防火墙,CCC-2024-0001,${V1},2024-01-01,,${O_YANGCHENG},电力营销系统,2024-04-01,`,
      `下一代防火墙,V3.0,交换机,CCC-2024-0001,${V1},2024-01-01,,${O_CITY},门户网站,2024-03-01,`,
      `入侵检测系统,,入侵检测,,${V2},2024/2/1,2025-12-31,,,,`,
      `日志审计系统,V1,,,${V4},2024-01-01,,${O_CITY},不存在的系统,2024-01-01,`,
      `堡垒机,V2,,,${V1},2024-01-01,,${O_CITY},,2024-01-01,`,
      `堡垒机,V2,,,${V1},2024-01-01,,,,2024-05-01,`,
      `下一代防火墙,V3.0,防火墙,CCC-2024-0001,${V1},2024-01-01,,${O_CITY},供水调度系统,2024-03-01,`,
    ].join('\n');

    it('reports every bad row (differing product fields, unknown vendor and system, half a use, duplicate) and writes nothing', async () => {
      const report = await importCsv('products', csv);
      expect(report).toMatchObject({ rows: 8, goodRows: 3, badRowCount: 5, wasWritten: false });
      expect(problems(report)).toEqual([
        [4, '产品类别', '交换机', 'differs from line 2, which names the same product'],
        [6, '供应商统一社会信用代码', V4, `no vendor with USCC ${V4} is registered`],
        [6, '使用系统名称', '不存在的系统', `no system "不存在的系统" of operator ${O_CITY} is registered`],
        [7, '使用系统名称', '', 'is required with an operator USCC'],
        [8, '使用开始日期', '2024-05-01', 'a use needs the system (operator USCC + system name)'],
        [9, '产品名称', '下一代防火墙', 'duplicate: line 2 of this file has the same key'],
      ]);
      expect(await query('MATCH (p:Product) RETURN count(p) AS n')).toEqual([{ n: 0 }]);
    });

    it('a county registrar records uses by systems of its county only; the city adds the rest; a re-run changes nothing', async () => {
      const county = await importCsv('products', csv, { division: '140502', onlyGoodRows: true });
      expect(county).toMatchObject({ goodRows: 2, created: 2, wasWritten: true });
      expect(problems(county).filter(([line]) => line === 3)).toEqual([
        [
          3,
          '使用系统名称',
          '电力营销系统',
          `no system "电力营销系统" of operator ${O_YANGCHENG} is registered in your jurisdiction (division:140502)`,
        ],
      ]);
      const city = await importCsv('products', csv, { onlyGoodRows: true });
      expect(city).toMatchObject({ created: 1, updated: 0, unchanged: 2 });
      const again = await importCsv('products', csv, { onlyGoodRows: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(
        await query(
          `MATCH (v:Vendor)-[r:SUPPLIES]->(p:Product) RETURN v.name AS vendor, p.name AS product, p.version AS version,
           p.category AS category, p.certification AS certification, toString(r.from) AS from, toString(r.to) AS to ORDER BY from`,
        ),
      ).toEqual([
        {
          vendor: '甲网络安全公司',
          product: '下一代防火墙',
          version: 'V3.0',
          category: '防火墙',
          certification: 'CCC-2024-0001',
          from: '2024-01-01',
          to: null,
        },
        {
          vendor: '乙运维公司',
          product: '入侵检测系统',
          version: null,
          category: '入侵检测',
          certification: null,
          from: '2024-02-01',
          to: '2025-12-31',
        },
      ]);
      expect(
        await query(
          `MATCH (s:System)-[r:USES]->(p:Product) RETURN s.name AS system, p.name AS product, toString(r.from) AS from,
           r.id IS NOT NULL AS hasId ORDER BY from`,
        ),
      ).toEqual([
        { system: '供水调度系统', product: '下一代防火墙', from: '2024-03-01', hasId: true },
        { system: '电力营销系统', product: '下一代防火墙', from: '2024-04-01', hasId: true },
      ]);
    });

    it('rows of one new product in one batch share it; a changed certification updates', async () => {
      const rows = [
        header,
        `Web应用防火墙,V1,,,${V1},2024-01-01,,${O_CITY},供水调度系统,2024-01-01,`,
        `Web应用防火墙,V1,,,${V1},2024-01-01,,${O_CITY},门户网站,2024-01-01,`,
      ].join('\n');
      expect(await importCsv('products', rows)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      expect(
        await query(
          `MATCH (p:Product {name: 'Web应用防火墙'}) RETURN count{ (p)<-[:SUPPLIES]-() } AS supplies, count{ (p)<-[:USES]-() } AS uses`,
        ),
      ).toEqual([{ supplies: 1, uses: 2 }]);
      const certified = await importCsv(
        'products',
        `product name,version,certification,vendor uscc,supplied from\nWeb应用防火墙,V1,CCC-2025-0007,${V1},2024-01-01\n`,
      );
      expect(certified).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0 });
      expect(
        await query("MATCH (p:Product {name: 'Web应用防火墙'}) RETURN p.certification AS certification"),
      ).toEqual([{ certification: 'CCC-2025-0007' }]);
    });
  });

  describe('CII designations (关键信息基础设施认定)', () => {
    const header =
      '关键信息基础设施名称,行业代码,认定部门,认定日期,通知运营者日期,通报公安机关日期,运营者统一社会信用代码,组成系统名称,纳入日期,移出日期';
    const csv = [
      header,
      `城区供水关基,water,晋城市水务局,2024-05-01,2024-05-10,,${O_CITY},供水调度系统,2024-05-01,`,
      `城区供水关基,WATER,晋城市水务局,2024-05-01,2024-05-10,,${O_CITY},门户网站,2024-05-01,2024-12-31`,
      `城区供水关基,WATER,晋城市能源局,2024-05-01,2024-05-10,,${O_YANGCHENG},电力营销系统,2024-05-01,`,
      `阳城燃气关基,ENERGY,晋城市水务局,2024-06-01,,,,,,`,
      `阳城电力关基2,ENERGY,晋城市能源局,2024-06-01,2024-05-01,,,,,`,
      `城区供水关基,WATER,晋城市水务局,2024-05-01,2024-05-10,,${O_CITY},供水调度系统,2024-06-01,`,
      `新能源关基,NUCLEAR,不存在的部门,2024-06-01,,,,,,`,
      `阳城电力关基,ENERGY,晋城市能源局,2024-06-01,,,${O_YANGCHENG},电力营销系统,2024-06-01,`,
    ].join('\n');

    it('reports every bad row (differing designation, department, notice date, overlapping membership, references) and writes nothing', async () => {
      const report = await importCsv('cii', csv);
      expect(report).toMatchObject({ rows: 8, goodRows: 3, badRowCount: 5, wasWritten: false });
      expect(problems(report)).toEqual([
        [4, '行业代码', 'WATER', 'differs from line 2, which names the same designation'],
        [
          5,
          '认定部门',
          '晋城市水务局',
          '晋城市水务局 is not a protection department of sector ENERGY (responsible for: WATER)',
        ],
        [
          6,
          '通知运营者日期',
          '2024-05-01',
          'operatorNotifiedOn 2024-05-01 is before identifiedOn 2024-06-01',
        ],
        [
          7,
          '纳入日期',
          '2024-06-01',
          'the system is already part of "城区供水关基" in an overlapping window (from 2024-05-01)',
        ],
        [8, '行业代码', 'NUCLEAR', 'no sector with code "NUCLEAR"'],
        [8, '认定部门', '不存在的部门', 'no protection department named "不存在的部门" is registered'],
      ]);
      expect(await query('MATCH (c:CriticalInfrastructure) RETURN count(c) AS n')).toEqual([{ n: 0 }]);
    });

    it('city-wide registrars only', async () => {
      const report = await importCsv('cii', csv, { division: '140502', onlyGoodRows: true });
      expect(report).toMatchObject({ goodRows: 0, created: 0 });
      expect(report.badRows[0]).toMatchObject({
        line: 2,
        column: '关键信息基础设施名称',
        reason: 'CII designations are imported by city-wide registrars (you: division:140502)',
      });
      expect(await query('MATCH (c:CriticalInfrastructure) RETURN count(c) AS n')).toEqual([{ n: 0 }]);
    });

    it('writes designations with their member systems; a re-run changes nothing; changes and overlaps', async () => {
      const first = await importCsv('cii', csv, { onlyGoodRows: true });
      expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, wasWritten: true });
      const again = await importCsv('cii', csv, { onlyGoodRows: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const changed = await importCsv(
        'cii',
        'cii name,sector code,department,identified on,police notified on\n阳城电力关基,ENERGY,晋城市能源局,2024-06-02,2024-06-10\n',
      );
      expect(changed).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0 });
      const overlap = await importCsv(
        'cii',
        `${header}\n城区供水关基,WATER,晋城市水务局,2024-05-01,2024-05-10,,${O_CITY},供水调度系统,2025-01-01,`,
      );
      expect(problems(overlap)).toEqual([
        [
          2,
          '纳入日期',
          '2025-01-01',
          'the system is already part of "城区供水关基" in an overlapping window (from 2024-05-01)',
        ],
      ]);
      expect(
        await query(
          `MATCH (d:ProtectionDepartment)-[i:IDENTIFIED]->(c:CriticalInfrastructure)-[:IN_SECTOR]->(s:Sector)
           RETURN c.name AS name, s.code AS sector, d.name AS department, toString(i.on) AS identifiedOn,
           toString(c.operatorNotifiedOn) AS operatorNotified, toString(c.policeNotifiedOn) AS policeNotified,
           c.id IS NOT NULL AS hasId ORDER BY identifiedOn`,
        ),
      ).toEqual([
        {
          name: '城区供水关基',
          sector: 'WATER',
          department: '晋城市水务局',
          identifiedOn: '2024-05-01',
          operatorNotified: '2024-05-10',
          policeNotified: null,
          hasId: true,
        },
        {
          name: '阳城电力关基',
          sector: 'ENERGY',
          department: '晋城市能源局',
          identifiedOn: '2024-06-02',
          operatorNotified: null,
          policeNotified: '2024-06-10',
          hasId: true,
        },
      ]);
      expect(
        await query(
          `MATCH (s:System)-[m:PART_OF]->(c:CriticalInfrastructure) RETURN c.name AS cii, s.name AS system,
           toString(m.from) AS from, toString(m.to) AS to ORDER BY from, to`,
        ),
      ).toEqual([
        { cii: '城区供水关基', system: '门户网站', from: '2024-05-01', to: '2024-12-31' },
        { cii: '城区供水关基', system: '供水调度系统', from: '2024-05-01', to: null },
        { cii: '阳城电力关基', system: '电力营销系统', from: '2024-06-01', to: null },
      ]);
    });
  });
});
