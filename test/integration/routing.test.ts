/**
 * `neo4j://` URIs (cluster routing) work: reads go out with READ routing and writes with WRITE,
 * against the same real server the other tests use.
 */
import { describe, expect, it } from 'vitest';
import { maintenance } from '../../server/cypher.generated.js';
import { Db } from '../../server/neo4j.js';
import { testDb } from '../support/db.js';

describe('neo4j:// routing', () => {
  it('reads and writes through a routing driver', async () => {
    const { config } = testDb();
    const routed = new Db({ ...config.neo4j, uri: config.neo4j.uri.replace(/^bolt/, 'neo4j') });
    try {
      const modes: string[] = [];
      routed.onStatement((name, mode) => modes.push(`${mode}:${name}`));
      await routed.run(maintenance.deleteDataBatch, { batch: 10 });
      const [row] = await routed.run(maintenance.countData, {});
      expect(row).toEqual({ nodes: 0, relationships: 0 });
      expect(modes).toEqual(['write:maintenance/deleteDataBatch', 'read:maintenance/countData']);
      expect(await routed.ping()).toBe(true);
    } finally {
      await routed.close();
    }
  });
});
