/**
 * Imports an exposure scan file (导入暴露面扫描结果) through the registry's own GraphQL API, run in
 * process: the same mutation (`importExposures`), the same authorization (the caller's bearer token,
 * a REGISTRAR) and the same audit trail (AUDIT_DIR) as a request over HTTP.
 *
 *   REGISTRY_TOKEN=$(npm run -s token -- --role REGISTRAR --sub me) \
 *     npm run import-exposures -- --source nmap|search-engine --file scan.xml [--label dmz]
 *
 * Prints the report: counts, then the bad rows, the unmatched, new and gone endpoints (all pages).
 * Exit code 0 when imported (bad rows are reported, not fatal), 1 when refused.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { schema } from '../schema/index.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { Db } from '../server/neo4j.js';

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    file: { type: 'string' },
    label: { type: 'string' },
    token: { type: 'string' },
  },
});
const sources: Record<string, string> = { nmap: 'NMAP', 'search-engine': 'SEARCH_ENGINE' };
const source = sources[values.source ?? ''];
const token = values.token ?? process.env.REGISTRY_TOKEN;
if (!source || !values.file || !token) {
  console.error(
    'usage: REGISTRY_TOKEN=… npm run import-exposures -- --source nmap|search-engine --file FILE [--label LABEL]',
  );
  process.exit(2);
}

const base = loadConfig();
// A scan file may be larger than an interactive request: allow 50 MB for this in-process call.
const config = { ...base, hardening: { ...base.hardening, maxBodyBytes: 60_000_000 } };
const db = new Db(config.neo4j);
const app = buildApp({ schema, db, config });

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is the query's, read field by field below
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data ?? {};
}

const IMPORT = `mutation Import($input: ImportExposuresInput!) {
  importExposures(input: $input) {
    __typename
    ... on MutationImportExposuresSuccess { data { alreadyImported badRows { location field value reason }
      scan { id fileName label jurisdiction rows created updated unchanged matched unmatched unknownOwner new gone badRows } } }
    ... on ValidationError { issues { field message } }
  }
}`;

const ENTRIES = `query Entries($id: ID!, $kind: ScanEntryKind, $status: ExposureMatchStatus, $after: String) {
  node(id: $id) { ... on Scan { entries(kind: $kind, status: $status, first: 500, after: $after) {
    edges { node { status exposure { ip port protocol domain service system { name filingNumber } } } }
    pageInfo { hasNextPage endCursor } } } }
}`;

async function printEntries(title: string, id: string, kind: string, status: string | null) {
  let after: string | null = null;
  const rows: Record<string, unknown>[] = [];
  do {
    const data = await gql(ENTRIES, { id, kind, status, after });
    const page = data.node?.entries;
    for (const edge of page?.edges ?? []) {
      const e = edge.node.exposure;
      rows.push({
        endpoint: `${e.ip}:${e.port}/${e.protocol}`,
        status: edge.node.status,
        domain: e.domain ?? '',
        service: e.service ?? '',
        system: e.system ? `${e.system.name} (${e.system.filingNumber ?? ''})` : '',
      });
    }
    after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  console.log(`\n${title}: ${rows.length}`);
  if (rows.length) console.table(rows);
}

try {
  const content = readFileSync(values.file, 'utf8');
  const data = await gql(IMPORT, {
    input: { source, fileName: basename(values.file), content, label: values.label ?? null },
  });
  const result = data.importExposures;
  if (result.__typename !== 'MutationImportExposuresSuccess') {
    console.error(`refused (${result.__typename}):`);
    for (const i of result.issues ?? []) console.error(`  ${i.field}: ${i.message}`);
    process.exitCode = 1;
  } else {
    const { scan, alreadyImported, badRows } = result.data;
    if (alreadyImported) console.log(`already imported as the latest scan of this scope: nothing changed`);
    const { id, ...counts } = scan;
    console.table(counts);
    if (badRows.length) {
      console.log(
        `\nbad rows: ${scan.badRows}${badRows.length < scan.badRows ? ` (first ${badRows.length})` : ''}`,
      );
      console.table(badRows);
    }
    if (!alreadyImported) {
      await printEntries('unmatched (未备案暴露面)', id, 'OBSERVED', 'UNMATCHED');
      await printEntries('unknown owner (归属不明)', id, 'OBSERVED', 'UNKNOWN_OWNER');
      await printEntries('new since the previous scan (新增)', id, 'NEW', null);
      await printEntries('gone since the previous scan (消失)', id, 'GONE', null);
    }
  }
} finally {
  await db.close();
}
