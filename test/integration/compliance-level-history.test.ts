/**
 * The level on a past date (定级历史): a LEVEL_CHANGE filing records the level before the change
 * (fromLevel), so the rules that depend on the level answer an earlier asOf with the level of that
 * date. Worked out by hand:
 *   sUp   level 3 today; raised from 2 on 2025-06-01 (fromLevel given); live since 2020, never assessed
 *         → up to 2025-05-31 a level-2 system: ASM-3 (advisory), no ASM-1/CRY-1;
 *           from 2025-06-01 a level-3 system: ASM-1 and CRY-1, no ASM-3
 *   sDown level 2 today; recorded as lowered to 2 on 2025-06-01 while still recorded at 3 (fromLevel
 *         defaults to 3) → ASM-1/CRY-1 before 2025-06-01, ASM-3 from then
 *   sSame level 3 today; a change to 3 recorded without fromLevel after the system already says 3
 *         → fromLevel unknown: today's level on every date
 * CII-2 (security body on a past date): opH runs sUp, part of a CII since 2024-01-01; its body
 *   "Security Office" with a head, set up on 2025-03-01 (recorded with updateOperator)
 *   → a finding up to 2025-02-28 (no body yet), none from 2025-03-01
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/harness.js';

const { gql, db } = testApp();

const GRAPH = `
CREATE (o:Operator {id: 'opH', name: 'History Co', uscc: '91140522000000009X', divisionCode: '140522', sectorCode: 'ENERGY', inDevelopmentZone: false})
CREATE (o)-[:OPERATES]->(sUp:System {id: 'sUp', name: 'Up', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), filingNumber: '14052200009-20001', liveOn: date('2020-03-01')})
CREATE (o)-[:OPERATES]->(:System {id: 'sDown', name: 'Down', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), filingNumber: '14052200009-20002', liveOn: date('2020-03-01')})
CREATE (o)-[:OPERATES]->(:System {id: 'sSame', name: 'Same', protectionLevel: 3, status: 'LIVE', levelDeterminedOn: date('2020-01-01'), filedOn: date('2020-01-05'), filingNumber: '14052200009-20003', liveOn: date('2020-03-01')})
CREATE (sUp)-[:PART_OF {id: 'mH', from: date('2024-01-01')}]->(:CriticalInfrastructure {id: 'ciiH', name: 'Grid H', sectorCode: 'ENERGY'})
`;

const RECORD = `mutation($input: RecordChangeFilingInput!) { recordChangeFiling(input: $input) {
  __typename ... on MutationRecordChangeFilingSuccess { data { kind changedOn fromLevel toLevel } }
  ... on ValidationError { issues { field message } } } }`;

const QUERY = `query($scope: ComplianceScope!, $asOf: Date, $ruleIds: [String!]) {
  compliance(scope: $scope, asOf: $asOf, ruleIds: $ruleIds, first: 100) {
    edges { node { ruleId subjectId facts { name value } } }
  }
}`;

const sys = (id: string) => encodeGlobalID('System', id);
type Recorded = { recordChangeFiling: { __typename: string; data?: unknown; issues?: unknown } };
const record = async (input: Record<string, unknown>) =>
  (await gql<Recorded>(RECORD, { input })).data?.recordChangeFiling;

/** "RULE system level" for each finding of the level-dependent rules, sorted. */
async function levelFindings(asOf: string): Promise<string[]> {
  const r = await gql<{
    compliance: {
      edges: { node: { ruleId: string; subjectId: string; facts: { name: string; value: string }[] } }[];
    };
  }>(QUERY, {
    scope: { operatorId: encodeGlobalID('Operator', 'opH') },
    asOf,
    ruleIds: ['ASM-1', 'ASM-3', 'CRY-1'],
  });
  expect(r.errors).toBeUndefined();
  const name = new Map([
    [sys('sUp'), 'sUp'],
    [sys('sDown'), 'sDown'],
    [sys('sSame'), 'sSame'],
  ]);
  return (r.data?.compliance.edges ?? [])
    .map(({ node }) => {
      const level = node.facts.find((f) => f.name === 'protectionLevel')?.value;
      return `${node.ruleId} ${name.get(node.subjectId) ?? node.subjectId} ${level}`;
    })
    .sort();
}

