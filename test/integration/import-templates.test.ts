/** The shipped templates (Chinese headers, one example row each) import in dependency order. */
import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../server/auth.js';
import { createContext } from '../../server/context.js';
import { INVENTORY_ENTITIES } from '../../server/import/inventory/columns.js';
import { importInventory } from '../../server/import/inventory/run.js';
import { testDb } from '../support/harness.js';

describe('import templates', () => {
  it('every template imports as is, in dependency order (operators → systems → vendors → services → persons → …), twice', async () => {
    const { db, config } = testDb();
    await db.driver.executeQuery(
      "CREATE (s:Sector {id: 's-water', code: 'WATER', name: '水利', nameEn: 'Water'})<-[:RESPONSIBLE_FOR]-(:ProtectionDepartment {id: 'd-water', name: '晋城市水务局'})",
      {},
      {
        database: config.neo4j.database,
      },
    );
    const ctx = createContext(db, config, principalFromClaims({ sub: 'import-test', role: 'REGISTRAR' }));
    const run = (entity: (typeof INVENTORY_ENTITIES)[number]) =>
      importInventory(ctx, {
        entity,
        input: { path: new URL(`../../templates/${entity}.csv`, import.meta.url).pathname },
        fileName: `${entity}.csv`,
        format: 'csv',
      });
    // Example rows per template: one, or two where a relationship template needs two ends.
    const examples = (entity: (typeof INVENTORY_ENTITIES)[number]) =>
      ({ vendors: 2, systems: 2 })[entity as string] ?? 1;
    for (const entity of INVENTORY_ENTITIES) {
      expect(await run(entity), entity).toMatchObject({
        rows: examples(entity),
        badRowCount: 0,
        created: examples(entity),
        wasWritten: true,
      });
    }
    for (const entity of INVENTORY_ENTITIES) {
      expect(await run(entity), entity).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: examples(entity),
      });
    }
    const result = await db.driver.executeQuery(
      `MATCH (v:Vendor)-[r:SERVES]->(s:System)<-[:OPERATES]-(o:Operator)-[:IN_SECTOR]->(sec:Sector)
       RETURN v.name AS vendor, r.kind AS kind, s.name AS system, s.protectionLevel AS level, o.name AS operator, sec.code AS sector`,
      {},
      { database: config.neo4j.database },
    );
    expect(result.records.map((r) => r.toObject())).toEqual([
      {
        vendor: '山西示例网络安全技术有限公司',
        kind: 'REMOTE_OPERATIONS',
        system: '供水调度系统',
        level: 3,
        operator: '晋城市示例供水有限公司',
        sector: 'WATER',
      },
    ]);
  });
});
