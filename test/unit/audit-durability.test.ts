/**
 * When an audit record is written and when it is on disk: appends are written to the file at once
 * and fdatasync-ed in groups (one fdatasync for every record written while the previous one ran),
 * and a failed fdatasync fails the records it covered without breaking the chain. `fdatasync` is
 * wrapped (counted, delayed, made to fail) around the real one; everything else is the real file
 * system.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AuditLog, verifyAuditChain } from '../../server/audit.js';
import { auditEntry as entry } from '../support/audit-entry.js';

const sync = vi.hoisted(() => ({ calls: 0, completed: 0, delayMs: 0, failNext: null as Error | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fdatasync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    sync.calls++;
    const failure = sync.failNext;
    sync.failNext = null;
    const done = (error: NodeJS.ErrnoException | null) => {
      sync.completed++;
      callback(error);
    };
    setTimeout(() => (failure ? done(failure) : fs.fdatasync(fd, done)), sync.delayMs);
  };
  return { ...fs, default: { ...fs, fdatasync }, fdatasync };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-durability-'));
  Object.assign(sync, { calls: 0, completed: 0, delayMs: 0, failNext: null });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const linesOnFile = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));

it('a written record is in the file before its fdatasync has finished', async () => {
  sync.delayMs = 50;
  const log = new AuditLog(dir);
  const { record, onDisk } = await log.appendWritten(entry(1));
  let synced = false;
  void onDisk.then(() => {
    synced = true;
  });
  expect(linesOnFile().map((l) => JSON.parse(l).seq)).toEqual([1]);
  expect(record.seq).toBe(1);
  expect(synced).toBe(false);
  expect(sync.completed).toBe(0);
  await onDisk;
  expect(synced).toBe(true);
  expect(sync.calls).toBe(1);
});

it('append resolves only after the fdatasync that covers its record', async () => {
  sync.delayMs = 30;
  const log = new AuditLog(dir);
  const appending = log.append(entry(1));
  expect(sync.completed).toBe(0);
  await appending;
  expect(sync.completed).toBe(1);
});

it('twenty concurrent appends share two fdatasyncs (group commit) and keep one chain', async () => {
  sync.delayMs = 20;
  const log = new AuditLog(dir);
  const records = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(entry(i + 1))));
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  // The first record's fdatasync starts at once; the other 19 are written while it runs and share the next.
  expect(sync.calls).toBe(2);
  expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 20, lastSeq: 20 });
});

it('a failed fdatasync fails the records it covered; the next append continues the chain', async () => {
  const log = new AuditLog(dir);
  await log.append(entry(1));
  sync.failNext = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
  await expect(log.append(entry(2))).rejects.toThrow('EIO');
  const written = await log.appendWritten(entry(3));
  await written.onDisk;
  expect(written.record.seq).toBe(3);
  // Record 2 is in the file (the page cache has it): the head is re-read from the file, not assumed.
  expect(linesOnFile().map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3]);
  expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 3 });
  expect(await log.status()).toMatchObject({ valid: true, lastSeq: 3 });
});