beforeAll(async () => {
  await db.driver.executeQuery(GRAPH, {}, { database: db.config.database });
  expect(
    await record({
      systemId: sys('sUp'),
      kind: 'LEVEL_CHANGE',
      changedOn: '2025-06-01',
      fromLevel: 2,
      toLevel: 3,
    }),
  ).toEqual({
    __typename: 'MutationRecordChangeFilingSuccess',
    data: { kind: 'LEVEL_CHANGE', changedOn: '2025-06-01', fromLevel: 2, toLevel: 3 },
  });
  // Recorded while the system still says 3: that is the level before.
  expect(
    (await record({ systemId: sys('sDown'), kind: 'LEVEL_CHANGE', changedOn: '2025-06-01', toLevel: 2 }))
      ?.data,
  ).toEqual({
    kind: 'LEVEL_CHANGE',
    changedOn: '2025-06-01',
    fromLevel: 3,
    toLevel: 2,
  });
  await db.driver.executeQuery(
    "MATCH (s:System {id: 'sDown'}) SET s.protectionLevel = 2",
    {},
    { database: db.config.database },
  );
  // Recorded after the system already says 3: the level before is not known.
  expect(
    (await record({ systemId: sys('sSame'), kind: 'LEVEL_CHANGE', changedOn: '2025-06-01', toLevel: 3 }))
      ?.data,
  ).toEqual({
    kind: 'LEVEL_CHANGE',
    changedOn: '2025-06-01',
    fromLevel: null,
    toLevel: 3,
  });
});

describe('the level on a past date', () => {
  it('uses the level before a change for dates before it, the new level from its day on', async () => {
    expect(await levelFindings('2025-05-31')).toEqual([
      'ASM-1 sDown 3',
      'ASM-1 sSame 3',
      'ASM-3 sUp 2',
      'CRY-1 sDown 3',
      'CRY-1 sSame 3',
    ]);
    expect(await levelFindings('2025-06-01')).toEqual([
      'ASM-1 sSame 3',
      'ASM-1 sUp 3',
      'ASM-3 sDown 2',
      'CRY-1 sSame 3',
      'CRY-1 sUp 3',
    ]);
  });

  it('CII-2 finds no security body before the date it was set up', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateOperatorInput!) { updateOperator(id: $id, input: $input) {
      __typename ... on MutationUpdateOperatorSuccess { data { securityBodyEstablishedOn } }
      ... on ValidationError { issues { field message } } } }`;
    const id = encodeGlobalID('Operator', 'opH');
    const bad = await gql<{ updateOperator: unknown }>(UPDATE, {
      id,
      input: { securityBodyEstablishedOn: '2025-02-30' },
    });
    expect(bad.data?.updateOperator).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ field: 'input.securityBodyEstablishedOn' }],
    });
    const ok = await gql<{ updateOperator: unknown }>(UPDATE, {
      id,
      input: {
        securityBody: 'Security Office',
        securityHead: 'Head H',
        securityBodyEstablishedOn: '2025-03-01',
      },
    });
    expect(ok.data?.updateOperator).toEqual({
      __typename: 'MutationUpdateOperatorSuccess',
      data: { securityBodyEstablishedOn: '2025-03-01' },
    });
    const cii2 = async (asOf: string) => {
      const r = await gql<{
        compliance: {
          edges: { node: { subjectId: string; facts: { name: string; value: string | null }[] } }[];
        };
      }>(QUERY, { scope: { operatorId: id }, asOf, ruleIds: ['CII-2'] });
      expect(r.errors).toBeUndefined();
      return (r.data?.compliance.edges ?? []).map(({ node }) => [
        node.subjectId === id,
        node.facts.find((f) => f.name === 'securityBody')?.value ?? null,
      ]);
    };
    expect(await cii2('2025-02-28')).toEqual([[true, null]]);
    expect(await cii2('2025-03-01')).toEqual([]);
  });

  it('refuses a fromLevel equal to the new level, out of range, or on a cancellation', async () => {
    expect(
      await record({
        systemId: sys('sUp'),
        kind: 'LEVEL_CHANGE',
        changedOn: '2025-07-01',
        fromLevel: 3,
        toLevel: 3,
      }),
    ).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'input.fromLevel', message: 'must differ from input.toLevel' }],
    });
    const bad = await record({
      systemId: sys('sUp'),
      kind: 'CANCELLATION',
      changedOn: '2025-07-01',
      fromLevel: 6,
    });
    expect(bad?.__typename).toBe('ValidationError');
    expect(((bad?.issues ?? []) as { field: string }[]).map((i) => i.field)).toEqual([
      'input.fromLevel',
      'input.fromLevel',
    ]);
  });
});
