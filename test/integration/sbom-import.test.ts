/**
 * SBOM import of a CycloneDX file made by a real generator (cyclonedx-npm over this project's
 * lockfile, see test/fixtures/sbom/README.md) into a hand-made graph: operators in two counties,
 * one system each, and the vendor "Escape Technologies SAS" (its name written with other spacing/case).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp, testDb } from '../support/harness.js';

// The generated SBOM (115 kB) is larger than the default request limit (GRAPHQL_MAX_BODY_BYTES, 100 kB).
const base = testDb().config;
const { gql, db, config } = testApp({ hardening: { ...base.hardening, maxBodyBytes: 1_000_000 } });
const bom = readFileSync(new URL('../fixtures/sbom/registry.cdx.json', import.meta.url), 'utf8');
const badBom = readFileSync(new URL('../fixtures/sbom/bad-components.cdx.json', import.meta.url), 'utf8');
const REGISTRAR_B: TokenClaims = { sub: 'registrar-b', role: 'REGISTRAR', division: '140524' };

const IMPORT = /* GraphQL */ `
  mutation Sbom($systemId: ID!, $input: ImportSbomInput!) {
    importSbom(systemId: $systemId, input: $input) {
      __typename
      ... on MutationImportSbomSuccess {
        data { components productsCreated productsExisting usesCreated suppliesCreated vendorsMatched
          badComponents { location field value reason } }
      }
      ... on ValidationError { issues { field message } }
      ... on NotFoundError { field }
    }
  }
`;

const run = (text: string, params: Record<string, unknown> = {}) =>
  db.driver.executeQuery(text, params, { database: config.neo4j.database });

async function importBom(systemId: string, content: string, as?: TokenClaims) {
  const r = await gql<{ importSbom: Record<string, unknown> }>(
    IMPORT,
    { systemId: encodeGlobalID('System', systemId), input: { fileName: 'bom.json', content } },
    as,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.importSbom as { __typename: string; data?: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

beforeAll(async () => {
  await run(
    `CREATE (a:Operator {id: 'op-a', name: 'A', divisionCode: '140522', sectorCode: 'ENERGY'})-[:OPERATES]->(:System {id: 'sys-a', name: 'A1'})
     CREATE (b:Operator {id: 'op-b', name: 'B', divisionCode: '140524', sectorCode: 'HEALTH'})-[:OPERATES]->(:System {id: 'sys-b', name: 'B1'})
     CREATE (:Vendor {id: 'v-escape', name: 'escape  technologies sas', uscc: '91140500MA0L0000X1'})`,
  );
});

describe('CycloneDX SBOM import', () => {
  it('turns every component into a product the system uses, supplied by the matching vendor', async () => {
    const r = await importBom('sys-a', bom);
    expect(r.data).toEqual({
      components: 64,
      productsCreated: 64,
      productsExisting: 0,
      usesCreated: 64,
      suppliesCreated: 5,
      vendorsMatched: 1,
      badComponents: [],
    });
    const { records } = await run(
      `MATCH (v:Vendor {id: 'v-escape'})-[:SUPPLIES]->(p:Product)<-[:USES]-(:System {id: 'sys-a'})
       RETURN p.name AS name, p.version AS version, p.purl AS purl, p.supplier AS supplier ORDER BY name`,
    );
    expect(records.map((x) => x.toObject())[0]).toEqual({
      name: '@escape.tech/graphql-armor-block-field-suggestions',
      version: '3.0.1',
      purl: 'pkg:npm/%40escape.tech/graphql-armor-block-field-suggestions@3.0.1',
      supplier: 'Escape Technologies SAS',
    });
    expect(records.length).toBe(5);
  });

  it('is idempotent: importing again creates nothing', async () => {
    const r = await importBom('sys-a', bom);
    expect(r.data).toMatchObject({
      productsCreated: 0,
      productsExisting: 64,
      usesCreated: 0,
      suppliesCreated: 0,
    });
    const { records } = await run('MATCH (p:Product) RETURN count(p) AS n');
    expect(records[0]?.get('n').toNumber?.() ?? records[0]?.get('n')).toBe(64);
  });

  it('a second system shares the products', async () => {
    const r = await importBom('sys-b', bom);
    expect(r.data).toMatchObject({ productsCreated: 0, usesCreated: 64, suppliesCreated: 0 });
  });

  it('reports bad components and imports the others', async () => {
    const r = await importBom('sys-a', badBom);
    expect(r.data).toMatchObject({ components: 2, productsCreated: 0, usesCreated: 0 });
    expect(r.data?.badComponents).toEqual([
      { location: 'components[2]', field: 'name', value: null, reason: 'a component needs a name' },
      { location: 'components[3]', field: 'version', value: '3', reason: 'is not a string' },
      {
        location: 'components[4]',
        field: 'purl',
        value: 'http://example.com/y',
        reason: 'is not a package URL (pkg:…)',
      },
    ]);
  });

  it('a file that is not CycloneDX is a ValidationError; a system outside the jurisdiction is not found', async () => {
    const notBom = await importBom('sys-a', '{"bomFormat":"SPDX"}');
    expect(notBom).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.content', message: 'not a CycloneDX SBOM (bomFormat)' }],
    });
    const foreign = await importBom('sys-a', bom, REGISTRAR_B);
    expect(foreign).toMatchObject({ __typename: 'NotFoundError', field: 'systemId' });
  });
});
