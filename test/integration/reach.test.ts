/**
 * Vendor reach and exposure paths on a small hand-built graph whose answers are worked out by hand.
 *
 *   Operators: op-a 140502 ENERGY, op-b 140522 FINANCE, op-c 140581 WATER.
 *   Systems (name, operator, level): Alpha a3, Bravo b2, Charlie b4 (CII FINANCE), Delta b2, Echo a2,
 *   Foxtrot c2, Golf b3, Hotel b3, India c3, Juliet b3, Kilo a2 (CII TELECOM), Lima a1, Mike b2,
 *   November a2, Oscar a2, Papa a2, Quebec b2, Romeo a3.
 *
 *   V ──SERVES OPERATIONS────────────────────────▶ Alpha ─▶ Juliet ─▶ Kilo ─▶ Lima ─▶ Mike ─▶ November ─▶ Oscar ─▶ Papa
 *   V ──SERVES REMOTE_OPERATIONS (ended yesterday)▶ Bravo      ▲        │(Kilo ─▶ Alpha, back link)
 *   V ◀─WORKS_FOR─ Zhang ──HAS_ACCESS REMOTE──────▶ Charlie ───┼──▶ Quebec ◀── Alpha
 *                  Zhang ──HAS_ACCESS ONSITE──────▶ Echo ──────┘  (Echo ─▶ Juliet)
 *   V ◀─WORKS_FOR (ended yesterday)─ Li ─HAS_ACCESS ONSITE─▶ Delta
 *   V ──SUPPLIES─▶ Firewall ◀─USES── Echo                     Echo ─▶ Romeo (link ended yesterday)
 *   V ─SUB─▶ S1 ─SUB─▶ S2 ─SUB─▶ S3 ─SUB─▶ S4 ─SUB─▶ S5 ─SUB─▶ S6
 *            S1 ─SERVES TECHNICAL_SERVICE remote─▶ Foxtrot ◀─SERVES OPERATIONS─ S2
 *            S2 ◀─WORKS_FOR─ Wang ─HAS_ACCESS PRIVILEGED─▶ India
 *            S3 ─SERVES MONITORING─▶ Golf            S6 ─SERVES─▶ Hotel (tier 6: never reached)
 *
 *   Exposures: x-1 203.0.113.10:443/tcp ─EXPOSES▶ Echo; x-2 198.51.100.7:22/tcp ─EXPOSES▶ Alpha;
 *              x-3 198.51.100.7:8080/tcp ─EXPOSES▶ Lima.
 *   Everything is valid from 2020-01-01 unless marked ended.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { todayInChina } from '../../server/repositories/common.js';
import { ipKey } from '../../server/repositories/exposures.js';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const TODAY = todayInChina();
const shift = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const YESTERDAY = shift(-1);
const LAST_MONTH = shift(-30);

const VENDOR = encodeGlobalID('Vendor', 'v-main');
const POLICE_YANGCHENG = { sub: 'police-yc', role: 'COUNTY_POLICE', division: '140522' } as const;
const POLICE_CHENGQU = { sub: 'police-cq', role: 'COUNTY_POLICE', division: '140502' } as const;
const PROTECTION_DEPT: TokenClaims = {
  sub: 'dept',
  role: 'PROTECTION_DEPARTMENT',
  sectors: ['ENERGY', 'FINANCE', 'WATER'],
};
const POLICE_LINGCHUAN = { sub: 'police-lc', role: 'COUNTY_POLICE', division: '140524' } as const;

const SYSTEMS: [string, string, string, number][] = [
  ['alpha', 'Alpha', 'op-a', 3],
  ['bravo', 'Bravo', 'op-b', 2],
  ['charlie', 'Charlie', 'op-b', 4],
  ['delta', 'Delta', 'op-b', 2],
  ['echo', 'Echo', 'op-a', 2],
  ['foxtrot', 'Foxtrot', 'op-c', 2],
  ['golf', 'Golf', 'op-b', 3],
  ['hotel', 'Hotel', 'op-b', 3],
  ['india', 'India', 'op-c', 3],
  ['juliet', 'Juliet', 'op-b', 3],
  ['kilo', 'Kilo', 'op-a', 2],
  ['lima', 'Lima', 'op-a', 1],
  ['mike', 'Mike', 'op-b', 2],
  ['november', 'November', 'op-a', 2],
  ['oscar', 'Oscar', 'op-a', 2],
  ['papa', 'Papa', 'op-a', 2],
  ['quebec', 'Quebec', 'op-b', 2],
  ['romeo', 'Romeo', 'op-a', 3],
];

/** [id, from, to] CONNECTS_TO links (ids order the tie-breaks). */
const LINKS: [string, string, string, string | null][] = [
  ['l-01', 'alpha', 'juliet', null],
  ['l-02', 'juliet', 'kilo', null],
  ['l-03', 'kilo', 'lima', null],
  ['l-04', 'lima', 'mike', null],
  ['l-05', 'mike', 'november', null],
  ['l-06', 'november', 'oscar', null],
  ['l-07', 'oscar', 'papa', null],
  ['l-08', 'kilo', 'alpha', null],
  ['l-09', 'alpha', 'quebec', null],
  ['l-10', 'charlie', 'quebec', null],
  ['l-11', 'echo', 'juliet', null],
  ['l-12', 'echo', 'romeo', 'YESTERDAY'],
];

