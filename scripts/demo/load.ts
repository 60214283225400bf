/**
 * Writes the demo data into Neo4j: batched `UNWIND $rows` statements (cypher/seed/*.cypher), all in
 * one write transaction, `MERGE` on `id` everywhere so that loading twice changes nothing.
 *
 * Persons are stored with a keyed hash and a masked form of their resident ID; the raw ID never
 * leaves this process. Every statement returns how many rows it wrote; a shortfall means a
 * referenced node was missing, and the whole transaction is rolled back.
 */
import { seed } from '../../server/cypher.generated.js';
import type { Statement } from '../../server/cypher-statement.js';
import type { Db, Tx } from '../../server/neo4j.js';
import { ipKey } from '../../server/repositories/exposures.js';
import { hashResidentId, maskResidentId } from '../../server/validation/identifiers.js';
import type { DemoData } from './generate.js';

/** Rows per UNWIND batch. */
export const SEED_BATCH_SIZE = 5_000;

type Rows = readonly Record<string, unknown>[];
type SeedStatement = Statement<{ rows: Rows }>;

/** The records are plain objects of scalars, string arrays and nulls: what the driver sends as maps. */
async function writeBatches(tx: Tx, statement: SeedStatement, rows: readonly object[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += SEED_BATCH_SIZE) {
    const batch = rows.slice(i, i + SEED_BATCH_SIZE) as Rows;
    const [result] = await tx.run(statement, { rows: batch });
    const count = Number(result?.count ?? 0);
    if (count !== batch.length) {
      throw new Error(
        `${statement.name}: wrote ${count} of ${batch.length} rows; a referenced node is missing (nothing was loaded)`,
      );
    }
    written += count;
  }
  return written;
}

/**
 * Loads `data` (idempotent) and returns, per statement, how many rows were written. The resident-ID
 * key is the HMAC key the registry uses to match persons; it must be the server's key.
 */
export async function loadDemoData(
  db: Db,
  data: DemoData,
  residentIdKey: string,
): Promise<Record<string, number>> {
  if (residentIdKey.length === 0) throw new Error('loadDemoData needs a non-empty resident-ID key');
  const persons = data.persons.map(({ id, name, residentId }) => ({
    id,
    name,
    residentIdHash: hashResidentId(residentId, residentIdKey),
    residentIdMasked: maskResidentId(residentId),
  }));
  const employments = (kind: 'VENDOR' | 'OPERATOR') =>
    data.employments.filter((e) => e.employerKind === kind);

  // Nodes first, then the relationships between them.
  const plan: [string, SeedStatement, readonly object[]][] = [
    ['sectors', seed.sectors, data.sectors],
    ['departments', seed.departments, data.departments],
    ['policeUnits', seed.policeUnits, data.policeUnits],
    ['operators', seed.operators, data.operators],
    ['systems', seed.systems, data.systems],
    ['ciis', seed.criticalInfrastructures, data.ciis],
    ['vendors', seed.vendors, data.vendors],
    ['persons', seed.persons, persons],
    ['checks', seed.backgroundChecks, data.checks],
    ['products', seed.products, data.products],
    ['exposures', seed.exposures, data.exposures.map((e) => ({ ...e, ipKey: ipKey(e.ip) }))],
    ['assessments', seed.assessments, data.assessments],
    ['findings', seed.findings, data.findings],
    ['rectifications', seed.supervisedRectifications, data.rectifications],
    ['changeFilings', seed.changeFilings, data.changeFilings],
    ['procurements', seed.procurements, data.procurements],
    ['incidents', seed.incidents, data.incidents],
    ['dataTransfers', seed.dataTransfers, data.dataTransfers],
    ['gradingReviews', seed.gradingReviews, data.gradingReviews],
    ['drills', seed.drills, data.drills],
    ['disasterBackups', seed.disasterBackups, data.disasterBackups],
    [
      'filingProcesses',
      seed.filingProcesses,
      data.systems
        .filter((s) => s.filingAcceptedOn)
        .map((s) => ({
          systemId: s.id,
          filingAcceptedOn: s.filingAcceptedOn,
          filingCertificateIssuedOn: s.filingCertificateIssuedOn ?? null,
        })),
    ],
    [
      'assessmentEngagements',
      seed.assessmentEngagements,
      data.assessments
        .filter((a) => a.kind === 'LEVEL')
        .map((a) => ({
          assessmentId: a.id,
          reportSubmittedToPoliceOn: a.reportSubmittedToPoliceOn ?? null,
          reportSubmittedToDepartmentOn: a.reportSubmittedToDepartmentOn ?? null,
          confidentialityAgreementSignedOn: a.confidentialityAgreementSignedOn ?? null,
        })),
    ],
    ['memberships', seed.memberships, data.memberships],
    ['services', seed.services, data.services],
    ['subcontracts', seed.subcontracts, data.subcontracts],
    ['vendorEmployments', seed.vendorEmployments, employments('VENDOR')],
    ['operatorEmployments', seed.operatorEmployments, employments('OPERATOR')],
    ['accesses', seed.accesses, data.accesses],
    ['supplies', seed.supplies, data.supplies],
    ['productUses', seed.productUses, data.productUses],
    ['links', seed.links, data.links],
    ['assessors', seed.assessors, data.assessors],
    ['institutionChecks', seed.institutionChecks, data.institutionChecks],
    ['monitoringRegistrations', seed.monitoringRegistrations, data.monitoringRegistrations],
    ['internetEgresses', seed.internetEgresses, data.internetEgresses],
    ['monitoringDevices', seed.monitoringDevices, data.monitoringDevices],
    ['selfInspections', seed.selfInspections, data.selfInspections],
    ['exposureJustifications', seed.exposureJustifications, data.exposureJustifications],
  ];

  return db.writeTransaction('seed/demo', async (tx) => {
    const counts: Record<string, number> = {};
    for (const [key, statement, rows] of plan) counts[key] = await writeBatches(tx, statement, rows);
    return counts;
  });
}
