/**
 * Compiled execution (graphql-jit) keeps graphql-js's answers for bad variables: the scalar's own
 * reason, every bad variable named, suggestions in development, nothing sent to Neo4j (every other
 * integration test runs its documents through the compiled path).
 */
import { describe, expect, it } from 'vitest';
import { loadHardeningConfig } from '../../server/hardening.js';
import { testApp } from '../support/harness.js';

const { gql } = testApp({ hardening: loadHardeningConfig({}, []) });

const REACH = `query ($vendorId: ID!, $asOf: Date, $maxHops: Int, $via: [ReachChannel!]) {
  vendorReach(vendorId: $vendorId, asOf: $asOf, maxHops: $maxHops, via: $via) { maxHops }
}`;

describe('variables of a compiled document', () => {
  it("answers with the scalar's own reason and runs no statement", async () => {
    const r = await gql(REACH, { vendorId: 'x', asOf: 20250101 });
    expect(r.data).toBeUndefined();
    expect(r.errors?.map((e) => e.message)).toEqual([
      'Variable "$asOf" got invalid value 20250101; Date must be a string YYYY-MM-DD',
    ]);
    expect(r.statements).toEqual([]);
  });

  it('names every bad variable, with a suggestion for a misspelt enum value', async () => {
    const r = await gql(REACH, { vendorId: 'x', maxHops: 'four', via: ['SERVICES'] });
    expect(r.errors?.map((e) => e.message)).toEqual([
      'Variable "$maxHops" got invalid value "four"; Int cannot represent non-integer value: "four"',
      'Variable "$via" got invalid value "SERVICES" at "via[0]"; Value "SERVICES" does not exist in "ReachChannel" enum. Did you mean the enum value "SERVICE"?',
    ]);
    expect(r.statements).toEqual([]);
  });
});