beforeAll(async () => {
  const run = (cypher: string, params: Record<string, unknown> = {}) =>
    db.driver.executeQuery(cypher, { ...params, yesterday: YESTERDAY }, { database: db.config.database });
  await run(
    `CREATE (a:Operator {id: 'op-a', name: '城区电力', uscc: '91140500MA0K000058', divisionCode: '140502', sectorCode: 'ENERGY', inDevelopmentZone: false})
     CREATE (b:Operator {id: 'op-b', name: '阳城银行', uscc: '91140500MA0K000066', divisionCode: '140522', sectorCode: 'FINANCE', inDevelopmentZone: false})
     CREATE (c:Operator {id: 'op-c', name: '高平水务', uscc: '91140500MA0K000074', divisionCode: '140581', sectorCode: 'WATER', inDevelopmentZone: false})
     WITH *
     UNWIND $systems AS s
     MATCH (o:Operator {id: s[2]})
     CREATE (o)-[:OPERATES]->(:System {id: s[0], name: s[1], protectionLevel: s[3], status: 'LIVE'})`,
    { systems: SYSTEMS },
  );
  await run(
    `UNWIND $links AS l
     MATCH (a:System {id: l[1]}), (b:System {id: l[2]})
     CREATE (a)-[:CONNECTS_TO {id: l[0], from: date('2020-01-01'), to: CASE WHEN l[3] IS NULL THEN null ELSE date($yesterday) END, protocol: 'tcp', port: 443}]->(b)`,
    { links: LINKS },
  );
  await run(
    `MATCH (alpha:System {id: 'alpha'}), (bravo:System {id: 'bravo'}), (charlie:System {id: 'charlie'}),
           (delta:System {id: 'delta'}), (echo:System {id: 'echo'}), (foxtrot:System {id: 'foxtrot'}),
           (golf:System {id: 'golf'}), (hotel:System {id: 'hotel'}), (india:System {id: 'india'}),
           (kilo:System {id: 'kilo'}), (lima:System {id: 'lima'})
     WITH *, date('2020-01-01') AS d0
     CREATE (v:Vendor {id: 'v-main', name: 'Main Vendor', uscc: '91140500MA0K0001XX', registrationStatus: 'REGISTERED'})
     CREATE (s1:Vendor {id: 'v-s1', name: 'Sub One', uscc: 'S1', registrationStatus: 'REGISTERED'})
     CREATE (s2:Vendor {id: 'v-s2', name: 'Sub Two', uscc: 'S2', registrationStatus: 'REGISTERED'})
     CREATE (s3:Vendor {id: 'v-s3', name: 'Sub Three', uscc: 'S3', registrationStatus: 'REGISTERED'})
     CREATE (s4:Vendor {id: 'v-s4', name: 'Sub Four', uscc: 'S4', registrationStatus: 'REGISTERED'})
     CREATE (s5:Vendor {id: 'v-s5', name: 'Sub Five', uscc: 'S5', registrationStatus: 'REGISTERED'})
     CREATE (s6:Vendor {id: 'v-s6', name: 'Sub Six', uscc: 'S6', registrationStatus: 'REGISTERED'})
     CREATE (v)-[:SUBCONTRACTS_TO {id: 'sc-1', from: d0}]->(s1)-[:SUBCONTRACTS_TO {id: 'sc-2', from: d0}]->(s2)
            -[:SUBCONTRACTS_TO {id: 'sc-3', from: d0}]->(s3)-[:SUBCONTRACTS_TO {id: 'sc-4', from: d0}]->(s4)
            -[:SUBCONTRACTS_TO {id: 'sc-5', from: d0}]->(s5)-[:SUBCONTRACTS_TO {id: 'sc-6', from: d0}]->(s6)
     CREATE (v)-[:SERVES {id: 'sv-alpha', from: d0, kind: 'OPERATIONS', remote: false}]->(alpha)
     CREATE (v)-[:SERVES {id: 'sv-bravo', from: d0, to: date($yesterday), kind: 'REMOTE_OPERATIONS', remote: true}]->(bravo)
     CREATE (s1)-[:SERVES {id: 'sv-foxtrot-1', from: d0, kind: 'TECHNICAL_SERVICE', remote: true}]->(foxtrot)
     CREATE (s2)-[:SERVES {id: 'sv-foxtrot-2', from: d0, kind: 'OPERATIONS', remote: false}]->(foxtrot)
     CREATE (s3)-[:SERVES {id: 'sv-golf', from: d0, kind: 'MONITORING', remote: false}]->(golf)
     CREATE (s6)-[:SERVES {id: 'sv-hotel', from: d0, kind: 'OPERATIONS', remote: false}]->(hotel)
     CREATE (zhang:Person {id: 'p-zhang', name: '张三', residentIdMasked: '140502********0019'})
     CREATE (li:Person {id: 'p-li', name: '李四', residentIdMasked: '140502********0027'})
     CREATE (wang:Person {id: 'p-wang', name: '王五', residentIdMasked: '140502********0035'})
     CREATE (zhang)-[:WORKS_FOR {id: 'wf-zhang', from: d0, keyPosition: true}]->(v)
     CREATE (li)-[:WORKS_FOR {id: 'wf-li', from: d0, to: date($yesterday), keyPosition: false}]->(v)
     CREATE (wang)-[:WORKS_FOR {id: 'wf-wang', from: d0, keyPosition: false}]->(s2)
     CREATE (zhang)-[:HAS_ACCESS {id: 'ac-charlie', from: d0, kind: 'REMOTE'}]->(charlie)
     CREATE (zhang)-[:HAS_ACCESS {id: 'ac-echo', from: d0, kind: 'ONSITE'}]->(echo)
     CREATE (li)-[:HAS_ACCESS {id: 'ac-delta', from: d0, kind: 'ONSITE'}]->(delta)
     CREATE (wang)-[:HAS_ACCESS {id: 'ac-india', from: d0, kind: 'PRIVILEGED'}]->(india)
     CREATE (fw:Product {id: 'pr-fw', name: 'Firewall'})
     CREATE (v)-[:SUPPLIES {id: 'su-fw', from: d0}]->(fw)<-[:USES {id: 'us-echo', from: d0}]-(echo)
     CREATE (cf:CriticalInfrastructure {id: 'cii-fin', name: '阳城支付', sectorCode: 'FINANCE'})
     CREATE (ct:CriticalInfrastructure {id: 'cii-tel', name: '城区通信', sectorCode: 'TELECOM'})
     CREATE (charlie)-[:PART_OF {id: 'm-charlie', from: d0}]->(cf)
     CREATE (kilo)-[:PART_OF {id: 'm-kilo', from: d0}]->(ct)
     CREATE (:Exposure {id: 'x-1', ip: '203.0.113.10', ipKey: $k1, port: 443, protocol: 'tcp', firstSeen: d0, lastSeen: d0})-[:EXPOSES]->(echo)
     CREATE (:Exposure {id: 'x-2', ip: '198.51.100.7', ipKey: $k2, port: 22, protocol: 'tcp', firstSeen: d0, lastSeen: d0})-[:EXPOSES]->(alpha)
     CREATE (:Exposure {id: 'x-3', ip: '198.51.100.7', ipKey: $k2, port: 8080, protocol: 'tcp', firstSeen: d0, lastSeen: d0})-[:EXPOSES]->(lima)`,
    { k1: ipKey('203.0.113.10'), k2: ipKey('198.51.100.7') },
  );
});

