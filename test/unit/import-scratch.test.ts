/** The import's on-disk scratch store: lookups, ordered ranges, removal, and a crashed run's leftovers. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftovers, ScratchStore } from '../../server/import/inventory/scratch.js';

describe('import scratch store', () => {
  it('answers lookups, lists a prefix in key order, and removes its directory when closed', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'scratch-test-'));
    const store = await ScratchStore.open(parent);
    expect(basename(store.directory)).toMatch(new RegExp(`^mlps-import-${process.pid}-`));
    await store.putMany([
      ['k\u0000b', '3'],
      ['k\u0000a', '2'],
      ['b\u0000000000000010', ''],
      ['b\u0000000000000002', ''],
    ]);
    await store.put('k\u0000c', '7');
    expect(await store.getMany(['k\u0000a', 'k\u0000z', 'k\u0000c'])).toEqual(['2', undefined, '7']);
    expect(await store.get('k\u0000b')).toBe('3');
    const bad: string[] = [];
    for await (const [key] of store.range('b\u0000')) bad.push(key.slice(2));
    expect(bad).toEqual(['000000000002', '000000000010']);
    await store.close();
    expect(existsSync(store.directory)).toBe(false);
  });

  it('removes the scratch directories of runs whose process is gone, and only those', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scratch-test-'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    for (const name of [
      `mlps-import-${dead}-abc`,
      `mlps-import-${process.pid}-def`,
      'mlps-import-x',
      'other',
    ])
      mkdirSync(join(parent, name));
    expect(removeLeftovers(parent)).toEqual([`mlps-import-${dead}-abc`]);
    expect(readdirSync(parent).sort()).toEqual([`mlps-import-${process.pid}-def`, 'mlps-import-x', 'other']);
  });
});
