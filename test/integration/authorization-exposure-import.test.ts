/**
 * Who sees address blocks, scans and scan entries: a two-county graph (operator A in 140522, sector
 * ENERGY; operator B in 140524, sector HEALTH), blocks declared by a system of each, one scan imported
 * by the city registrar and one by A's county registrar. Exact visible sets per role.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../schema/common.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp } from '../support/harness.js';

const { gql, db, config } = testApp();

const ROLES: Record<string, TokenClaims> = {
  CITY_POLICE: { sub: 'city-police', role: 'CITY_POLICE' },
  COUNTY_POLICE_A: { sub: 'police-a', role: 'COUNTY_POLICE', division: '140522' },
  COUNTY_POLICE_B: { sub: 'police-b', role: 'COUNTY_POLICE', division: '140524' },
  DEPARTMENT_ENERGY: { sub: 'energy', role: 'PROTECTION_DEPARTMENT', sectors: ['ENERGY'] },
  OPERATOR_B: { sub: 'ops-b', role: 'OPERATOR', operator: 'op-b' },
  REGISTRAR_A: { sub: 'registrar-a', role: 'REGISTRAR', division: '140522' },
  REGISTRAR_B: { sub: 'registrar-b', role: 'REGISTRAR', division: '140524' },
};

const CSV = 'ip,port\n203.0.113.1,443\n198.51.100.1,22\n192.0.2.1,80\n';
const ids: Record<string, string> = {};

beforeAll(async () => {
  await db.driver.executeQuery(
    `CREATE (a:Operator {id: 'op-a', name: 'A', divisionCode: '140522', sectorCode: 'ENERGY'})-[:OPERATES]->(:System {id: 'sys-a', name: 'A1'})
     CREATE (b:Operator {id: 'op-b', name: 'B', divisionCode: '140524', sectorCode: 'HEALTH'})-[:OPERATES]->(:System {id: 'sys-b', name: 'B1'})`,
    {},
    { database: config.neo4j.database },
  );
  const declare = /* GraphQL */ `
    mutation D($ownerId: ID!, $cidr: String!) {
      declareAddressBlock(ownerId: $ownerId, input: { cidr: $cidr }) {
        ... on MutationDeclareAddressBlockSuccess { data { id } }
      }
    }
  `;
  const a = await gql<{ declareAddressBlock: { data: { id: string } } }>(declare, {
    ownerId: encodeGlobalID('System', 'sys-a'),
    cidr: '203.0.113.0/24',
  });
  const b = await gql<{ declareAddressBlock: { data: { id: string } } }>(declare, {
    ownerId: encodeGlobalID('System', 'sys-b'),
    cidr: '198.51.100.0/24',
  });
  ids.blockA = a.data?.declareAddressBlock.data.id as string;
  ids.blockB = b.data?.declareAddressBlock.data.id as string;
  const imp = /* GraphQL */ `
    mutation I($content: String!) {
      importExposures(input: { source: SEARCH_ENGINE, fileName: "x.csv", content: $content }) {
        ... on MutationImportExposuresSuccess { data { scan { id rows } } }
      }
    }
  `;
  const city = await gql<{ importExposures: { data: { scan: { id: string; rows: number } } } }>(imp, {
    content: CSV,
  });
  ids.cityScan = city.data?.importExposures.data.scan.id as string;
  expect(city.data?.importExposures.data.scan.rows).toBe(3);
  const county = await gql<{ importExposures: { data: { scan: { id: string; rows: number } } } }>(
    imp,
    { content: CSV },
    ROLES.REGISTRAR_A,
  );
  ids.countyScan = county.data?.importExposures.data.scan.id as string;
  expect(county.data?.importExposures.data.scan.rows).toBe(1);
});

const QUERY = /* GraphQL */ `
  query V($blockA: ID!, $blockB: ID!, $cityScan: ID!, $countyScan: ID!) {
    blockA: node(id: $blockA) { id }
    blockB: node(id: $blockB) { id }
    cityScan: node(id: $cityScan) { ... on Scan { entries { edges { node { exposure { ip } } } } } }
    countyScan: node(id: $countyScan) { ... on Scan { entries { edges { node { exposure { ip } } } } } }
  }
`;

type Seen = { blockA: boolean; blockB: boolean; cityScan: string[] | null; countyScan: string[] | null };

const EXPECTED: Record<string, Seen> = {
  CITY_POLICE: {
    blockA: true,
    blockB: true,
    cityScan: ['192.0.2.1', '198.51.100.1', '203.0.113.1'],
    countyScan: ['203.0.113.1'],
  },
  COUNTY_POLICE_A: { blockA: true, blockB: false, cityScan: null, countyScan: ['203.0.113.1'] },
  COUNTY_POLICE_B: { blockA: false, blockB: true, cityScan: null, countyScan: null },
  DEPARTMENT_ENERGY: { blockA: true, blockB: false, cityScan: null, countyScan: null },
  OPERATOR_B: { blockA: false, blockB: true, cityScan: null, countyScan: null },
  REGISTRAR_A: { blockA: true, blockB: false, cityScan: null, countyScan: ['203.0.113.1'] },
  REGISTRAR_B: { blockA: false, blockB: true, cityScan: null, countyScan: null },
};

describe('address blocks and scans by role', () => {
  for (const [role, expected] of Object.entries(EXPECTED)) {
    it(`${role} sees exactly its part`, async () => {
      const r = await gql<
        Record<string, { id?: string; entries?: { edges: { node: { exposure: { ip: string } } }[] } } | null>
      >(QUERY, ids, ROLES[role]);
      expect(r.errors).toBeUndefined();
      const entries = (k: string) => r.data?.[k]?.entries?.edges.map((e) => e.node.exposure.ip) ?? null;
      expect({
        blockA: r.data?.blockA != null,
        blockB: r.data?.blockB != null,
        cityScan: entries('cityScan'),
        countyScan: entries('countyScan'),
      }).toEqual(expected);
    });
  }

  it('a county registrar cannot remove another county’s declaration', async () => {
    const r = await gql<{ removeAddressBlock: { __typename: string } }>(
      /* GraphQL */ `mutation R($id: ID!) { removeAddressBlock(id: $id) { __typename } }`,
      { id: ids.blockB },
      ROLES.REGISTRAR_A,
    );
    expect(r.data?.removeAddressBlock.__typename).toBe('NotFoundError');
  });

  it('non-writers cannot import', async () => {
    const r = await gql(
      /* GraphQL */ `mutation { importExposures(input: { source: NMAP, fileName: "x", content: "<x/>" }) { __typename } }`,
      {},
      ROLES.CITY_POLICE,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