const NODE = 'type id name';
const REACH = /* GraphQL */ `
  query Reach($vendorId: ID!, $maxHops: Int, $via: [ReachChannel!], $asOf: Date, $first: Int, $after: String) {
    vendorReach(vendorId: $vendorId, maxHops: $maxHops, via: $via, asOf: $asOf, first: $first, after: $after) {
      vendor { name }
      maxHops
      asOf
      summary {
        systems ciiSystems levelThreeOrAbove remoteEntries
        bySector { key count } byLevel { key count } byDivision { key count }
      }
      systems {
        edges {
          cursor
          node {
            system { name operator { name } divisionCode }
            hops entryChannel remoteEntry protectionLevel isCii sectorCode
            path { kind from { ${NODE} } to { ${NODE} } reversed validFrom validTo detail }
          }
        }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  }
`;

interface PathNode {
  type: string;
  id: string | null;
  name: string | null;
}
interface Hop {
  kind: string;
  from: PathNode;
  to: PathNode;
  reversed: boolean;
  validFrom: string | null;
  validTo: string | null;
  detail: string | null;
}
interface Reached {
  system: { name: string; operator: { name: string }; divisionCode: string };
  hops: number;
  entryChannel: string;
  remoteEntry: boolean;
  protectionLevel: number | null;
  isCii: boolean;
  sectorCode: string | null;
  path: Hop[];
}
interface ReachData {
  vendorReach: {
    vendor: { name: string };
    maxHops: number;
    asOf: string;
    summary: Record<string, unknown>;
    systems: {
      edges: { cursor: string; node: Reached }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    };
  } | null;
}

