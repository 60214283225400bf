/**
 * The test command. Without NEO4J_URI it starts the project's own test Neo4j (port 7688, data in
 * .neo4j/test) and points the integration tests at it; with NEO4J_URI it uses that server and
 * fetches nothing. Extra arguments go to vitest (e.g. `npm test -- test/unit`).
 */
import { spawnSync } from 'node:child_process';
import { INSTANCES, startNeo4j, stopNeo4j } from './neo4j.js';

const env = { ...process.env };
const ownNeo4j = !env.NEO4J_URI;
if (ownNeo4j) {
  const instance = INSTANCES.test;
  await startNeo4j(instance);
  env.NEO4J_URI = `bolt://127.0.0.1:${instance.boltPort}`;
  env.NEO4J_USER = 'neo4j';
  env.NEO4J_PASSWORD = instance.password;
  env.NEO4J_DATABASE = 'neo4j';
}
env.RESIDENT_ID_HASH_KEY ??= 'integration-test-resident-id-key';

const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
// CI leaves nothing running; on a developer machine the instance stays up for the next run.
if (ownNeo4j && env.CI) await stopNeo4j(INSTANCES.test);
process.exit(result.status ?? 1);
