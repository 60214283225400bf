/**
 * The project's own Neo4j: fetch (Maven), configure, start, wait for Bolt, status, stop.
 *
 * Maven Central does not carry the Neo4j server tarball, so scripts/neo4j-launcher runs Neo4j
 * Community's engine (org.neo4j:neo4j) embedded, with its Bolt connector on 127.0.0.1. Jars are
 * cached in .neo4j/lib, data lives in .neo4j/<instance>/ (both git-ignored).
 *
 *   tsx scripts/neo4j.ts fetch | start | stop | status  [--instance dev|test]
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { LOCAL_NEO4J } from '../server/config.js';

const root = new URL('..', import.meta.url).pathname;
const cacheDir = join(root, '.neo4j');
const libDir = join(cacheDir, 'lib');
const launcherDir = join(root, 'scripts', 'neo4j-launcher');
const NEO4J_VERSION = '5.26.30';

export interface Instance {
  name: string;
  boltPort: number;
  password: string;
  /** JVM heap and page cache; the defaults suit the one dev/test instance of a 2-core/24 GiB machine. */
  heap?: string;
  pageCache?: string;
}

export const INSTANCES = {
  dev: { name: 'dev', boltPort: LOCAL_NEO4J.boltPort, password: LOCAL_NEO4J.password },
  test: { name: 'test', boltPort: 7688, password: LOCAL_NEO4J.password },
  /** `npm run bench`: its own data directory, wiped by every run; sized for the ~1M-relationship graph. */
  bench: { name: 'bench', boltPort: 7690, password: LOCAL_NEO4J.password, heap: '6g', pageCache: '4g' },
} satisfies Record<string, Instance>;

/**
 * The n-th test instance: 0 is `test`; further ones (for test runs going on at the same time on one
 * machine, each needing an empty database of its own) are smaller.
 */
export function testInstance(n: number): Instance {
  if (n === 0) return INSTANCES.test;
  return {
    name: `test-${n}`,
    boltPort: INSTANCES.test.boltPort + 10 + n,
    password: LOCAL_NEO4J.password,
    heap: '1g',
    pageCache: '256m',
  };
}

const dirOf = (i: Instance) => join(cacheDir, i.name);
const pidFile = (i: Instance) => join(dirOf(i), 'neo4j.pid');
const logFile = (i: Instance) => join(dirOf(i), 'neo4j.log');
const stampFile = join(libDir, '.complete');

function log(message: string) {
  console.error(`[neo4j] ${message}`);
}