async function reach(variables: Record<string, unknown> = {}, claims?: Parameters<typeof gql>[2]) {
  const r = await gql<ReachData>(REACH, { vendorId: VENDOR, ...variables }, claims);
  expect(r.errors).toBeUndefined();
  return { ...r, reach: r.data?.vendorReach ?? null };
}

const names = (r: Awaited<ReturnType<typeof reach>>) =>
  r.reach?.systems.edges.map((e) => `${e.node.system.name}@${e.node.hops}`) ?? [];
const byName = (r: Awaited<ReturnType<typeof reach>>, name: string) =>
  r.reach?.systems.edges.find((e) => e.node.system.name === name)?.node;
/** A path as `Kind:from>to` steps with node names (placeholders as `?Type`). */
const steps = (node: Reached | undefined) =>
  node?.path.map((h) => {
    const n = (x: PathNode) => x.name ?? (x.id ? `#${x.type}` : `?${x.type}`);
    return `${h.kind}:${n(h.from)}>${n(h.to)}`;
  });

describe('vendorReach — systems, hops and channels', () => {
  it('reaches the hand-computed systems today with maxHops 2, ordered by hops then name', async () => {
    const r = await reach();
    expect(r.reach?.vendor.name).toBe('Main Vendor');
    expect(r.reach?.maxHops).toBe(2);
    expect(r.reach?.asOf).toBe(TODAY);
    expect(names(r)).toEqual([
      'Alpha@0',
      'Charlie@0',
      'Echo@0',
      'Foxtrot@0',
      'Golf@0',
      'India@0',
      'Juliet@1',
      'Quebec@1',
      'Kilo@2',
    ]);
    const channels = Object.fromEntries(
      r.reach?.systems.edges.map((e) => [e.node.system.name, [e.node.entryChannel, e.node.remoteEntry]]) ??
        [],
    );
    expect(channels).toEqual({
      Alpha: ['SERVICE', false],
      Charlie: ['PERSONNEL_ACCESS', true],
      Echo: ['PERSONNEL_ACCESS', false],
      Foxtrot: ['SUBCONTRACTOR_SERVICE', true],
      Golf: ['SUBCONTRACTOR_SERVICE', false],
      India: ['SUBCONTRACTOR_PERSONNEL_ACCESS', false],
      Juliet: ['SERVICE', false],
      Quebec: ['SERVICE', false],
      Kilo: ['SERVICE', false],
    });
  });

  it('each channel alone reaches exactly its systems', async () => {
    const via = async (channel: string) => names(await reach({ via: [channel] }));
    expect(await via('SERVICE')).toEqual(['Alpha@0', 'Juliet@1', 'Quebec@1', 'Kilo@2']);
    expect(await via('PERSONNEL_ACCESS')).toEqual(['Charlie@0', 'Echo@0', 'Juliet@1', 'Quebec@1', 'Kilo@2']);
    expect(await via('PRODUCT')).toEqual(['Echo@0', 'Juliet@1', 'Kilo@2']);
    expect(await via('SUBCONTRACTOR_SERVICE')).toEqual(['Foxtrot@0', 'Golf@0']);
    expect(await via('SUBCONTRACTOR_PERSONNEL_ACCESS')).toEqual(['India@0']);
    expect(names(await reach({ via: [] }))).toEqual([]);
  });

  it('maxHops 0, 1, 2 and 6 grow the set; Papa (7 hops) is never reached', async () => {
    const at = async (maxHops: number) => names(await reach({ maxHops }));
    const entered = ['Alpha@0', 'Charlie@0', 'Echo@0', 'Foxtrot@0', 'Golf@0', 'India@0'];
    expect(await at(0)).toEqual(entered);
    expect(await at(1)).toEqual([...entered, 'Juliet@1', 'Quebec@1']);
    expect(await at(2)).toEqual([...entered, 'Juliet@1', 'Quebec@1', 'Kilo@2']);
    expect(await at(6)).toEqual([
      ...entered,
      'Juliet@1',
      'Quebec@1',
      'Kilo@2',
      'Lima@3',
      'Mike@4',
      'November@5',
      'Oscar@6',
    ]);
  });

  it('maxHops 7 is a BAD_USER_INPUT error and runs no Cypher', async () => {
    const SMALL = 'query($h: Int) { vendorReach(vendorId: "VENDOR", maxHops: $h) { summary { systems } } }';
    const r = await gql(SMALL.replace('VENDOR', VENDOR), { h: 7 });
    expect(r.errors?.[0]?.message).toBe('maxHops: must be from 0 to 6, got 7');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.statements).toEqual([]);
    // With the full selection the cost limit (2^7 × the subtree) refuses it first: no Cypher either.
    const full = await gql(REACH, { vendorId: VENDOR, maxHops: 7 });
    expect(full.errors?.length).toBe(1);
    expect(full.statements).toEqual([]);
    const negative = await gql(REACH, { vendorId: VENDOR, maxHops: -1 });
    expect(negative.errors?.[0]?.message).toBe('maxHops: must be from 0 to 6, got -1');
  });
});

