import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  type CostOptions,
  loadHardeningConfig,
  queryCosts,
  rateLimitKey,
  sha256Hex,
  trustedDocumentId,
} from '../../server/hardening.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Query {
    operator(id: ID!): Operator
    operators(first: Int, last: Int, after: String): OperatorConnection!
    reach(from: ID!, maxHops: Int = 3): ReachConnection!
    vendorReach(vendor: ID!, maxHops: Int!, first: Int): VendorReach
    neighbours(id: ID!, depth: Int): [Operator!]!
    pagedDefault(first: Int = 10): OperatorConnection!
    node(id: ID!): Node
  }
  type Operator implements Node {
    id: ID!
    name: String!
    tags: [String!]!
    sector: Sector
    systems(first: Int): SystemConnection!
  }
  type Sector { code: String! name: String! }
  type System implements Node { id: ID! name: String! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type OperatorConnection { totalCount: Int! pageInfo: PageInfo! edges: [OperatorEdge!]! }
  type OperatorEdge { cursor: String! node: Operator! }
  type SystemConnection { edges: [SystemEdge!]! }
  type SystemEdge { node: System! }
  type ReachConnection { edges: [ReachEdge!]! }
  type VendorReach { summary: Sector! systems: SystemConnection! }
  type ReachEdge { node: Operator! }
`);

const cost = (query: string, options: CostOptions = {}) =>
  queryCosts(schema, parse(query), options).map((c) => c.cost);

describe('queryCosts', () => {
  it('prices scalar fields 1 and object fields 1 + their children', () => {
    // operator 1 + (id 1 + name 1 + tags 1 + sector (1 + 2)) = 7
    expect(cost('{ operator(id: "1") { id name tags sector { code name } } }')).toEqual([7]);
    expect(cost('{ __typename }')).toEqual([1]);
  });

  it('multiplies a connection subtree by its first argument', () => {
    // node 1+2 = 3, edges 1+3 = 4, children totalCount 1 + edges 4 = 5 → 1 + 10 × 5 = 51
    expect(cost('{ operators(first: 10) { totalCount edges { node { id name } } } }')).toEqual([51]);
    // without first: the default page size 50 → 1 + 50 × 5 = 251
    expect(cost('{ operators { totalCount edges { node { id name } } } }')).toEqual([251]);
    expect(cost('{ operators { totalCount edges { node { id name } } } }', { defaultPageSize: 20 })).toEqual([
      101,
    ]);
    // last is priced like first; first: 0 costs only the field itself
    expect(cost('{ operators(last: 4) { totalCount edges { node { id name } } } }')).toEqual([21]);
    expect(cost('{ operators(first: 0) { totalCount edges { node { id name } } } }')).toEqual([1]);
    // a schema default page size is used when first is absent
    expect(cost('{ pagedDefault { edges { node { id } } } }')).toEqual([1 + 10 * 3]);
  });

  it('multiplies nested connections', () => {
    // systems: node 2, edges 3 → 1 + 5 × 3 = 16; operator node 1 + 16 = 17; edges 18 → 1 + 10 × 18
    expect(
      cost('{ operators(first: 10) { edges { node { systems(first: 5) { edges { node { id } } } } } } }'),
    ).toEqual([181]);
    // 100000 × 100000: far beyond any maximum
    expect(
      cost(
        '{ operators(first: 100000) { edges { node { systems(first: 100000) { edges { node { id } } } } } } }',
      ),
    ).toEqual([1 + 100_000 * (1 + 1 + (1 + 100_000 * 3))]);
  });

  it('reads first from the variables sent, else the variable default, else the page default', () => {
    const q = 'query Q($n: Int = 20) { operators(first: $n) { edges { node { id } } } }';
    expect(cost(q)).toEqual([61]);
    expect(cost(q, { variables: { n: 100 } })).toEqual([301]);
    expect(cost(q, { variables: { n: null } })).toEqual([151]);
    expect(cost('query Q($n: Int) { operators(first: $n) { edges { node { id } } } }')).toEqual([151]);
  });

  it('prices hop bounds as 2^hops', () => {
    // edges: node 2 → 3; reach is a connection (50 by default) × 2^4 → 1 + 50 × 16 × 3
    expect(cost('{ reach(from: "x", maxHops: 4) { edges { node { id } } } }')).toEqual([2401]);
    // the schema default maxHops: 3 → 1 + 50 × 8 × 3
    expect(cost('{ reach(from: "x") { edges { node { id } } } }')).toEqual([1201]);
    // a list field with depth: 2^5 × (id 1 + name 1) + 1
    expect(cost('{ neighbours(id: "x", depth: 5) { id name } }')).toEqual([65]);
    expect(
      cost('query($d: Int) { neighbours(id: "x", depth: $d) { id } }', { variables: { d: 10 } }),
    ).toEqual([1025]);
  });

  it("prices a connection held by an object by the holder's first (vendorReach → systems)", () => {
    // systems: edges 1 + node (1 + id 1) = 3 → 1 + first × 3; summary 1 + 1; × 2^2 hops; + 1
    const q = (first: string) =>
      `{ vendorReach(vendor: "v", maxHops: 2${first}) { summary { code } systems { edges { node { id } } } } }`;
    expect(cost(q(', first: 500'))).toEqual([1 + 4 * (2 + (1 + 500 * 3))]);
    expect(cost(q(', first: 10'))).toEqual([1 + 4 * (2 + (1 + 10 * 3))]);
    // without first: the default page size, as for any connection
    expect(cost(q(''))).toEqual([1 + 4 * (2 + (1 + 50 * 3))]);
    // the page size reaches the holder's own fields only, not connections further down
    expect(
      cost(
        '{ vendorReach(vendor: "v", maxHops: 0, first: 7) { summary { code } } operators { edges { node { id } } } }',
      ),
    ).toEqual([1 + (1 + 1) + (1 + 50 * 3)]);
  });

  it('prices fragments where they are spread, inline fragments by their type', () => {
    const q = `
      { a: operator(id: "1") { ...F } b: operator(id: "2") { ...F }
        node(id: "3") { id ... on Operator { sector { code } } ... on System { name } } }
      fragment F on Operator { id name }`;
    // a 3, b 3, node 1 + (id 1 + sector 2 + name 1) = 5
    expect(cost(q)).toEqual([11]);
  });

  it('grows exponentially with a fragment bomb and ends on a fragment cycle', () => {
    const bomb = [
      '{ operator(id: "1") { ...F0 } }',
      ...Array.from({ length: 20 }, (_, i) => `fragment F${i} on Operator { ...F${i + 1} ...F${i + 1} }`),
      'fragment F20 on Operator { id }',
    ].join('\n');
    expect(cost(bomb)).toEqual([1 + 2 ** 20]);
    expect(
      cost(
        '{ operator(id: "1") { ...A } } fragment A on Operator { id ...B } fragment B on Operator { name ...A }',
      ),
    ).toEqual([3]);
  });

  it('prices the named operation only, when one is named', () => {
    const q =
      'query A { operator(id: "1") { id } } query B { operators(first: 2) { edges { node { id } } } }';
    expect(cost(q)).toEqual([2, 7]);
    expect(cost(q, { operationName: 'B' })).toEqual([7]);
  });

  it('tolerates fields the schema does not have (validation reports them)', () => {
    expect(cost('{ nope { a b } operator(id: "1") { nope { x } } }')).toEqual([3 + 3]);
  });
});

describe('loadHardeningConfig', () => {
  it('has the documented defaults', () => {
    const problems: string[] = [];
    expect(loadHardeningConfig({}, problems)).toEqual({
      production: false,
      introspection: true,
      maxDepth: 15,
      maxAliases: 30,
      maxTokens: 2000,
      maxDirectives: 20,
      maxCost: 200_000,
      defaultPageSize: 50,
      maxBodyBytes: 100_000,
      maxUploadBytes: 20_000_000,
      rateLimitPerMinute: 300,
      requestTimeoutMs: 20_000,
      trustProxy: false,
      trustedDocuments: null,
    });
    expect(problems).toEqual([]);
  });

  it('turns production on from NODE_ENV or REGISTRY_MODE, introspection off with it', () => {
    for (const env of [{ NODE_ENV: 'production' }, { REGISTRY_MODE: 'production' }]) {
      const config = loadHardeningConfig(env, []);
      expect(config.production).toBe(true);
      expect(config.introspection).toBe(false);
    }
    expect(
      loadHardeningConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, []).introspection,
    ).toBe(true);
  });

  it('reads every limit and names each bad value', () => {
    const problems: string[] = [];
    const config = loadHardeningConfig(
      {
        GRAPHQL_MAX_DEPTH: '8',
        GRAPHQL_MAX_ALIASES: 'many',
        GRAPHQL_MAX_COST: '-1',
        RATE_LIMIT_PER_MINUTE: '0',
        REQUEST_TIMEOUT_MS: '1.5',
        GRAPHQL_INTROSPECTION: 'maybe',
        REGISTRY_MODE: 'prod',
        DEFAULT_PAGE_SIZE: '25',
      },
      problems,
    );
    expect(config.maxDepth).toBe(8);
    expect(config.rateLimitPerMinute).toBe(0);
    expect(config.defaultPageSize).toBe(25);
    expect(problems).toEqual([
      'REGISTRY_MODE="prod" must be one of production, development, test',
      'GRAPHQL_INTROSPECTION="maybe" must be true or false',
      'GRAPHQL_MAX_ALIASES="many" must be an integer from 0 to 1000',
      'GRAPHQL_MAX_COST="-1" must be an integer from 1 to 1000000000',
      'REQUEST_TIMEOUT_MS="1.5" must be an integer from 10 to 600000',
    ]);
  });

  it('loads a trusted-documents manifest and checks its hashes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    const doc = '{ __typename }';
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ [sha256Hex(doc)]: doc, 'my-op': '{ sectors { totalCount } }' }));
    const problems: string[] = [];
    const documents = loadHardeningConfig({ TRUSTED_DOCUMENTS_FILE: good }, problems).trustedDocuments;
    expect(problems).toEqual([]);
    expect(documents?.get(sha256Hex(doc))).toBe(doc);
    expect(documents?.get('my-op')).toBe('{ sectors { totalCount } }');

    const bad = join(dir, 'bad.json');
    const wrong = 'a'.repeat(64);
    writeFileSync(bad, JSON.stringify({ [wrong]: doc, broken: '{ sectors {' }));
    const badProblems: string[] = [];
    loadHardeningConfig({ TRUSTED_DOCUMENTS_FILE: bad }, badProblems);
    expect(badProblems).toHaveLength(2);
    expect(badProblems[0]).toBe(
      `TRUSTED_DOCUMENTS_FILE="${bad}": "${wrong}" is not the sha256 of its document (that is ${sha256Hex(doc)})`,
    );
    expect(badProblems[1]).toMatch(/^TRUSTED_DOCUMENTS_FILE=".*": the document of "broken" does not parse/);

    const missing: string[] = [];
    loadHardeningConfig({ TRUSTED_DOCUMENTS_FILE: join(dir, 'none.json') }, missing);
    expect(missing[0]).toMatch(/^TRUSTED_DOCUMENTS_FILE=".*none\.json" must be a readable JSON file/);
    const array = join(dir, 'array.json');
    writeFileSync(array, '[]');
    const notObject: string[] = [];
    loadHardeningConfig({ TRUSTED_DOCUMENTS_FILE: array }, notObject);
    expect(notObject).toEqual([
      `TRUSTED_DOCUMENTS_FILE="${array}" must contain a JSON object mapping document hashes to GraphQL documents`,
    ]);
  });
});

describe('request keys', () => {
  it('keys the rate limit by a hash of the token, else by the client address', () => {
    const withToken = new Request('http://x/graphql', { headers: { authorization: 'Bearer abc' } });
    expect(rateLimitKey(withToken, {}, false)).toBe(`token:${sha256Hex('Bearer abc')}`);
    const anonymous = new Request('http://x/graphql', {
      headers: { 'x-forwarded-for': '1.2.3.4, 10.0.0.1' },
    });
    const node = { req: { socket: { remoteAddress: '10.9.9.9' } } };
    expect(rateLimitKey(anonymous, node, false)).toBe('address:10.9.9.9');
    expect(rateLimitKey(anonymous, node, true)).toBe('address:10.0.0.1');
    expect(rateLimitKey(anonymous, {}, false)).toBe('address:unknown');
  });

  it('finds the trusted-document id in extensions or documentId', () => {
    expect(trustedDocumentId({ extensions: { persistedQuery: { version: 1, sha256Hash: 'h' } } })).toBe('h');
    expect(trustedDocumentId({ documentId: 'sha256:h' } as never)).toBe('sha256:h');
    expect(trustedDocumentId({ query: '{ a }' })).toBeNull();
  });
});