/** Downloads Neo4j and builds the launcher once; later calls find the cache and return at once. */
export function fetchNeo4j(): void {
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === NEO4J_VERSION) return;
  log(`fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (first run only)…`);
  rmSync(libDir, { recursive: true, force: true });
  mkdirSync(libDir, { recursive: true });
  const mvn = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(launcherDir, 'pom.xml'),
      'package',
      'dependency:copy-dependencies',
      `-Dneo4j.version=${NEO4J_VERSION}`,
      `-DoutputDirectory=${libDir}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  if (mvn.error)
    throw new Error(`could not run Maven (mvn): ${mvn.error.message}. Install Java 17+ and Maven.`);
  if (mvn.status !== 0) throw new Error(`Maven failed with exit code ${mvn.status}`);
  const jar = join(launcherDir, 'target', 'neo4j-launcher-1.0.0.jar');
  writeFileSync(join(libDir, 'neo4j-launcher.jar'), readFileSync(jar));
  writeFileSync(stampFile, NEO4J_VERSION);
}

function readPid(i: Instance): number | null {
  if (!existsSync(pidFile(i))) return null;
  const pid = Number(readFileSync(pidFile(i), 'utf8').trim());
  if (!Number.isInteger(pid)) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function boltAnswers(i: Instance): Promise<boolean> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${i.boltPort}`, neo4j.auth.basic('neo4j', i.password), {
    connectionTimeout: 1_000,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** True when something accepts TCP connections on the loopback port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether this checkout's instance is running (its recorded process is alive). */
export const isRunning = (i: Instance) => readPid(i) !== null;

/** Starts the instance unless it runs already; resolves once Bolt answers. */
export async function startNeo4j(i: Instance, timeoutMs = 180_000): Promise<void> {
  fetchNeo4j();
  if (readPid(i) !== null && (await boltAnswers(i))) {
    log(`${i.name} instance already running on bolt://127.0.0.1:${i.boltPort}`);
    return;
  }
  if (readPid(i) === null && (await portInUse(i.boltPort))) {
    throw new Error(
      `port ${i.boltPort} is taken by another process; stop it, or give the port of a Neo4j to use in NEO4J_URI`,
    );
  }
  mkdirSync(dirOf(i), { recursive: true });
  const out = openSync(logFile(i), 'a');
  const heap = process.env.NEO4J_HEAP ?? i.heap ?? '4g';
  const child = spawn(
    'java',
    [
      '-Xms1g',
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      // What Neo4j's own start script passes (neo4j.conf server.jvm.additional): without these the
      // page cache runs in its reflection-less "fallback mode" and native file advice fails.
      '-XX:-OmitStackTraceInFastThrow',
      '-XX:+UnlockExperimentalVMOptions',
      '-XX:+TrustFinalNonStaticFields',
      '-XX:+DisableExplicitGC',
      '-Djdk.nio.maxCachedBufferSize=1024',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dlog4j2.disable.jmx=true',
      '-cp',
      `${libDir}/*`,
      'registry.neo4j.Launcher',
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NEO4J_HOME_DIR: join(dirOf(i), 'data'),
        NEO4J_BOLT_PORT: String(i.boltPort),
        NEO4J_PASSWORD: i.password,
        // 2 cores / 24 GiB: 4 GiB heap + 2 GiB page cache leave room for Node, tests and benchmarks.
        NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? i.pageCache ?? '2g',
        NEO4J_TX_TIMEOUT_SECONDS: process.env.NEO4J_TX_TIMEOUT_SECONDS ?? '120',
      },
    },
  );
  closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error('could not start java');
  writeFileSync(pidFile(i), String(child.pid));
  log(`${i.name} instance starting (pid ${child.pid}, log ${logFile(i)})…`);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (readPid(i) === null) {
      const tail = readFileSync(logFile(i), 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`Neo4j exited during start-up. Last lines of ${logFile(i)}:\n${tail}`);
    }
    if (await boltAnswers(i)) {
      log(`${i.name} instance ready on bolt://127.0.0.1:${i.boltPort} after ${Date.now() - started} ms`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `Neo4j did not answer on port ${i.boltPort} within ${timeoutMs / 1000} s (see ${logFile(i)})`,
  );
}

/** Stops the instance cleanly (SIGTERM → the engine's shutdown hook); SIGKILL only after 60 s. */
export async function stopNeo4j(i: Instance): Promise<void> {
  const pid = readPid(i);
  if (pid === null) {
    log(`${i.name} instance is not running`);
    return;
  }
  process.kill(pid, 'SIGTERM');
  const started = Date.now();
  while (readPid(i) !== null) {
    if (Date.now() - started > 60_000) {
      log(`${i.name} instance did not stop within 60 s; killing it`);
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(pidFile(i), { force: true });
  log(`${i.name} instance stopped after ${Date.now() - started} ms`);
}

export async function statusOf(i: Instance): Promise<string> {
  const pid = readPid(i);
  if (pid === null) return `${i.name}: stopped`;
  const answering = await boltAnswers(i);
  return `${i.name}: running (pid ${pid}) on bolt://127.0.0.1:${i.boltPort}, Bolt ${answering ? 'answering' : 'not answering'}`;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const flag = rest.indexOf('--instance');
  const name = flag >= 0 ? rest[flag + 1] : 'dev';
  const extra = /^test-(\d+)$/.exec(name ?? '');
  const instance = extra ? testInstance(Number(extra[1])) : INSTANCES[name as keyof typeof INSTANCES];
  if (!instance) throw new Error(`--instance must be dev, test or test-N`);
  switch (command) {
    case 'fetch':
      fetchNeo4j();
      log(`Neo4j ${NEO4J_VERSION} is in ${libDir}`);
      break;
    case 'start':
      await startNeo4j(instance);
      break;
    case 'stop':
      await stopNeo4j(instance);
      break;
    case 'status':
      console.log(await statusOf(instance));
      break;
    default:
      throw new Error('usage: tsx scripts/neo4j.ts fetch|start|stop|status [--instance dev|test]');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