describe('vendorReach — explaining paths', () => {
  it('gives one shortest path per system with kinds, names, windows and details', async () => {
    const r = await reach();
    // Registrar: sees everything, personal names included.
    expect(steps(byName(r, 'Alpha'))).toEqual(['SERVES:Main Vendor>Alpha']);
    expect(byName(r, 'Alpha')?.path[0]).toMatchObject({
      validFrom: '2020-01-01',
      validTo: null,
      detail: 'OPERATIONS',
      reversed: false,
    });
    expect(steps(byName(r, 'Charlie'))).toEqual(['WORKS_FOR:Main Vendor>张三', 'HAS_ACCESS:张三>Charlie']);
    expect(byName(r, 'Charlie')?.path.map((h) => [h.reversed, h.detail])).toEqual([
      [true, null],
      [false, 'REMOTE'],
    ]);
    expect(byName(r, 'Charlie')?.path[0]?.from.id).toBe(VENDOR);
    expect(byName(r, 'Charlie')?.path[0]?.to.id).toBe(encodeGlobalID('Person', 'p-zhang'));
    // Fewer entry hops: S1 (tier 1) beats S2 (tier 2) for Foxtrot.
    expect(steps(byName(r, 'Foxtrot'))).toEqual([
      'SUBCONTRACTS_TO:Main Vendor>Sub One',
      'SERVES:Sub One>Foxtrot',
    ]);
    expect(byName(r, 'Foxtrot')?.path[1]?.detail).toBe('TECHNICAL_SERVICE remote');
    // Three tiers deep.
    expect(steps(byName(r, 'Golf'))).toEqual([
      'SUBCONTRACTS_TO:Main Vendor>Sub One',
      'SUBCONTRACTS_TO:Sub One>Sub Two',
      'SUBCONTRACTS_TO:Sub Two>Sub Three',
      'SERVES:Sub Three>Golf',
    ]);
    expect(steps(byName(r, 'India'))).toEqual([
      'SUBCONTRACTS_TO:Main Vendor>Sub One',
      'SUBCONTRACTS_TO:Sub One>Sub Two',
      'WORKS_FOR:Sub Two>王五',
      'HAS_ACCESS:王五>India',
    ]);
    expect(steps(byName(r, 'Kilo'))).toEqual([
      'SERVES:Main Vendor>Alpha',
      'CONNECTS_TO:Alpha>Juliet',
      'CONNECTS_TO:Juliet>Kilo',
    ]);
    expect(byName(r, 'Kilo')?.path[1]?.detail).toBe('tcp/443');
  });

  it('breaks ties by channel order: SERVICE before PERSONNEL_ACCESS before PRODUCT', async () => {
    const r = await reach();
    // Quebec: Alpha→Quebec (SERVICE) and Charlie→Quebec (PERSONNEL_ACCESS), both one hop.
    expect(steps(byName(r, 'Quebec'))).toEqual(['SERVES:Main Vendor>Alpha', 'CONNECTS_TO:Alpha>Quebec']);
    // Juliet: Alpha→Juliet (SERVICE) and Echo→Juliet (PERSONNEL_ACCESS, PRODUCT), one hop each.
    expect(steps(byName(r, 'Juliet'))).toEqual(['SERVES:Main Vendor>Alpha', 'CONNECTS_TO:Alpha>Juliet']);
    // Echo: staff access and product supply, both direct: PERSONNEL_ACCESS wins.
    expect(steps(byName(r, 'Echo'))).toEqual(['WORKS_FOR:Main Vendor>张三', 'HAS_ACCESS:张三>Echo']);
    // PRODUCT alone: SUPPLIES then USES (walked against its direction).
    const product = await reach({ via: ['PRODUCT'] });
    expect(steps(byName(product, 'Echo'))).toEqual(['SUPPLIES:Main Vendor>Firewall', 'USES:Firewall>Echo']);
    expect(byName(product, 'Echo')?.path.map((h) => h.reversed)).toEqual([false, true]);
  });
});

