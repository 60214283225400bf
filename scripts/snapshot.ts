/**
 * Snapshot export and restore (备份与恢复), see server/snapshot/snapshot.ts for the format.
 *
 *   npm run snapshot -- export --out file.jsonl [--division 140522 | --sector ENERGY]
 *   npm run snapshot -- restore --in file.jsonl        (into an EMPTY database, migrations applied first)
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/migrate.js';
import { Db } from '../server/neo4j.js';
import { NO_SCOPE, type Scope } from '../server/principal.js';
import { exportSnapshot, restoreSnapshot, SnapshotError } from '../server/snapshot/snapshot.js';
import { normalizeDivisionCode } from '../server/validation/identifiers.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    in: { type: 'string' },
    division: { type: 'string' },
    sector: { type: 'string' },
  },
});

function usage(message: string): never {
  console.error(
    `${message}\nusage: snapshot export --out FILE [--division CODE | --sector CODE]\n       snapshot restore --in FILE`,
  );
  process.exit(2);
}

const command = positionals[0];
let scope: Scope | null = null;
if (command === 'export') {
  if (!values.out) usage('export needs --out');
  if (values.division && values.sector) usage('give --division or --sector, not both');
  if (values.division) {
    const n = normalizeDivisionCode(values.division);
    if (!n.ok) usage(`--division: ${n.message}`);
    scope = { ...NO_SCOPE, divisionCodes: [n.value] };
  } else if (values.sector) {
    if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(values.sector)) usage('--sector: a sector code such as ENERGY');
    scope = { ...NO_SCOPE, sectorCodes: [values.sector] };
  }
} else if (command === 'restore') {
  if (!values.in) usage('restore needs --in');
} else usage('command: export or restore');

const db = new Db(loadConfig().neo4j);
try {
  if (command === 'export') {
    const header = await exportSnapshot(db, values.out as string, scope);
    console.log(
      `exported ${header.counts.nodes} nodes and ${header.counts.relationships} relationships to ${values.out}`,
    );
  } else {
    await migrate(db);
    const result = await restoreSnapshot(db, values.in as string);
    console.log(`restored ${result.nodes} nodes and ${result.relationships} relationships from ${values.in}`);
  }
} catch (error) {
  if (error instanceof SnapshotError) {
    console.error(`snapshot: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.close();
}
