/**
 * Serves the registry over HTTP: migrates (retrying until Neo4j answers), listens, and shuts down
 * gracefully on SIGTERM/SIGINT — stop accepting, let in-flight requests finish, close the driver.
 */
import { createServer, type Server } from 'node:http';
import { schema } from '../schema/index.js';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { migrate } from './migrate.js';
import { Db } from './neo4j.js';

const SHUTDOWN_GRACE_MS = 10_000;

export interface Running {
  server: Server;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

async function migrateWhenReachable(db: Db, log: (m: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const report = await migrate(db);
      if (report.applied.length) log(`applied schema migrations ${report.applied.join(', ')}`);
      return;
    } catch (error) {
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      log(
        `Neo4j not ready for migrations (${(error as Error).message.split('\n')[0]}); retrying in ${delay} ms`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export async function serve(
  config: Config,
  log: (m: string) => void = console.log,
  graphiqlHeaders?: Record<string, string>,
): Promise<Running> {
  const db = new Db(config.neo4j);
  const app = buildApp({ schema, db, config, graphiqlHeaders });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log(`registry listening on ${url}/graphql (GraphiQL ${config.graphiql ? 'on' : 'off'})`);
  // Serve /healthz at once; /readyz turns ready once migrations are in.
  await migrateWhenReachable(db, log);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log('shutting down: no new connections, waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections become idle as their last response ends: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearInterval(sweep);
      clearTimeout(forced);
      await db.close();
      log('stopped');
    })();
    return stopping;
  };
  return { server, db, url, stop };
}

export function installSignalHandlers(running: Running): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const running = await serve(loadConfig());
    installSignalHandlers(running);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
