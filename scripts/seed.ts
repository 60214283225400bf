/**
 * Loads the demo data into the configured Neo4j (`npm run seed`). Refuses a database that holds
 * data unless `--replace` is given, which wipes it first.
 */
import { loadConfig } from '../server/config.js';
import { countData, deleteAllData } from '../server/maintenance.js';
import { migrate } from '../server/migrate.js';
import { Db } from '../server/neo4j.js';
import { generateDemoData } from './demo/generate.js';
import { loadDemoData } from './demo/load.js';

const config = loadConfig();
const db = new Db(config.neo4j);
try {
  await migrate(db);
  const { nodes } = await countData(db);
  if (nodes > 0 && !process.argv.includes('--replace')) {
    console.error(`the database holds ${nodes} nodes; run with --replace to wipe it and load the demo data`);
    process.exitCode = 1;
  } else {
    if (nodes > 0) await deleteAllData(db);
    const counts = await loadDemoData(db, generateDemoData(), config.residentIdKey);
    console.table(counts);
  }
} finally {
  await db.close();
}
