import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import { countByLabel } from '../../server/maintenance.js';
import { testDb } from '../support/db.js';

const { db, config } = testDb();
const data = generateDemoData();

const EXPECTED = {
  'node:Sector': 10,
  'node:ProtectionDepartment': 10,
  'node:PoliceUnit': 7,
  'node:Operator': 62,
  'node:System': 295,
  'node:CriticalInfrastructure': 25,
  'node:Vendor': 42,
  'node:Person': 400,
  'node:BackgroundCheck': 351,
  'node:Product': 60,
  'node:Exposure': 152,
  'node:Assessment': 782,
  'node:Finding': 471,
  'node:SupervisedRectification': 9,
  'node:ChangeFiling': 32,
  'relationship:OPERATES': 295,
  'relationship:PART_OF': 54,
  'relationship:SERVES': 1188,
  'relationship:SUBCONTRACTS_TO': 28,
  'relationship:WORKS_FOR': 424,
  'relationship:HAS_ACCESS': 1201,
  'relationship:HAS_CHECK': 351,
  'relationship:SUPPLIES': 87,
  'relationship:USES': 681,
  'relationship:CONNECTS_TO': 249,
  'relationship:ASSESSES': 782,
  'relationship:FOUND': 471,
  'relationship:UNDER_SUPERVISION': 9,
  'relationship:HAS_CHANGE': 32,
  'relationship:IDENTIFIED': 25,
};

describe('demo data', () => {
  it('loads the whole city into an empty database', async () => {
    await loadDemoData(db, data, config.residentIdKey);
    const counts = await countByLabel(db);
    expect(counts).toMatchObject(EXPECTED);
    expect(counts['relationship:EXPOSES']).toBe(data.exposures.filter((e) => e.systemId).length);
  });

  it('is idempotent: loading again changes no count', async () => {
    const before = await countByLabel(db);
    await loadDemoData(db, data, config.residentIdKey);
    expect(await countByLabel(db)).toEqual(before);
  });

  it('stores no resident ID number in clear', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (p:Person) RETURN properties(p) AS p',
      {},
      {
        database: config.neo4j.database,
      },
    );
    const stored = JSON.stringify(records.map((r) => r.get('p')));
    for (const person of data.persons.slice(0, 50)) expect(stored).not.toContain(person.residentId);
    expect(Object.keys(records[0]?.get('p') ?? {}).sort()).toEqual([
      'id',
      'name',
      'residentIdHash',
      'residentIdMasked',
    ]);
  });
});
