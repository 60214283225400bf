/**
 * The on-disk scratch store of one import run: what pass 1 must remember about the rows it has read
 * (natural keys with their line, filing numbers, shared values, bad lines, in-file relationships)
 * lives in a LevelDB database (classic-level) in a private temporary directory, so the memory of an
 * import does not grow with the number of rows: LevelDB keeps a bounded write buffer and block cache
 * and the rest on disk. The directory is removed when the run ends; a run that crashed leaves one
 * behind, named with its process id, which the next run removes once that process is gone.
 *
 * Nothing here is registry data: the registry (Neo4j) is only written in pass 2.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';

const PREFIX = 'mlps-import-';

/** Whether process `pid` still runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the scratch directories of import runs whose process is gone (a crash or a kill). */
export function removeLeftovers(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** The highest code unit: `prefix + END` bounds a prefix range. */
const END = '\uffff';

export class ScratchStore {
  private constructor(
    readonly directory: string,
    private readonly db: ClassicLevel<string, string>,
  ) {}

  /** A fresh, empty store in a new temporary directory (after removing dead runs' leftovers). */
  static async open(parent = tmpdir()): Promise<ScratchStore> {
    removeLeftovers(parent);
    const directory = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
    const db = new ClassicLevel<string, string>(directory, {
      keyEncoding: 'utf8',
      valueEncoding: 'utf8',
      // Bounded memory: 4 MiB write buffer, 8 MiB block cache (LevelDB's defaults, stated).
      writeBufferSize: 4 * 1024 * 1024,
      cacheSize: 8 * 1024 * 1024,
      compression: true,
    });
    await db.open();
    return new ScratchStore(directory, db);
  }

  /** The value of each key (undefined when absent), in order. */
  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    return this.db.getMany(keys);
  }

  async get(key: string): Promise<string | undefined> {
    return this.db.get(key);
  }

  async putMany(entries: Iterable<[string, string]>): Promise<void> {
    const ops = [...entries].map(([key, value]) => ({ type: 'put' as const, key, value }));
    if (ops.length) await this.db.batch(ops);
  }

  async put(key: string, value: string): Promise<void> {
    await this.db.put(key, value);
  }

  /** The entries whose key starts with `prefix`, in key order. */
  async *range(prefix: string): AsyncGenerator<[string, string]> {
    for await (const entry of this.db.iterator({ gte: prefix, lt: prefix + END })) {
      yield entry as [string, string];
    }
  }

  /** Closes the database and removes its directory. */
  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      rmSync(this.directory, { recursive: true, force: true });
    }
  }
}
