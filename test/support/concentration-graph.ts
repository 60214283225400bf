/**
 * The hand-built graph shared by the concentration and sector-map tests.
 *
 * T = today (Asia/Shanghai), Y = yesterday, M = 30 days ago; every window starts 2020-01-01.
 * Operators (sector, division): E1 (ENERGY, 140522), E2 (ENERGY, 140524), E3 (ENERGY, 140525),
 * F1 (FINANCE, 140522), X (FINANCE, 140502), W (WATER, 140581).
 *
 *   system  level operator  CII (PART_OF)
 *   s-e1a   3     E1        cii-grid (ENERGY)
 *   s-e1b   2     E1        cii-grid, ended Y
 *   s-e2a   4     E2        cii-gas (ENERGY)
 *   s-e2b   3     E2        —
 *   s-e3    1     E3        cii-grid, ended Y
 *   s-f1a   3     F1        cii-bank (FINANCE)
 *   s-x     2     X         cii-gas (ENERGY CII of a FINANCE operator)
 *   s-w5    3     W         cii-water (WATER)
 *   s-w6    3     W         cii-water2 (WATER)
 *
 *   Alpha ──SERVES──▶ s-e1a, s-e2a
 *     └─SUBCONTRACTS_TO─▶ Sub1 ──SERVES──▶ s-f1a                     (tier 1)
 *                          └─SUBCONTRACTS_TO─▶ Sub2 ◀─WORKS_FOR─ p-s2 ─HAS_ACCESS─▶ s-e2b   (tier 2)
 *   Beta ◀─WORKS_FOR─ p-b ─HAS_ACCESS─▶ s-e1a ;  Beta ──SERVES──▶ s-x
 *   Delta ──SERVES──▶ s-e1a, s-x
 *   Gamma ──SERVES──▶ s-e1b ;  Gamma ──SERVES (ended Y)──▶ s-e2a
 *     └─SUBCONTRACTS_TO (ended Y)─▶ Sub1
 *   W0 ─▶ W1 ─▶ W2 ─▶ W3 ─▶ W4 ─▶ W5 ─▶ W6   (SUBCONTRACTS_TO chain)
 *   W5 ──SERVES──▶ s-w5 ;  W6 ──SERVES──▶ s-w6   (W0 reaches s-w5 at tier 5, not s-w6 at tier 6)
 */
import type { Config } from '../../server/config.js';
import type { Db } from '../../server/neo4j.js';

export async function createConcentrationGraph(db: Db, config: Config, yesterday: string): Promise<void> {
  await db.driver.executeQuery(
    `UNWIND [['ENERGY', '能源'], ['FINANCE', '金融'], ['WATER', '水利']] AS s
     CREATE (:Sector {id: 'sector-' + s[0], code: s[0], name: s[1], nameEn: s[0]})
     WITH count(*) AS sectors
     UNWIND [['E1', 'ENERGY', '140522'], ['E2', 'ENERGY', '140524'], ['E3', 'ENERGY', '140525'],
             ['F1', 'FINANCE', '140522'], ['X', 'FINANCE', '140502'], ['W', 'WATER', '140581']] AS o
     MATCH (sector:Sector {code: o[1]})
     CREATE (:Operator {id: 'op-' + o[0], name: o[0] + ' 运营者', uscc: 'USCC-' + o[0], divisionCode: o[2],
       sectorCode: o[1], inDevelopmentZone: false})-[:IN_SECTOR]->(sector)
     WITH count(*) AS operators
     UNWIND [['e1a', 'E1', 3], ['e1b', 'E1', 2], ['e2a', 'E2', 4], ['e2b', 'E2', 3], ['e3', 'E3', 1],
             ['f1a', 'F1', 3], ['x', 'X', 2], ['w5', 'W', 3], ['w6', 'W', 3]] AS s
     MATCH (o:Operator {id: 'op-' + s[1]})
     CREATE (o)-[:OPERATES]->(:System {id: 's-' + s[0], name: 'System ' + s[0], status: 'LIVE', protectionLevel: s[2]})
     WITH count(*) AS systems
     UNWIND [['grid', 'ENERGY'], ['gas', 'ENERGY'], ['bank', 'FINANCE'], ['water', 'WATER'], ['water2', 'WATER']] AS c
     MATCH (sector:Sector {code: c[1]})
     CREATE (:CriticalInfrastructure {id: 'cii-' + c[0], name: 'CII ' + c[0], sectorCode: c[1],
       identifiedOn: date('2020-01-01')})-[:IN_SECTOR]->(sector)
     WITH count(*) AS cii
     UNWIND [['e1a', 'grid', null], ['e1b', 'grid', $yesterday], ['e3', 'grid', $yesterday], ['e2a', 'gas', null],
             ['x', 'gas', null], ['f1a', 'bank', null], ['w5', 'water', null], ['w6', 'water2', null]] AS m
     MATCH (s:System {id: 's-' + m[0]}), (c:CriticalInfrastructure {id: 'cii-' + m[1]})
     CREATE (s)-[:PART_OF {id: 'member-' + m[0], from: date('2020-01-01'), to: date(m[2])}]->(c)
     WITH count(*) AS memberships
     UNWIND ['Alpha', 'Beta', 'Delta', 'Gamma', 'Sub1', 'Sub2', 'W0', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6'] AS name
     CREATE (:Vendor {id: 'v-' + toLower(name), name: name, uscc: 'V-' + name, registrationStatus: 'REGISTERED'})
     WITH count(*) AS vendors
     UNWIND [['alpha', 'e1a', null], ['alpha', 'e2a', null], ['sub1', 'f1a', null], ['beta', 'x', null],
             ['delta', 'e1a', null], ['delta', 'x', null], ['gamma', 'e1b', null], ['gamma', 'e2a', $yesterday],
             ['w5', 'w5', null], ['w6', 'w6', null]] AS r
     MATCH (v:Vendor {id: 'v-' + r[0]}), (s:System {id: 's-' + r[1]})
     CREATE (v)-[:SERVES {id: 'svc-' + r[0] + '-' + r[1], kind: 'OPERATIONS', remote: false,
       from: date('2020-01-01'), to: date(r[2])}]->(s)
     WITH count(*) AS services
     UNWIND [['alpha', 'sub1', null], ['sub1', 'sub2', null], ['gamma', 'sub1', $yesterday], ['w0', 'w1', null],
             ['w1', 'w2', null], ['w2', 'w3', null], ['w3', 'w4', null], ['w4', 'w5', null], ['w5', 'w6', null]] AS k
     MATCH (a:Vendor {id: 'v-' + k[0]}), (b:Vendor {id: 'v-' + k[1]})
     CREATE (a)-[:SUBCONTRACTS_TO {id: 'sub-' + k[0] + '-' + k[1], from: date('2020-01-01'), to: date(k[2])}]->(b)
     WITH count(*) AS subcontracts
     UNWIND [['s2', 'sub2', 'e2b'], ['b', 'beta', 'e1a']] AS p
     MATCH (v:Vendor {id: 'v-' + p[1]}), (s:System {id: 's-' + p[2]})
     CREATE (person:Person {id: 'p-' + p[0], name: '员工' + p[0], residentIdHash: 'hash-' + p[0],
       residentIdMasked: '140502********0000'})
     CREATE (person)-[:WORKS_FOR {id: 'emp-' + p[0], from: date('2020-01-01'), keyPosition: false}]->(v)
     CREATE (person)-[:HAS_ACCESS {id: 'acc-' + p[0], kind: 'ONSITE', from: date('2020-01-01')}]->(s)`,
    { yesterday },
    { database: config.neo4j.database },
  );
}
