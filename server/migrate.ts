/**
 * Applies the schema migrations of cypher/schema in version order. Each statement is idempotent
 * (IF NOT EXISTS) and each applied version is recorded as a (:SchemaMigration) node, so a second
 * run does nothing.
 */

import { migrations as migrationStatements, schemaMigrations } from './cypher.generated.js';
import type { Migration } from './cypher-statement.js';
import type { Db } from './neo4j.js';

export interface MigrationReport {
  applied: number[];
  skipped: number[];
}

export async function pendingMigrations(db: Db, all: readonly Migration[] = schemaMigrations) {
  const rows = await db.run(migrationStatements.applied, {});
  const done = new Set(rows.map((r) => r.version as number));
  return all.filter((m) => !done.has(m.version));
}

export async function migrate(
  db: Db,
  all: readonly Migration[] = schemaMigrations,
): Promise<MigrationReport> {
  const pending = new Set((await pendingMigrations(db, all)).map((m) => m.version));
  const report: MigrationReport = { applied: [], skipped: [] };
  for (const migration of all) {
    if (!pending.has(migration.version)) {
      report.skipped.push(migration.version);
      continue;
    }
    // Schema statements cannot share a transaction with data writes: each runs on its own.
    for (const ddl of migration.statements)
      await db.runSchemaStatement(`migration ${migration.version}`, ddl);
    await db.run(migrationStatements.record, {
      version: migration.version,
      name: migration.name,
      checksum: migration.checksum,
    });
    report.applied.push(migration.version);
  }
  await db.awaitIndexes();
  return report;
}
