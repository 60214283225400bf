/**
 * The run command (`npm start`). Without NEO4J_URI: fetches and starts the project's own Neo4j,
 * migrates, loads the demo data into an empty database, and serves. With NEO4J_URI: uses that
 * server, fetches nothing, and seeds only when SEED_DEMO=true and the database is empty.
 */

import { issueToken } from '../server/auth.js';
import { type AuthConfig, ConfigError, loadConfig } from '../server/config.js';
import { installSignalHandlers, serve } from '../server/main.js';
import { countData } from '../server/maintenance.js';
import { ensureExplorerBuilt } from './build-explorer.js';
import { generateDemoData } from './demo/generate.js';
import { loadDemoData } from './demo/load.js';
import { INSTANCES, startNeo4j, stopNeo4j } from './neo4j.js';

/** One token per role over demo jurisdictions (Yangcheng county, the energy sector, …). */
async function demoRoleTokens(auth: AuthConfig) {
  const firstOperator = generateDemoData().operators.find((o) => o.divisionCode === '140522');
  return {
    CITY_POLICE: await issueToken(auth, { sub: 'demo-city-police', role: 'CITY_POLICE' }),
    COUNTY_POLICE: await issueToken(auth, {
      sub: 'demo-yangcheng-police',
      role: 'COUNTY_POLICE',
      division: '140522',
    }),
    PROTECTION_DEPARTMENT: await issueToken(auth, {
      sub: 'demo-energy-bureau',
      role: 'PROTECTION_DEPARTMENT',
      sectors: ['ENERGY'],
    }),
    OPERATOR: await issueToken(auth, {
      sub: 'demo-operator',
      role: 'OPERATOR',
      operator: firstOperator?.id ?? '',
    }),
    REGISTRAR: await issueToken(auth, { sub: 'demo-registrar', role: 'REGISTRAR' }),
    AUDITOR: await issueToken(auth, { sub: 'demo-auditor', role: 'AUDITOR' }),
  };
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

// The graph explorer (/explorer) is built by Vite when missing or older than its sources.
await ensureExplorerBuilt();

// NEO4J_LOCAL_BOLT_PORT moves the local instance off the default port.
const localNeo4j = { ...INSTANCES.dev, boltPort: Number(new URL(config.neo4j.uri).port) };
if (config.neo4j.local) await startNeo4j(localNeo4j);
// The local demo pre-fills GraphiQL with a city police token (read-only, sees personal data) and
// prints tokens for the other roles; with a real deployment, tokens come from scripts/issue-token.ts.
const demoTokens = config.auth.development ? await demoRoleTokens(config.auth) : null;
const running = await serve(
  config,
  console.log,
  demoTokens ? { Authorization: `Bearer ${demoTokens.CITY_POLICE}` } : undefined,
);

if (config.seedDemo) {
  const { nodes } = await countData(running.db);
  if (nodes === 0) {
    const started = Date.now();
    const counts = await loadDemoData(running.db, generateDemoData(), config.residentIdKey);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`loaded demo data (${total} nodes and relationships) in ${Date.now() - started} ms`);
  } else {
    console.log(`database holds ${nodes} nodes: demo data not loaded`);
  }
}
if (demoTokens) {
  console.log('demo tokens (8 h; GraphiQL already uses CITY_POLICE):');
  for (const [role, token] of Object.entries(demoTokens)) console.log(`  ${role}: Bearer ${token}`);
}
console.log(`ready: open ${running.url}/graphql, or the graph explorer at ${running.url}/explorer/`);

installSignalHandlers({
  ...running,
  stop: async () => {
    await running.stop();
    // The local Neo4j was started for this run: stop it too, unless asked to keep it.
    if (config.neo4j.local && !process.env.KEEP_NEO4J) await stopNeo4j(localNeo4j);
  },
});
