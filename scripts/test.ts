/**
 * The test command. Without NEO4J_URI it starts the project's own test Neo4j (port 7688, data in
 * .neo4j/test) and points the integration tests at it; with NEO4J_URI it uses that server and
 * fetches nothing. Extra arguments go to vitest (e.g. `npm test -- test/unit`).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Instance, isRunning, portInUse, startNeo4j, stopNeo4j, testInstance } from './neo4j.js';

const root = new URL('..', import.meta.url).pathname;

/**
 * Integration files wipe the database, so two test runs at once on one machine must not share a
 * Neo4j: each run takes the first test instance whose lock is free (held by a live process).
 */
function lockHolderAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(lock, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

async function claimInstance(): Promise<{ index: number; instance: Instance; release: () => void }> {
  for (let n = 0; n < 8; n++) {
    const instance = testInstance(n);
    const dir = join(root, '.neo4j', 'locks');
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, `${instance.name}.lock`);
    // A port held by a process that is not this checkout's instance belongs to someone else.
    if (!isRunning(instance) && (await portInUse(instance.boltPort))) continue;
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { index: n, instance, release: () => rmSync(lock, { force: true }) };
    } catch {
      if (!lockHolderAlive(lock)) {
        rmSync(lock, { force: true });
        n--; // try the same instance again
      }
    }
  }
  throw new Error('all 8 test Neo4j instances are in use');
}

const env = { ...process.env };
const ownNeo4j = !env.NEO4J_URI;
let release = () => {};
let instance = testInstance(0);
if (ownNeo4j) {
  const claimed = await claimInstance();
  ({ instance, release } = claimed);
  process.on('exit', () => release());
  await startNeo4j(instance);
  env.NEO4J_URI = `bolt://127.0.0.1:${instance.boltPort}`;
  env.NEO4J_USER = 'neo4j';
  env.NEO4J_PASSWORD = instance.password;
  env.NEO4J_DATABASE = 'neo4j';
  // Tests that stop and restart a Neo4j of their own may run (they cannot do that to a NEO4J_URI server).
  env.REGISTRY_OWN_NEO4J = 'true';
  // The outage test's own Neo4j pairs with the claimed instance, so concurrent checkouts never share a port.
  env.REGISTRY_OUTAGE_INSTANCE = String(claimed.index + 8);
}
env.RESIDENT_ID_HASH_KEY ??= 'integration-test-resident-id-key';
env.AUTH_JWT_SECRET ??= 'integration-test-jwt-secret-0123456789abcdef';

const reportFile = join(root, 'test-results', 'vitest.json');
rmSync(reportFile, { force: true });
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);
// One plain closing line that any CI can read, whatever vitest printed above it.
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  console.log(
    `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
  );
} catch {
  console.log('tests: 0 passed, 1 failed (vitest wrote no report)');
}
// CI leaves nothing running; on a developer machine the instance stays up for the next run.
if (ownNeo4j && env.CI) await stopNeo4j(instance);
release();
process.exit(result.status ?? 1);
