import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { OperatorsSystemsVendorsPersonnelDocument } from '../generated/graphql.js';
import { testApp, testDb } from '../support/harness.js';

// The walk is deliberately huge (200 × 50 × 20 × 50 rows could be asked for): lift the cost limit.
const base = testDb().config;
const { gql, db, config } = testApp({ hardening: { ...base.hardening, maxCost: 50_000_000 } });
const QUERY = print(OperatorsSystemsVendorsPersonnelDocument);

/** 200 operators, each with 2 systems served by 2 of 20 vendors, each vendor with 3 staff. */
beforeAll(async () => {
  await db.driver.executeQuery(
    `UNWIND range(0, 19) AS v
     CREATE (vendor:Vendor {id: 'vendor-' + v, name: 'Vendor ' + v, uscc: 'V' + v, registrationStatus: 'REGISTERED'})
     WITH vendor, v
     UNWIND range(0, 2) AS p
     CREATE (person:Person {id: 'person-' + v + '-' + p, name: 'Person ' + v + '-' + p,
       residentIdHash: 'h-' + v + '-' + p, residentIdMasked: '140502********001' + p})
     CREATE (person)-[:WORKS_FOR {id: 'emp-' + v + '-' + p, from: date('2020-01-01'), keyPosition: false}]->(vendor)`,
    {},
    { database: config.neo4j.database },
  );
  await db.driver.executeQuery(
    `UNWIND range(0, 199) AS o
     CREATE (op:Operator {id: 'op-' + o, name: 'Operator ' + right('000' + o, 3), uscc: 'U' + o,
       divisionCode: '140502', inDevelopmentZone: false})
     WITH op, o
     UNWIND range(0, 1) AS s
     CREATE (op)-[:OPERATES]->(sys:System {id: 'sys-' + o + '-' + s, name: 'System ' + o + '-' + s, status: 'LIVE',
       protectionLevel: 2})
     WITH sys, o, s
     UNWIND [(o + s) % 20, (o + s + 7) % 20] AS v
     MATCH (vendor:Vendor {id: 'vendor-' + v})
     CREATE (vendor)-[:SERVES {id: 'svc-' + o + '-' + s + '-' + v, kind: 'OPERATIONS', from: date('2020-01-01'),
       remote: false}]->(sys)`,
    {},
    { database: config.neo4j.database },
  );
});

interface Result {
  operators: {
    edges: {
      node: {
        systems: {
          edges: { node: { vendors: { edges: { node: { personnel: { edges: unknown[] } } }[] } } }[];
        };
      };
    }[];
  };
}

describe('operators → systems → vendors → personnel', () => {
  it('costs the same number of Cypher round trips for 5 operators as for 200', async () => {
    const small = await gql<Result>(QUERY, { first: 5 });
    const large = await gql<Result>(QUERY, { first: 200 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();

    // The data really was walked: 200 operators × 2 systems × 2 vendors × 3 persons.
    const ops = large.data?.operators.edges ?? [];
    expect(ops).toHaveLength(200);
    const systems = ops.flatMap((o) => o.node.systems.edges);
    expect(systems).toHaveLength(400);
    const vendors = systems.flatMap((s) => s.node.vendors.edges);
    expect(vendors).toHaveLength(800);
    expect(vendors.flatMap((v) => v.node.personnel.edges)).toHaveLength(2400);

    // One statement per level, whatever the number of parents.
    expect(small.statements).toHaveLength(4);
    expect(large.statements).toEqual(small.statements);
  });
});
