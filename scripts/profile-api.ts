/**
 * Where the API's time goes for one request, beside the same statements replayed raw (the bench's
 * RecordingDb and RawReplayer): N requests of the vendor-reach query (4 hops, first 50) for a
 * median vendor (7 SERVES) of the bench database — or, with `supply`, of `System.supplyChain(depth:
 * 3)` for a level-3 system with two or more vendors — then N raw replays, twice, printing wall time
 * and Node CPU per request for each. A diagnostic, not a benchmark: run `npm run bench -- --keep-running`
 * (or `--skip-load --keep-running`) first, and `node --cpu-prof --import tsx scripts/profile-api.ts`
 * to see the functions.
 *
 *   npm run profile:api -- [requests=200] [api|raw|both] [supply]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLObjectType, getNamedType } from 'graphql';
import { schema } from '../schema/index.js';
import { buildApp } from '../server/app.js';
import { issueToken } from '../server/auth.js';
import { loadConfig } from '../server/config.js';
import { RawReplayer, RecordingDb, waves } from './bench/measure.js';
import { autoSelection } from './bench/queries.js';
import { INSTANCES, startNeo4j } from './neo4j.js';

const requests = Number(process.argv[2] ?? 200);
const only = process.argv[3] === 'api' || process.argv[3] === 'raw' ? process.argv[3] : undefined;
const kind = process.argv.includes('supply') ? 'supply' : 'reach';
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'error',
  SEED_DEMO: 'false',
  NEO4J_LOCAL_BOLT_PORT: String(INSTANCES.bench.boltPort),
  AUTH_JWT_SECRET: 'profile-api-secret-0123456789abcdef0123',
  RESIDENT_ID_HASH_KEY: 'profile-api-resident-id-key',
});
if (!process.env.NEO4J_URI) await startNeo4j(INSTANCES.bench);
const db = new RecordingDb(config.neo4j);
const auditDir = mkdtempSync(join(tmpdir(), 'profile-api-audit-'));
const app = buildApp({
  schema,
  db,
  config: {
    ...config,
    hardening: { ...config.hardening, rateLimitPerMinute: 0 },
    audit: { ...config.audit, directory: auditDir },
  },
});
const raw = RawReplayer.create(
  config.neo4j.uri,
  config.neo4j.user,
  config.neo4j.password,
  config.neo4j.database,
  config.neo4j.transactionTimeoutMs,
);

try {
  const pick = async (cypher: string) => {
    const picked = await db.driver.executeQuery(cypher, {}, { database: config.neo4j.database });
    const id = picked.records[0]?.get('id') as string | undefined;
    if (!id) throw new Error('no bench data (run npm run bench -- --keep-running first)');
    return id;
  };
  let body: string;
  let subject: string;
  if (kind === 'supply') {
    const chain = (schema.getType('System') as GraphQLObjectType).getFields().supplyChain;
    if (!chain) throw new Error('System.supplyChain is not in the schema');
    const systemId = await pick(
      'MATCH (s:System {protectionLevel: 3}) WHERE COUNT { (s)<-[:SERVES]-() } >= 2 RETURN s.id AS id ORDER BY id LIMIT 1',
    );
    subject = `system ${systemId}`;
    body = JSON.stringify({
      query: `query ProfileSupplyChain($systemId: ID!) { node(id: $systemId) { ... on System { id supplyChain(depth: 3) ${autoSelection(getNamedType(chain.type))} } } }`,
      variables: { systemId: encodeGlobalID('System', systemId) },
    });
  } else {
    const reach = schema.getQueryType()?.getFields().vendorReach;
    if (!reach) throw new Error('vendorReach is not in the schema');
    const vendorId = await pick(
      'MATCH (v:Vendor) WHERE COUNT { (v)-[:SERVES]->() } = 7 RETURN v.id AS id ORDER BY id LIMIT 1',
    );
    subject = `vendor ${vendorId}`;
    body = JSON.stringify({
      query: `query ProfileReach($vendorId: ID!, $maxHops: Int, $first: Int) { vendorReach(vendorId: $vendorId, maxHops: $maxHops, first: $first) ${autoSelection(getNamedType(reach.type))} }`,
      variables: { vendorId: encodeGlobalID('Vendor', vendorId), maxHops: 4, first: 50 },
    });
  }
  const token = await issueToken(config.auth, { sub: 'profile', role: 'CITY_POLICE' });
  const api = async () => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
      },
      body,
    });
    const answer = (await res.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  };
  const { captured } = await db.capture(api);
  const plan = waves(captured);
  const replay = async () => {
    await raw.replay(plan);
  };
  for (let i = 0; i < 20; i++) {
    await api();
    await replay();
  }

  const rows: string[] = [
    '| round | mode | requests | p50 ms | wall ms/request | Node CPU ms/request |',
    '|--:|---|--:|--:|--:|--:|',
  ];
  const measure = async (round: number, mode: string, f: () => Promise<void>) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      await f();
      times.push(performance.now() - t);
    }
    const wall = (performance.now() - started) / requests;
    const cpu = process.cpuUsage(cpuBefore);
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    rows.push(
      `| ${round} | ${mode} | ${requests} | ${p50.toFixed(1)} | ${wall.toFixed(1)} | ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} |`,
    );
  };
  for (let round = 1; round <= 2; round++) {
    if (only !== 'api') await measure(round, 'raw', replay);
    if (only !== 'raw') await measure(round, 'api', api);
  }
  console.log(`${subject}: ${captured.length} statements/transactions per request\n`);
  console.log(rows.join('\n'));
} finally {
  await raw.driver.close();
  await db.close();
  rmSync(auditDir, { recursive: true, force: true });
}
