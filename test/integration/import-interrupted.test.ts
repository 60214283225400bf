/**
 * An import killed mid-way (SIGKILL after some batches committed): every batch is in the database
 * completely or not at all, and a re-run completes the file, counting the rows already present as
 * unchanged.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../server/auth.js';
import { createContext } from '../../server/context.js';
import { importInventory } from '../../server/import/inventory/run.js';
import { writeOperatorsCsv } from '../../server/import/inventory/synthetic.js';
import { testDb } from '../support/harness.js';

const ROWS = 30_000;
const BATCH = 500;

async function rowsPerBatch(): Promise<Map<number, number>> {
  const { db, config } = testDb();
  const result = await db.driver.executeQuery(
    `MATCH (o:Operator) WITH toInteger(toInteger(split(o.name, '-')[1]) / $batch) AS batch
     RETURN batch, count(*) AS n ORDER BY batch`,
    { batch: BATCH },
    { database: config.neo4j.database },
  );
  return new Map(result.records.map((r) => [Number(r.get('batch')), Number(r.get('n'))]));
}

describe('interrupted import', () => {
  it('leaves whole batches only, and a re-run completes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-kill-'));
    const file = join(dir, 'operators.csv');
    await writeOperatorsCsv(file, ROWS);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/import.ts',
        '--entity',
        'operators',
        '--file',
        file,
        '--batch-size',
        String(BATCH),
      ],
      { env: { ...process.env, AUDIT_DIR: join(dir, 'audit') }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/batch 3 committed/.test(stderr)) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');

    const batches = await rowsPerBatch();
    const present = [...batches.keys()];
    // Killed after batch 3: at least 3 batches, far from all 60, each one complete.
    expect(present.length).toBeGreaterThanOrEqual(3);
    expect(present.length).toBeLessThan(ROWS / BATCH);
    expect(present).toEqual(present.map((_, i) => i));
    for (const n of batches.values()) expect(n).toBe(BATCH);

    const { db, config } = testDb();
    const ctx = createContext(db, config, principalFromClaims({ sub: 'import-test', role: 'REGISTRAR' }));
    const report = await importInventory(ctx, {
      entity: 'operators',
      input: { path: file },
      fileName: 'operators.csv',
      format: 'csv',
      batchSize: BATCH,
    });
    const already = present.length * BATCH;
    expect(report).toMatchObject({ rows: ROWS, created: ROWS - already, updated: 0, unchanged: already });
    const after = await rowsPerBatch();
    expect(after.size).toBe(ROWS / BATCH);
    for (const n of after.values()) expect(n).toBe(BATCH);
  });
});