describe('vendorReach — validity windows', () => {
  it('a service, an employment and a link that ended yesterday count last month, not today', async () => {
    const today = names(await reach());
    expect(today).not.toContain('Bravo@0');
    expect(today).not.toContain('Delta@0');
    const past = await reach({ asOf: LAST_MONTH });
    expect(names(past)).toEqual([
      'Alpha@0',
      'Bravo@0',
      'Charlie@0',
      'Delta@0',
      'Echo@0',
      'Foxtrot@0',
      'Golf@0',
      'India@0',
      'Juliet@1',
      'Quebec@1',
      'Romeo@1',
      'Kilo@2',
    ]);
    expect(byName(past, 'Bravo')).toMatchObject({ entryChannel: 'SERVICE', remoteEntry: true });
    expect(byName(past, 'Bravo')?.path[0]).toMatchObject({
      validTo: YESTERDAY,
      detail: 'REMOTE_OPERATIONS remote',
    });
    expect(steps(byName(past, 'Delta'))).toEqual(['WORKS_FOR:Main Vendor>李四', 'HAS_ACCESS:李四>Delta']);
    expect(steps(byName(past, 'Romeo'))).toEqual([
      'WORKS_FOR:Main Vendor>张三',
      'HAS_ACCESS:张三>Echo',
      'CONNECTS_TO:Echo>Romeo',
    ]);
    expect(past.reach?.summary.remoteEntries).toBe(3);
  });

  it('before the relationships began nothing is reached', async () => {
    const r = await reach({ asOf: '2019-12-31' });
    expect(names(r)).toEqual([]);
    expect(r.reach?.summary).toMatchObject({ systems: 0, bySector: [] });
  });

  it('a subcontract chain of 3 tiers is followed, 6 tiers is not (Hotel)', async () => {
    const r = await reach({ maxHops: 6 });
    expect(names(r)).toContain('Golf@0');
    expect(names(r).some((n) => n.startsWith('Hotel'))).toBe(false);
  });
});

