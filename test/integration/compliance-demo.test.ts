/**
 * The demo city as of DEMO_AS_OF yields findings of every checkable blocker rule; the counts per
 * rule and status are pinned (they change only when the generator or a rule changes).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import { complianceFindings } from '../../server/compliance/engine.js';
import { RULES } from '../../server/compliance/rules.js';
import { risk } from '../../server/cypher.generated.js';
import { CITY_SCOPE } from '../../server/principal.js';
import { testApp } from '../support/harness.js';

const { db, config } = testApp();

beforeAll(async () => {
  await loadDemoData(db, generateDemoData(), config.residentIdKey);
}, 120_000);

const PINNED: Record<string, number> = {
  'ASM-1 OVERDUE': 8,
  'ASM-2 OVERDUE': 80,
  'ASM-3 OVERDUE': 43,
  'ASM-4 UNMET': 25,
  'ASM-5 UNMET': 13,
  'ASM-6 UNMET': 46,
  'CII-1 UNMET': 7,
  'CII-2 UNMET': 3,
  'CII-3 UNMET': 28,
  'CII-4 OVERDUE': 12,
  'CII-5 UNMET': 5,
  'CII-6 UNMET': 14,
  'CII-7 OVERDUE': 1,
  'CII-7 UNMET': 2,
  'CII-8 OVERDUE': 8,
  'CII-9 UNMET': 130,
  'CRY-1 OVERDUE': 41,
  'DRL-1 OVERDUE': 25,
  'FIL-1 OVERDUE': 34,
  'FIL-2 OVERDUE': 18,
  'FIL-3 OVERDUE': 17,
  'GRD-1 UNMET': 5,
  'GRD-2 OVERDUE': 24,
  'GRD-3 OVERDUE': 45,
  'INC-1 OVERDUE': 7,
  'INS-1 OVERDUE': 28,
  'MON-1 OVERDUE': 17,
  'MON-2 UNMET': 34,
  'RCT-1 OVERDUE': 103,
  'RCT-2 OVERDUE': 9,
  'SUP-1 UNMET': 14,
  'SUP-2 UNMET': 21,
  'SUP-3 UNMET': 207,
  'SUP-4 UNMET': 115,
};

describe('compliance on the demo city', () => {
  it('every checkable blocker rule has findings; counts pinned', async () => {
    const findings = await complianceFindings(
      { db, config, principal: { scope: CITY_SCOPE, seesPersonalData: true } },
      { city: true },
      DEMO_AS_OF,
    );
    const counts: Record<string, number> = {};
    for (const f of findings)
      counts[`${f.ruleId} ${f.status}`] = (counts[`${f.ruleId} ${f.status}`] ?? 0) + 1;
    for (const r of RULES.filter((x) => x.severity === 'BLOCKER' && x.checkable)) {
      expect(
        Object.keys(counts).some((k) => k.startsWith(`${r.id} `)),
        r.id,
      ).toBe(true);
    }
    expect(counts).toEqual(PINNED);
  });

  it('SUP-3 and SUP-4 report exactly what the risk flags report on level ≥ 3 and CII systems', async () => {
    const principal = { scope: CITY_SCOPE, seesPersonalData: true };
    const findings = await complianceFindings({ db, config, principal }, { city: true }, DEMO_AS_OF, [
      'SUP-3',
      'SUP-4',
    ]);
    const fromRules = findings
      .map((f) =>
        f.ruleId === 'SUP-3'
          ? `${f.systemId} ${f.subjectType} ${f.subjectId}`
          : `${f.systemId} Product ${f.facts.find((x) => x.name === 'productId')?.value}`,
      )
      .sort();
    const systems = await db.run(
      { name: 'test/system-ids', mode: 'read', text: 'MATCH (s:System) RETURN s.id AS id ORDER BY id' },
      {},
    );
    const rows = await db.run(risk.systemFlags, {
      scope: CITY_SCOPE,
      parentIds: systems.map((s) => String(s.id)),
      asOf: DEMO_AS_OF,
    });
    const fromFlags: string[] = [];
    for (const row of rows) {
      for (const flag of row.flags as { code: string; evidence: { type: string; id: string }[] }[]) {
        if (!['UNREGISTERED_VENDOR', 'UNCHECKED_PERSONNEL', 'UNCERTIFIED_PRODUCT'].includes(flag.code))
          continue;
        for (const e of flag.evidence) fromFlags.push(`${row.parentId} ${e.type} ${e.id}`);
      }
    }
    expect(fromRules.length).toBe(207 + 115);
    expect(fromRules).toEqual(fromFlags.sort());
  });
});
