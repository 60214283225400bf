/** Applies pending schema migrations to the configured Neo4j (`npm run migrate`). */
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/migrate.js';
import { Db } from '../server/neo4j.js';

const config = loadConfig();
const db = new Db(config.neo4j);
try {
  const report = await migrate(db);
  console.log(
    report.applied.length
      ? `applied migrations ${report.applied.join(', ')}`
      : `nothing to do (${report.skipped.length} migrations already applied)`,
  );
} finally {
  await db.close();
}