describe('vendorReach — summary, pagination, statements', () => {
  it('summarises every reached system, not only the page', async () => {
    const r = await reach({ first: 2 });
    expect(r.reach?.summary).toEqual({
      systems: 9,
      ciiSystems: 2,
      levelThreeOrAbove: 5,
      remoteEntries: 2,
      bySector: [
        { key: 'ENERGY', count: 2 },
        { key: 'FINANCE', count: 4 },
        { key: 'TELECOM', count: 1 },
        { key: 'WATER', count: 2 },
      ],
      byLevel: [
        { key: '2', count: 4 },
        { key: '3', count: 4 },
        { key: '4', count: 1 },
      ],
      byDivision: [
        { key: '140502', count: 3 },
        { key: '140522', count: 4 },
        { key: '140581', count: 2 },
      ],
    });
    expect(byName(await reach(), 'Kilo')).toMatchObject({
      isCii: true,
      sectorCode: 'TELECOM',
      protectionLevel: 2,
    });
    expect(byName(await reach(), 'Alpha')).toMatchObject({
      isCii: false,
      sectorCode: 'ENERGY',
      system: { operator: { name: '城区电力' }, divisionCode: '140502' },
    });
  });

  it('pages with first/after in (hops, name, id) order', async () => {
    const p1 = await reach({ first: 2 });
    expect(names(p1)).toEqual(['Alpha@0', 'Charlie@0']);
    expect(p1.reach?.systems.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await reach({ first: 2, after: p1.reach?.systems.pageInfo.endCursor });
    expect(names(p2)).toEqual(['Echo@0', 'Foxtrot@0']);
    const p5 = await reach({ first: 4, after: p2.reach?.systems.edges[1]?.cursor });
    expect(names(p5)).toEqual(['Golf@0', 'India@0', 'Juliet@1', 'Quebec@1']);
    const last = await reach({ first: 4, after: p5.reach?.systems.pageInfo.endCursor });
    expect(names(last)).toEqual(['Kilo@2']);
    expect(last.reach?.systems.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.reach?.summary.systems).toBe(9);
  });

  it('runs a constant number of statements whatever the page size', async () => {
    // The vendor check, the ONE traversal (summary + page), then one batched loader per node type
    // on the page (systems, vendors, persons, products) and the operators: at most 7, never per row.
    const count = async (first: number) => (await reach({ first, maxHops: 6 })).statements.sort();
    const expected = [
      'operators/byIds',
      'persons/byIds',
      'reach/vendorReach#6',
      'systems/byIds',
      'vendors/byIds',
      'vendors/byIds',
    ];
    expect(await count(8)).toEqual(expected);
    expect(await count(50)).toEqual(expected);
    // A page without persons or subcontractors needs fewer loaders, never more.
    expect(await count(1)).toEqual([
      'operators/byIds',
      'reach/vendorReach#6',
      'systems/byIds',
      'vendors/byIds',
    ]);
  });

  it('answers null for an unknown vendor and rejects an id of another type', async () => {
    const unknown = await reach({ vendorId: encodeGlobalID('Vendor', 'nope') });
    expect(unknown.reach).toBeNull();
    expect(unknown.statements).toEqual(['vendors/byIds']);
    const wrong = await gql(REACH, { vendorId: encodeGlobalID('System', 'alpha') });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await gql(REACH, { vendorId: VENDOR, asOf: '2025-02-30' });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('vendorReach — jurisdiction', () => {
  it('a county police unit sees only its division, with placeholders for nodes outside', async () => {
    const r = await reach({}, POLICE_YANGCHENG);
    expect(names(r)).toEqual(['Charlie@0', 'Golf@0', 'Juliet@1', 'Quebec@1']);
    expect(r.reach?.summary).toEqual({
      systems: 4,
      ciiSystems: 1,
      levelThreeOrAbove: 3,
      remoteEntries: 1,
      bySector: [{ key: 'FINANCE', count: 4 }],
      byLevel: [
        { key: '2', count: 1 },
        { key: '3', count: 2 },
        { key: '4', count: 1 },
      ],
      byDivision: [{ key: '140522', count: 4 }],
    });
    // Alpha (城区) is outside: a placeholder, no id, no name. Police see personal names.
    expect(steps(byName(r, 'Juliet'))).toEqual(['SERVES:Main Vendor>?System', 'CONNECTS_TO:?System>Juliet']);
    expect(byName(r, 'Juliet')?.path[0]?.to).toEqual({ type: 'System', id: null, name: null });
    expect(steps(byName(r, 'Quebec'))).toEqual(['SERVES:Main Vendor>?System', 'CONNECTS_TO:?System>Quebec']);
    expect(steps(byName(r, 'Charlie'))).toEqual(['WORKS_FOR:Main Vendor>张三', 'HAS_ACCESS:张三>Charlie']);
  });

  it('a role without personal data sees persons on paths without their names', async () => {
    const r = await reach({}, PROTECTION_DEPT);
    expect(names(r)).toHaveLength(9);
    expect(steps(byName(r, 'Charlie'))).toEqual([
      'WORKS_FOR:Main Vendor>#Person',
      'HAS_ACCESS:#Person>Charlie',
    ]);
    expect(byName(r, 'Charlie')?.path[0]?.to.id).toBe(encodeGlobalID('Person', 'p-zhang'));
  });

  it('answers null when the vendor is not visible to the caller', async () => {
    const r = await reach({}, POLICE_LINGCHUAN);
    expect(r.reach).toBeNull();
    expect(r.statements).toEqual(['vendors/byIds']);
  });
});

const PATHS = /* GraphQL */ `
  query Paths($maxHops: Int, $minLevel: Int, $ciiOnly: Boolean, $asOf: Date, $first: Int, $after: String) {
    exposurePaths(maxHops: $maxHops, minLevel: $minLevel, ciiOnly: $ciiOnly, asOf: $asOf, first: $first, after: $after) {
      edges {
        node {
          exposure { ip port }
          target { name }
          hops
          path { kind from { ${NODE} } to { ${NODE} } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface PathsData {
  exposurePaths: {
    edges: {
      node: { exposure: { ip: string; port: number }; target: { name: string }; hops: number; path: Hop[] };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function paths(variables: Record<string, unknown> = {}, claims?: Parameters<typeof gql>[2]) {
  const r = await gql<PathsData>(PATHS, variables, claims);
  expect(r.errors).toBeUndefined();
  const rows =
    r.data?.exposurePaths.edges.map(
      (e) => `${e.node.exposure.ip}:${e.node.exposure.port}>${e.node.target.name}@${e.node.hops}`,
    ) ?? [];
  return { ...r, rows, conn: r.data?.exposurePaths };
}

describe('exposurePaths', () => {
  it('lists (exposure, target) rows by hops, address, target name', async () => {
    const r = await paths();
    expect(r.rows).toEqual([
      '198.51.100.7:22>Alpha@0',
      '198.51.100.7:22>Juliet@1',
      '203.0.113.10:443>Juliet@1',
      '198.51.100.7:22>Kilo@2',
      '203.0.113.10:443>Kilo@2',
    ]);
    const kilo = r.conn?.edges[4]?.node;
    expect(steps(kilo as unknown as Reached)).toEqual([
      'EXPOSES:203.0.113.10:443/tcp>Echo',
      'CONNECTS_TO:Echo>Juliet',
      'CONNECTS_TO:Juliet>Kilo',
    ]);
    expect(steps(r.conn?.edges[0]?.node as unknown as Reached)).toEqual([
      'EXPOSES:198.51.100.7:22/tcp>Alpha',
    ]);
  });

  it('filters by ciiOnly, minLevel, maxHops and asOf', async () => {
    expect((await paths({ ciiOnly: true })).rows).toEqual([
      '198.51.100.7:22>Kilo@2',
      '203.0.113.10:443>Kilo@2',
    ]);
    expect((await paths({ maxHops: 0 })).rows).toEqual(['198.51.100.7:22>Alpha@0']);
    expect((await paths({ maxHops: 0, minLevel: 4 })).rows).toEqual([]);
    expect((await paths({ maxHops: 1, minLevel: 1 })).rows).toEqual([
      '198.51.100.7:22>Alpha@0',
      '198.51.100.7:8080>Lima@0',
      '203.0.113.10:443>Echo@0',
      '198.51.100.7:22>Juliet@1',
      '198.51.100.7:22>Quebec@1',
      '198.51.100.7:8080>Mike@1',
      '203.0.113.10:443>Juliet@1',
    ]);
    // Echo → Romeo (level 3) ended yesterday: counts last month only.
    expect((await paths({ maxHops: 1, asOf: LAST_MONTH })).rows).toEqual([
      '198.51.100.7:22>Alpha@0',
      '198.51.100.7:22>Juliet@1',
      '203.0.113.10:443>Juliet@1',
      '203.0.113.10:443>Romeo@1',
    ]);
    const bad = await gql(PATHS, { maxHops: 7 });
    expect(bad.errors?.[0]?.message).toBe('maxHops: must be from 0 to 6, got 7');
    expect(bad.statements).toEqual([]);
  });

  it('pages with first/after', async () => {
    const p1 = await paths({ first: 2 });
    expect(p1.rows).toEqual(['198.51.100.7:22>Alpha@0', '198.51.100.7:22>Juliet@1']);
    expect(p1.conn?.pageInfo.hasNextPage).toBe(true);
    const p2 = await paths({ first: 3, after: p1.conn?.pageInfo.endCursor });
    expect(p2.rows).toEqual([
      '203.0.113.10:443>Juliet@1',
      '198.51.100.7:22>Kilo@2',
      '203.0.113.10:443>Kilo@2',
    ]);
    expect(p2.conn?.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps to the jurisdiction: exposed system and target in scope, placeholders between', async () => {
    const r = await paths({}, POLICE_CHENGQU);
    expect(r.rows).toEqual(['198.51.100.7:22>Alpha@0', '198.51.100.7:22>Kilo@2', '203.0.113.10:443>Kilo@2']);
    expect(steps(r.conn?.edges[2]?.node as unknown as Reached)).toEqual([
      'EXPOSES:203.0.113.10:443/tcp>Echo',
      'CONNECTS_TO:Echo>?System',
      'CONNECTS_TO:?System>Kilo',
    ]);
    expect((await paths({}, POLICE_YANGCHENG)).rows).toEqual([]);
  });
});
