/**
 * Imports an inventory file into the configured Neo4j (same configuration as the server):
 *
 *   npm run import -- --entity operators --file units.csv [--format csv|jsonl] [--encoding gbk]
 *                     [--only-good-rows] [--dry-run] [--batch-size 1000] [--division 140522]
 *                     [--subject name] [--json] [--report bad-rows.csv]
 *
 * Every bad row goes to a CSV report file (default `<file>.errors.csv`, written only when a row is
 * bad; columns file, line, column, value, reason), written as the rows are found; the terminal and
 * `--json` show the first 1,000 only.
 * The principal is a city-wide registrar (subject `cli:<OS user>`), or a county registrar with
 * `--division`. The run is written to the audit trail (AUDIT_DIR) before and after, like a mutation.
 * Exit code 0 when every row was good (or written with --only-good-rows), 1 when rows are bad, 2 on
 * a usage or runtime error.
 */

import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { type AuditEntry, auditLog } from '../server/audit.js';
import { principalFromClaims } from '../server/auth.js';
import { loadConfig } from '../server/config.js';
import { createContext } from '../server/context.js';
import { INVENTORY_ENTITIES, type InventoryEntity } from '../server/import/inventory/columns.js';
import { type ImportReport, importInventory } from '../server/import/inventory/run.js';
import { IMPORT_FORMATS, type ImportFormat, isKnownEncoding } from '../server/import/inventory/source.js';
import { Db } from '../server/neo4j.js';
import type { Principal } from '../server/principal.js';

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run import -- --entity ${INVENTORY_ENTITIES.join('|')} --file <path> [--format csv|jsonl] [--encoding utf8|gbk|gb18030] [--only-good-rows] [--dry-run] [--batch-size N] [--division CODE] [--json] [--report bad-rows.csv]`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    entity: { type: 'string' },
    file: { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string', default: 'utf8' },
    'only-good-rows': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    division: { type: 'string' },
    subject: { type: 'string' },
    json: { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});

const entity = values.entity as InventoryEntity;
if (!INVENTORY_ENTITIES.includes(entity)) usage(`--entity must be one of ${INVENTORY_ENTITIES.join(', ')}`);
const file = values.file ?? usage('--file is required');
const format = (values.format ?? (/\.jsonl?$/i.test(file) ? 'jsonl' : 'csv')) as ImportFormat;
if (!IMPORT_FORMATS.includes(format)) usage(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
if (!isKnownEncoding(values.encoding)) usage(`unknown --encoding "${values.encoding}"`);
const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
  usage('--batch-size must be a positive integer');
let size = 0;
try {
  size = statSync(file).size;
} catch {
  usage(`cannot read ${file}`);
}

const config = loadConfig();
let principal: Principal;
try {
  principal = principalFromClaims({
    sub: values.subject ?? `cli:${userInfo().username}`,
    role: 'REGISTRAR',
    ...(values.division ? { division: values.division } : {}),
  });
} catch (error) {
  usage(`--division: ${error instanceof Error ? error.message : String(error)}`);
}
const db = new Db(config.neo4j);
const ctx = createContext(db, config, principal);
const audit = auditLog(config.audit.directory);
const started = Date.now();
const entry = (outcome: AuditEntry['outcome'], report: ImportReport | null): AuditEntry => ({
  at: new Date(started).toISOString(),
  requestId: requestId,
  subject: principal.subject,
  role: principal.role,
  jurisdiction: principal.jurisdiction,
  operationName: 'importInventory (cli)',
  operationType: 'mutation',
  documentHash: null,
  variables: {
    entity,
    file: basename(file),
    format,
    encoding: values.encoding,
    onlyGoodRows: values['only-good-rows'],
    dryRun: values['dry-run'],
    ...(report
      ? {
          rows: report.rows,
          badRowCount: report.badRowCount,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          wasWritten: report.wasWritten,
        }
      : {}),
  },
  returned: { objects: report ? report.created + report.updated : 0, persons: [] },
  outcome,
  errorCodes: [],
  durationMs: outcome === 'pending' ? null : Date.now() - started,
  httpStatus: null,
});
const requestId = randomUUID();

const interactive = process.stderr.isTTY && !values.json;
const bar = interactive
  ? new cliProgress.SingleBar(
      { format: '{phase} |{bar}| {percentage}% {value}/{total} bytes', clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    )
  : null;
let phase = '';
/** The full bad-row report, opened at the first bad row (file descriptor, path, rows written). */
const reportPath = values.report ?? `${file}.errors.csv`;
let reportFd: number | null = null;
let reported = 0;
try {
  await audit.append(entry('pending', null));
  const report = await importInventory(ctx, {
    entity,
    input: { path: file },
    fileName: basename(file),
    format,
    encoding: values.encoding,
    onlyGoodRows: values['only-good-rows'],
    dryRun: values['dry-run'],
    batchSize,
    onProgress: (p, bytes) => {
      if (!bar) return;
      if (p !== phase) {
        if (phase) bar.stop();
        phase = p;
        bar.start(size, 0, { phase: p === 'validate' ? 'validating' : 'writing   ' });
      }
      bar.update(bytes);
    },
    onBadRow: (b) => {
      if (reportFd === null) {
        reportFd = openSync(reportPath, 'w');
        writeSync(reportFd, `\uFEFF${stringify([['file', 'line', 'column', 'value', 'reason']])}`);
      }
      writeSync(reportFd, stringify([[b.file, b.line, b.column, b.value, b.reason]]));
      reported++;
    },
    onBatch: (n, rows) => {
      if (!interactive && !values.json) console.error(`batch ${n} committed (${rows} rows)`);
    },
  });
  bar?.stop();
  await audit.append(entry('ok', report));
  if (reported > 0) console.error(`bad-row report (all ${reported} problems): ${reportPath}`);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const b of report.badRows) {
      console.error(`${b.file}:${b.line} [${b.column}] ${JSON.stringify(b.value)}: ${b.reason}`);
    }
    if (report.badRowsTruncated)
      console.error(`… only the first ${report.badRows.length} problems are listed here`);
    console.table([
      {
        rows: report.rows,
        bad: report.badRowCount,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        batches: report.batches,
      },
    ]);
    if (report.dryRun) console.log('dry run: nothing written');
    else if (!report.wasWritten) console.log(`${report.badRowCount} bad row(s): nothing written`);
    else if (report.created + report.updated === 0)
      console.log('nothing changed: the database already holds this file');
  }
  process.exitCode = report.badRowCount > 0 ? 1 : 0;
} catch (error) {
  bar?.stop();
  await audit.append(entry('error', null)).catch(() => undefined);
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  if (reportFd !== null) closeSync(reportFd);
  await db.close();
}
