/**
 * Writes the compliance findings of a scope as CSV (UTF-8 with BOM):
 *   npm run export:compliance -- --scope city|division:140522|sector:ENERGY|operator:<id>|system:<id>|vendor:<id>
 *     [--as-of YYYY-MM-DD] [--out file.csv]
 * Ids are database ids. Runs with city-wide police rights (an operator's console); without --out the
 * CSV goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findingsCsv } from '../server/compliance/csv.js';
import { type ComplianceTarget, complianceFindings } from '../server/compliance/engine.js';
import { loadConfig } from '../server/config.js';
import { Db } from '../server/neo4j.js';
import { CITY_SCOPE } from '../server/principal.js';
import { todayInChina } from '../server/repositories/common.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';

const KINDS: Record<string, keyof ComplianceTarget> = {
  division: 'divisionCode',
  sector: 'sectorCode',
  operator: 'operatorId',
  system: 'systemId',
  vendor: 'vendorId',
};

export function parseScope(text: string): ComplianceTarget {
  if (text === 'city') return { city: true };
  const i = text.indexOf(':');
  const field = KINDS[text.slice(0, i)];
  if (i < 0 || !field || text.slice(i + 1) === '') {
    throw new Error(
      `--scope "${text}": expected city or one of ${Object.keys(KINDS).join(', ')} followed by :value`,
    );
  }
  return { [field]: text.slice(i + 1) };
}

const { values } = parseArgs({
  options: {
    scope: { type: 'string', default: 'city' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
  },
});
const target = parseScope(values.scope as string);
let asOf = todayInChina();
if (values['as-of']) {
  const parsed = normalizeIsoDate(values['as-of']);
  if (!parsed.ok) throw new Error(`--as-of: ${parsed.message}`);
  asOf = parsed.value;
}
const config = loadConfig();
const db = new Db(config.neo4j);
try {
  const principal = { scope: CITY_SCOPE, seesPersonalData: true };
  const findings = await complianceFindings({ db, config, principal }, target, asOf);
  const csv = findingsCsv(findings);
  if (values.out) {
    writeFileSync(values.out, csv, 'utf8');
    console.error(`${findings.length} findings as of ${asOf} written to ${values.out}`);
  } else process.stdout.write(csv);
} finally {
  await db.close();
}
