/** The integration tests' Neo4j: the test instance started by `npm test`, or NEO4J_URI. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../server/config.js';
import { Db } from '../../server/neo4j.js';

let shared: { db: Db; config: Config } | undefined;

export function testDb(): { db: Db; config: Config } {
  if (!shared) {
    if (!process.env.NEO4J_URI) {
      throw new Error(
        'Integration tests need a Neo4j: run them with `npm test`, which starts one, or set NEO4J_URI',
      );
    }
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'error',
      GRAPHIQL: 'true',
      // Each test file writes its audit trail into a directory of its own, never the project's.
      AUDIT_DIR: mkdtempSync(join(tmpdir(), 'registry-audit-')),
    });
    shared = { db: new Db(config.neo4j), config };
  }
  return shared;
}
