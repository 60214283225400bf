/**
 * Imports a CycloneDX JSON SBOM (软件物料清单) for a system through the registry's own GraphQL API, run in
 * process (same mutation `importSbom`, same authorization and audit trail as over HTTP).
 *
 *   REGISTRY_TOKEN=… npm run import-sbom -- --system <System global id> --file bom.json
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { schema } from '../schema/index.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { Db } from '../server/neo4j.js';

const { values } = parseArgs({
  options: { system: { type: 'string' }, file: { type: 'string' }, token: { type: 'string' } },
});
const token = values.token ?? process.env.REGISTRY_TOKEN;
if (!values.system || !values.file || !token) {
  console.error('usage: REGISTRY_TOKEN=… npm run import-sbom -- --system SYSTEM_ID --file BOM.json');
  process.exit(2);
}
const base = loadConfig();
const config = { ...base, hardening: { ...base.hardening, maxBodyBytes: 60_000_000 } };
const db = new Db(config.neo4j);
const app = buildApp({ schema, db, config });

const IMPORT = `mutation Sbom($systemId: ID!, $input: ImportSbomInput!) {
  importSbom(systemId: $systemId, input: $input) {
    __typename
    ... on MutationImportSbomSuccess { data { components productsCreated productsExisting usesCreated suppliesCreated
      vendorsMatched badComponents { location field value reason } } }
    ... on ValidationError { issues { field message } }
    ... on NotFoundError { message }
  }
}`;

try {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      query: IMPORT,
      variables: {
        systemId: values.system,
        input: { fileName: basename(values.file), content: readFileSync(values.file, 'utf8') },
      },
    }),
  });
  const body = (await response.json()) as {
    data?: { importSbom: Record<string, unknown> & { __typename: string } };
    errors?: { message: string }[];
  };
  const result = body.data?.importSbom;
  if (body.errors?.length || !result) {
    console.error(body.errors?.map((e) => e.message).join('; ') ?? 'no answer');
    process.exitCode = 1;
  } else if (result.__typename !== 'MutationImportSbomSuccess') {
    console.error(`refused (${result.__typename}):`, JSON.stringify(result.issues ?? result.message));
    process.exitCode = 1;
  } else {
    const { badComponents, ...counts } = result.data as { badComponents: unknown[] } & Record<string, number>;
    console.table(counts);
    if (badComponents.length) console.table(badComponents);
  }
} finally {
  await db.close();
}
