/**
 * The audit trail (审计记录): every request that reaches the GraphQL endpoint leaves one record —
 * when, who, which operation, a hash of the document, its variables with personal data redacted,
 * what it returned, its outcome and its duration. AUDITOR reads the trail through `auditRecords`
 * and `auditChainStatus` (schema/audit.ts).
 *
 * STORAGE. An append-only JSON-lines file per month, `<AUDIT_DIR>/audit-YYYY-MM.jsonl` (the UTC
 * month in which the record was written, never earlier than the previous record's file, so the
 * files in name order are the chain in order even if the clock steps back). One line per record:
 *   {seq, at, requestId, subject, role, jurisdiction, operationName, operationType, documentHash,
 *    variables, returned: {objects, persons}, outcome, errorCodes, durationMs, httpStatus,
 *    prevHash, hash}
 * `hash = sha256(prevHash + canonicalJson(record without hash))`, keys sorted at every level; the
 * first record's prevHash is 64 zeros (or the anchor's hash, see retention). Editing, deleting,
 * inserting or reordering a line breaks the chain, and `verifyAuditChain` names the first broken
 * record (file, line). Deleting the LAST lines cannot be seen from the files alone: the running
 * process compares the files with the head it wrote last (`AuditLog.status`).
 *
 * WRITING. One writer per directory per process (`auditLog(directory)`); appends go through a
 * promise queue, so the chain is linear. The month file stays open; each append writes its line
 * (one write(2): from then on the operating system holds it, and a crash of this process cannot lose
 * it) and then `fdatasync`s it, in groups: the records written while one fdatasync runs share the
 * next (group commit), so concurrent requests do not queue behind each other's disk flushes.
 * A MUTATION's records ('pending' before it runs, and the final one) are on disk before it runs and
 * before its answer leaves. A READ's answer leaves once its record is written, its fdatasync
 * following at once; only a crash of the machine itself in that window (about a millisecond) could
 * lose it, and AUDIT_SYNC_READS=true makes reads wait for the disk too. Why not by default: reads
 * never depended on their record (a read whose record cannot be stored is still answered, see
 * FAILURES), and the wait cost a read ~0.5 ms of its ~7 ms (three thread-pool round trips on a
 * 2-core machine). A failed write is rolled back (truncated to its previous size) so no torn line
 * stays; after a failed fdatasync the head is re-read from the files.
 * Two processes must NOT share a directory (each keeps its own head): give every instance its own
 * AUDIT_DIR. Files are created 0600 in a 0700 directory (they hold person ids and request data).
 *
 * RETENTION. The app never deletes audit files. Keep them at least six months (183 days); rotation
 * or archiving tools must respect that. `pruneAudit(directory, keepDays)` refuses keepDays < 183,
 * deletes only whole monthly files that ended more than keepDays ago, and first writes
 * `audit-anchor.json` ({seq, hash} of the last deleted record) so the chain still verifies from
 * the first remaining record.
 *
 * WHAT A RECORD HOLDS.
 * - at: request start (ISO, UTC); durationMs: request start → response built (null when the request
 *   was refused before this plugin saw it, e.g. by a plugin placed earlier that ends it in onRequest).
 * - subject/role/jurisdiction: from the principal; null when authentication did not succeed (or did
 *   not run: yoga validates a document BEFORE it builds the context, so a request refused by
 *   validation has no principal unless `options.authenticate` is given to `auditPlugins`).
 * - documentHash: sha256 (hex) of the document text as received (after persisted-operation lookup),
 *   with any resident-ID-shaped literal replaced by "[REDACTED]" first so the hash cannot be used to
 *   confirm a guessed number. Documents without such literals hash to sha256 of their exact text.
 * - variables: resident ID numbers and person names removed — see `redactVariables`.
 * - returned.objects: distinct objects with a string `id` in the response data; returned.persons:
 *   global ids of the persons (人员) in the answer — ids found in `id` fields that decode to
 *   `Person:…`, plus every Person whose fields were resolved (so a query that does not select `id`
 *   still names them). Nothing is added to the client's query.
 * - outcome: 'ok' (no errors), 'error' (executed, with errors), 'rejected' (refused before execution:
 *   parse/validation/limits/forbidden/audit unavailable), 'unauthenticated' (401), 'pending' (the
 *   record a mutation writes BEFORE it runs).
 *
 * FAILURES. A mutation first appends its 'pending' record; if that fails (directory missing or not
 * writable, disk full) the mutation does not run and the answer is AUDIT_UNAVAILABLE (HTTP 503): a
 * change is never made without its record. The final record of a request (queries, and mutations
 * after they ran) is written before the response leaves; if THAT fails (or a read's later
 * fdatasync does) the response still goes out and the failure is logged to stderr — refusing a read
 * would not undo it, and refusing a finished mutation's answer would misreport a change that was
 * made (its 'pending' record stays as proof it ran).
 */

import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  fdatasync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  defaultFieldResolver,
  type ExecutionResult,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  typeFromAST,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { envReader } from './env.js';
import type { Principal } from './principal.js';

// ---------------------------------------------------------------------------------------------------
// Configuration

export interface AuditConfig {
  /** Absolute path of the directory holding the monthly audit files (env AUDIT_DIR). */
  directory: string;
  /**
   * AUDIT_SYNC_READS: whether a read's response also waits for its record's fdatasync (a mutation's
   * always does). Default false: the record is written to its file before the response leaves.
   */
  syncReads: boolean;
}

/** The project root (server/..): the local default is `<root>/.audit`. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Minimum retention: six months. */
export const AUDIT_MIN_RETENTION_DAYS = 183;

/**
 * AUDIT_DIR: where the audit files go (a relative path is taken from the working directory).
 * Required when NODE_ENV=production; otherwise `.audit` under the project root.
 */
export function loadAuditConfig(env: Record<string, string | undefined>, problems: string[]): AuditConfig {
  const syncReads = envReader(env, problems).bool('AUDIT_SYNC_READS', false);
  const raw = env.AUDIT_DIR?.trim();
  if (raw) return { directory: isAbsolute(raw) ? raw : resolve(raw), syncReads };
  if (env.NODE_ENV === 'production') {
    problems.push(
      `AUDIT_DIR is required when NODE_ENV=production: a directory on durable storage for the audit trail, kept at least ${AUDIT_MIN_RETENTION_DAYS} days`,
    );
  }
  return { directory: join(PROJECT_ROOT, '.audit'), syncReads };
}

// ---------------------------------------------------------------------------------------------------
// Records

export type AuditOutcome = 'ok' | 'error' | 'rejected' | 'unauthenticated' | 'pending';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = [
  'ok',
  'error',
  'rejected',
  'unauthenticated',
  'pending',
];

/** What the plugin supplies; the log adds seq, prevHash and hash. */
export interface AuditEntry {
  /** Request start, ISO 8601 UTC. */
  at: string;
  requestId: string;
  subject: string | null;
  role: string | null;
  jurisdiction: string | null;
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  documentHash: string | null;
  variables: unknown;
  returned: { objects: number; persons: string[] };
  outcome: AuditOutcome;
  errorCodes: string[];
  durationMs: number | null;
  httpStatus: number | null;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const FILE_PATTERN = /^audit-(\d{4})-(\d{2})\.jsonl$/;
const ANCHOR_FILE = 'audit-anchor.json';

/** JSON with object keys sorted at every level (undefined members dropped): the hashed form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The link of the chain: sha256(prevHash + canonical JSON of the record without `hash`). */
export function recordHash(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _hash, ...rest } = record as AuditRecord;
  return sha256(rest.prevHash + canonicalJson(rest));
}

function monthFile(date: Date): string {
  return `audit-${date.toISOString().slice(0, 7)}.jsonl`;
}

async function auditFiles(directory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => FILE_PATTERN.test(n)).sort();
}

interface Anchor {
  seq: number;
  hash: string;
}

async function readAnchor(directory: string): Promise<Anchor | null> {
  try {
    const anchor = JSON.parse(await readFile(join(directory, ANCHOR_FILE), 'utf8')) as Anchor;
    if (Number.isInteger(anchor.seq) && typeof anchor.hash === 'string') return anchor;
    throw new Error(`${ANCHOR_FILE} is not {seq, hash}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseRecord(line: string): AuditRecord | null {
  try {
    const value = JSON.parse(line) as AuditRecord;
    return value && typeof value === 'object' && Number.isInteger(value.seq) ? value : null;
  } catch {
    return null;
  }
}

/** The last parseable record of a file, reading backwards in chunks (files can be large). */
async function lastRecordOf(path: string): Promise<AuditRecord | null> {
  const fh = await open(path, 'r');
  try {
    let end = (await fh.stat()).size;
    let carry: Buffer = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - 65_536);
      const chunk = Buffer.alloc(end - start);
      await fh.read(chunk, 0, chunk.length, start);
      const buffer = Buffer.concat([chunk, carry]);
      end = start;
      // Splitting at the newline byte is safe in UTF-8; the first piece may be partial.
      const pieces: Buffer[] = [];
      let from = 0;
      for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, from)) {
        pieces.push(buffer.subarray(from, i));
        from = i + 1;
      }
      pieces.push(buffer.subarray(from));
      carry = start === 0 ? Buffer.alloc(0) : (pieces.shift() ?? Buffer.alloc(0));
      for (let i = pieces.length - 1; i >= 0; i--) {
        const record = parseRecord((pieces[i] as Buffer).toString('utf8'));
        if (record) return record;
      }
    }
    return null;
  } finally {
    await fh.close();
  }
}

interface Head {
  seq: number;
  hash: string;
  /** File of the last record; later records never go to an earlier file. */
  file: string | null;
}

async function readHead(directory: string): Promise<Head> {
  const files = await auditFiles(directory);
  for (const file of files.reverse()) {
    const last = await lastRecordOf(join(directory, file));
    if (last) return { seq: last.seq, hash: last.hash, file };
  }
  const anchor = await readAnchor(directory);
  return anchor ? { ...anchor, file: null } : { seq: 0, hash: GENESIS_HASH, file: null };
}

// ---------------------------------------------------------------------------------------------------
// Verification, retention

export interface AuditChainBreak {
  /** File name inside the audit directory. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** 0-based position in the whole chain (records before it verified). */
  index: number;
  /** The seq the line claims, if it parses. */
  seq: number | null;
  reason: string;
}

export interface AuditChainStatus {
  valid: boolean;
  /** Records that verified (all of them when valid; those before the break otherwise). */
  records: number;
  firstBrokenAt: AuditChainBreak | null;
  lastSeq: number;
  lastHash: string;
}

/** Walks every monthly file in order and checks seq, prevHash and hash of each record. */
export async function verifyAuditChain(directory: string): Promise<AuditChainStatus> {
  const anchor = await readAnchor(directory);
  let seq = anchor?.seq ?? 0;
  let hash = anchor?.hash ?? GENESIS_HASH;
  let index = 0;
  const broken = (file: string, line: number, claimed: number | null, reason: string): AuditChainStatus => ({
    valid: false,
    records: index,
    firstBrokenAt: { file, line, index, seq: claimed, reason },
    lastSeq: seq,
    lastHash: hash,
  });
  for (const file of await auditFiles(directory)) {
    const text = await readFile(join(directory, file), 'utf8');
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    else if (lines.length) return broken(file, lines.length, null, 'the last line is incomplete');
    for (const [i, line] of lines.entries()) {
      const record = parseRecord(line);
      if (!record) return broken(file, i + 1, null, 'not a JSON audit record');
      if (record.seq !== seq + 1) {
        return broken(file, i + 1, record.seq, `expected seq ${seq + 1}, found ${record.seq}`);
      }
      if (record.prevHash !== hash) {
        return broken(file, i + 1, record.seq, 'prevHash is not the hash of the record before it');
      }
      if (recordHash(record) !== record.hash) {
        return broken(file, i + 1, record.seq, 'hash does not match the record (it was changed)');
      }
      seq = record.seq;
      hash = record.hash;
      index++;
    }
  }
  return { valid: true, records: index, firstBrokenAt: null, lastSeq: seq, lastHash: hash };
}

/**
 * Deletes whole monthly files that ended more than `keepDays` (≥ 183) days before `now`, after
 * writing the anchor that lets the rest verify. Refuses to delete a broken part of the chain.
 * For rotation scripts; the app itself never calls it. Returns the deleted file names.
 */
export async function pruneAudit(directory: string, keepDays: number, now = new Date()): Promise<string[]> {
  if (!Number.isInteger(keepDays) || keepDays < AUDIT_MIN_RETENTION_DAYS) {
    throw new RangeError(
      `audit records must be kept at least ${AUDIT_MIN_RETENTION_DAYS} days (six months), got keepDays=${keepDays}`,
    );
  }
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const files = await auditFiles(directory);
  const old = files.filter((f) => {
    const [, y, m] = FILE_PATTERN.exec(f) as RegExpExecArray;
    return Date.UTC(Number(y), Number(m), 1) <= cutoff; // first instant of the following month
  });
  if (!old.length) return [];
  const status = await verifyAuditChain(directory);
  if (status.firstBrokenAt && old.includes(status.firstBrokenAt.file)) {
    throw new Error(
      `refusing to prune: the audit chain is broken in ${status.firstBrokenAt.file} line ${status.firstBrokenAt.line} (${status.firstBrokenAt.reason})`,
    );
  }
  const lastOld = old.at(-1) as string;
  const last = await lastRecordOf(join(directory, lastOld));
  if (last) {
    const tmp = join(directory, `${ANCHOR_FILE}.tmp`);
    const anchor = { seq: last.seq, hash: last.hash, prunedThrough: lastOld, prunedAt: now.toISOString() };
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(`${JSON.stringify(anchor)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(directory, ANCHOR_FILE));
  }
  for (const file of old) await rm(join(directory, file));
  await syncDirectory(directory);
  return old;
}

async function syncDirectory(directory: string): Promise<void> {
  const dir = await open(directory, 'r');
  try {
    await dir.sync();
  } catch {
    // some file systems do not support fsync on a directory
  } finally {
    await dir.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// The log: appends, reads

export interface AuditQuery {
  /** Inclusive instants (ms since epoch) on `at`. */
  fromMs?: number | null;
  toMs?: number | null;
  subject?: string | null;
  role?: string | null;
  operationName?: string | null;
  outcome?: AuditOutcome | null;
}

interface OpenAuditFile {
  path: string;
  fd: number;
  ino: number;
  dev: number;
  /** Bytes in the file as this process last wrote or read it. */
  size: number;
  endsWithNewline: boolean;
}

/** A record written to its file (the operating system has it), and its way to the disk. */
export interface WrittenRecord {
  record: AuditRecord;
  /** Settles once an fdatasync that began after the write has completed (rejects if it failed). */
  onDisk: Promise<void>;
}

const fdatasyncAsync = promisify(fdatasync);

export class AuditLog {
  private head: Head | undefined;
  private file: OpenAuditFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Records written since the running fdatasync began: the next one covers them (group commit). */
  private unsynced: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private syncing: Promise<void> | undefined;
  /** An fdatasync failed: the next append re-reads the head and reopens the file. */
  private syncFailed = false;

  constructor(readonly directory: string) {}

  /**
   * Appends a record (serialized with every other append of this process); resolves once it is on
   * disk — written and fdatasync-ed. Concurrent appends share one fdatasync (group commit).
   */
  async append(entry: AuditEntry): Promise<AuditRecord> {
    const { record, onDisk } = await this.appendWritten(entry);
    await onDisk;
    return record;
  }

  /**
   * Appends a record; resolves once it is written to its file — the operating system holds it, so a
   * crash of this process can no longer lose it — and hands back `onDisk` for its fdatasync.
   */
  appendWritten(entry: AuditEntry): Promise<WrittenRecord> {
    const run = this.queue.then(() => this.write(entry));
    this.queue = run.catch(() => undefined);
    return run;
  }

  // The write itself is synchronous (a few microseconds into the page cache); only the fdatasync
  // goes to libuv's thread pool. Three thread-pool round trips per record (stat, write, sync) cost a
  // read request more than its audit work on a 2-core machine.
  private async write(entry: AuditEntry): Promise<WrittenRecord> {
    try {
      if (this.syncFailed) {
        this.syncFailed = false;
        this.head = undefined;
        await this.closeFile();
      }
      this.head ??= await readHead(this.directory);
      const head = this.head;
      const now = monthFile(new Date());
      const file = head.file && head.file > now ? head.file : now;
      const base: Omit<AuditRecord, 'hash'> = { ...entry, seq: head.seq + 1, prevHash: head.hash };
      const record: AuditRecord = { ...base, hash: recordHash(base) };
      const current = await this.fileFor(join(this.directory, file));
      const line = `${current.endsWithNewline ? '' : '\n'}${canonicalJson(record)}\n`;
      const bytes = Buffer.from(line, 'utf8');
      const created = current.size === 0;
      try {
        const written = writeSync(current.fd, bytes);
        if (written !== bytes.length) throw new Error(`short write: ${written} of ${bytes.length} bytes`);
        current.size += written;
        current.endsWithNewline = true;
      } catch (error) {
        try {
          ftruncateSync(current.fd, current.size);
        } catch {
          // the file is reopened (and its size re-read) on the next append
        }
        throw error;
      }
      if (created) await syncDirectory(this.directory);
      this.head = { seq: record.seq, hash: record.hash, file };
      return { record, onDisk: this.syncSoon(current.fd) };
    } catch (error) {
      // Re-read the head from disk next time: never continue from a state that was not written.
      this.head = undefined;
      await this.closeFile();
      throw error;
    }
  }

  /** A promise for the next fdatasync of `fd` that begins after now. */
  private syncSoon(fd: number): Promise<void> {
    const onDisk = new Promise<void>((resolve, reject) => this.unsynced.push({ resolve, reject }));
    // The loop checks for waiters and ends in one synchronous step, so no waiter is left behind.
    this.syncing ??= this.syncLoop(fd);
    return onDisk;
  }

  private async syncLoop(fd: number): Promise<void> {
    try {
      while (this.unsynced.length) {
        const batch = this.unsynced;
        this.unsynced = [];
        try {
          await fdatasyncAsync(fd);
          for (const waiter of batch) waiter.resolve();
        } catch (error) {
          this.syncFailed = true;
          for (const waiter of batch) waiter.reject(error as Error);
        }
      }
    } finally {
      this.syncing = undefined;
    }
  }

  /**
   * The open month file at `path`. It stays open between records (opening, checking and closing it
   * for every request cost more than the write); one stat of the path per record notices a file
   * that was rotated, pruned, replaced or appended to by anything else, and then it is reopened.
   */
  private async fileFor(path: string): Promise<OpenAuditFile> {
    const open_ = this.file;
    if (open_ && open_.path === path) {
      const now = statSync(path, { throwIfNoEntry: false });
      if (now && now.ino === open_.ino && now.dev === open_.dev && now.size === open_.size) return open_;
    }
    await this.closeFile();
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'a+', 0o600);
    try {
      const { size, ino, dev } = fstatSync(fd);
      // A line left without its newline (written by something else) must not swallow the next one.
      const last = Buffer.alloc(1);
      if (size > 0) readSync(fd, last, 0, 1, size - 1);
      this.file = { path, fd, ino, dev, size, endsWithNewline: size === 0 || last[0] === 10 };
      return this.file;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Closes the open file once the fdatasyncs of its records have run. */
  private async closeFile(): Promise<void> {
    while (this.syncing) await this.syncing;
    const open_ = this.file;
    this.file = undefined;
    if (open_) {
      try {
        closeSync(open_.fd);
      } catch {
        // already closed
      }
    }
  }

  /** Verifies the files, and that none of the records this process wrote is missing at the end. */
  async status(): Promise<AuditChainStatus> {
    await this.queue;
    const status = await verifyAuditChain(this.directory);
    const head = this.head;
    if (status.valid && head && head.seq > status.lastSeq) {
      return {
        ...status,
        valid: false,
        firstBrokenAt: {
          file: head.file ?? '',
          line: 0,
          index: status.records,
          seq: status.lastSeq + 1,
          reason: `records ${status.lastSeq + 1} to ${head.seq} written by this process are missing (the trail was truncated)`,
        },
      };
    }
    return status;
  }

  /**
   * Records matching the query, newest first, with seq < beforeSeq, at most `limit`. Scans the
   * monthly files that can hold the date range (whole files: fine at the current volume; an index
   * is the next step if the trail grows large). Unparseable lines are skipped (verification
   * reports them).
   */
  async list(query: AuditQuery, beforeSeq: number | null, limit: number): Promise<AuditRecord[]> {
    const out: AuditRecord[] = [];
    if (limit <= 0) return out;
    // A record is filed in the month it was WRITTEN, which can follow the month of `at`.
    const firstFile = query.fromMs != null ? monthFile(new Date(query.fromMs)) : '';
    const lastFile =
      query.toMs != null ? monthFile(new Date(new Date(query.toMs).setUTCDate(1) + 32 * 86_400_000)) : '~';
    const files = (await auditFiles(this.directory)).filter((f) => f >= firstFile && f <= lastFile).reverse();
    for (const file of files) {
      const lines = (await readFile(join(this.directory, file), 'utf8')).split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const record = parseRecord(lines[i] as string);
        if (!record || (beforeSeq !== null && record.seq >= beforeSeq)) continue;
        const at = Date.parse(record.at);
        if (query.fromMs != null && at < query.fromMs) continue;
        if (query.toMs != null && at > query.toMs) continue;
        if (query.subject != null && record.subject !== query.subject) continue;
        if (query.role != null && record.role !== query.role) continue;
        if (query.operationName != null && record.operationName !== query.operationName) continue;
        if (query.outcome != null && record.outcome !== query.outcome) continue;
        out.push(record);
      }
      // Within a file lines are in seq order, and files are in seq order: sort once, then cut.
      if (out.length >= limit) break;
    }
    return out.sort((a, b) => b.seq - a.seq).slice(0, limit);
  }
}

const logs = new Map<string, AuditLog>();

/** The process's single writer for a directory. */
export function auditLog(directory: string): AuditLog {
  const key = resolve(directory);
  let log = logs.get(key);
  if (!log) {
    log = new AuditLog(key);
    logs.set(key, log);
  }
  return log;
}

// ---------------------------------------------------------------------------------------------------
// Redaction

export const REDACTED = '[REDACTED]';

/** Keys whose values are resident ID numbers whatever they look like (case-insensitive). */
const PERSONAL_KEYS = new Set(['residentid', 'resident_id', 'idnumber', 'id_number']);
/**
 * 17 digits then a digit or X (GB 11643-1999), anywhere in a string: a longer digit run that
 * contains one is redacted too (over-redacting a long number costs the trail little).
 */
const RESIDENT_ID_PATTERN = /\d{17}[\dXx]/;
const RESIDENT_ID_PATTERN_GLOBAL = new RegExp(RESIDENT_ID_PATTERN.source, 'g');

/**
 * Input fields that hold personal data by their type (person names, name searches), found by
 * walking the variables along their declared GraphQL input types.
 */
const PERSONAL_INPUT_FIELDS: Record<string, readonly string[]> = {
  CreatePersonInput: ['name', 'residentId'],
  UpdatePersonInput: ['name', 'residentId'],
  PersonFilter: ['search', 'residentId'],
};

/** An uploaded file (a File/Blob of a multipart request): audited by name and size, never its bytes. */
function isUpload(value: object): value is { name?: string; size: number } {
  const v = value as { size?: unknown; stream?: unknown; arrayBuffer?: unknown };
  return typeof v.size === 'number' && typeof v.stream === 'function' && typeof v.arrayBuffer === 'function';
}

/**
 * A copy of the variables with personal data replaced by "[REDACTED]" and uploaded files by their name
 * and size (`{upload, bytes}`): any value under a key named
 * residentId / resident_id / idNumber (any depth, any case), any string containing an 18-character
 * resident ID number, and — when the schema and document are given — the person-name fields of
 * PERSONAL_INPUT_FIELDS. Numbers and booleans are kept; nothing else is changed.
 */
export function redactVariables(
  variables: unknown,
  types?: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null },
): unknown {
  const typeOf = new Map<string, GraphQLInputType>();
  if (types) {
    const operation = getOperationAST(types.document, types.operationName ?? undefined);
    for (const def of operation?.variableDefinitions ?? []) {
      const type = typeFromAST(types.schema, def.type);
      if (type) typeOf.set(def.variable.name.value, type as GraphQLInputType);
    }
  }
  const walk = (value: unknown, type: GraphQLInputType | undefined, depth: number): unknown => {
    if (depth > 64) return REDACTED;
    // Unwrap non-null, and a list given a single value (GraphQL coerces it to a one-item list).
    let named = type;
    while (named && (isNonNullType(named) || (isListType(named) && !Array.isArray(value)))) {
      named = named.ofType as GraphQLInputType;
    }
    if (typeof value === 'string') return RESIDENT_ID_PATTERN.test(value) ? REDACTED : value;
    if (value === null || typeof value !== 'object') return value;
    if (isUpload(value)) return { upload: value.name ?? null, bytes: value.size };
    if (Array.isArray(value)) {
      const item = named && isListType(named) ? (named.ofType as GraphQLInputType) : undefined;
      return value.map((v) => walk(v, item, depth + 1));
    }
    const object = named && isInputObjectType(named) ? named : undefined;
    const personal = object ? (PERSONAL_INPUT_FIELDS[object.name] ?? []) : [];
    const fields = object?.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        (PERSONAL_KEYS.has(k.toLowerCase()) || personal.includes(k)) && v !== null && v !== undefined
          ? REDACTED
          : walk(v, fields?.[k]?.type, depth + 1),
      ]),
    );
  };
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
    return walk(variables, undefined, 0);
  }
  return Object.fromEntries(
    Object.entries(variables as Record<string, unknown>).map(([k, v]) => [
      k,
      PERSONAL_KEYS.has(k.toLowerCase()) && v !== null && v !== undefined
        ? REDACTED
        : walk(v, typeOf.get(k), 1),
    ]),
  );
}

/** sha256 of the document text, resident-ID-shaped literals replaced first (see the header). */
export function documentHash(query: string): string {
  return sha256(query.replace(RESIDENT_ID_PATTERN_GLOBAL, REDACTED));
}

// ---------------------------------------------------------------------------------------------------
// What a response returned

/** Types whose objects are personal data: the audit names each one returned. */
const PERSONAL_TYPES = ['Person'] as const;
/** The base64 characters every global id of a personal type starts with ("Person:" → "UGVyc29uO"). */
const PERSONAL_ID_PREFIXES = PERSONAL_TYPES.map((type) => {
  const bytes = Buffer.byteLength(`${type}:`);
  return Buffer.from(`${type}:`)
    .toString('base64')
    .slice(0, Math.floor((bytes * 8) / 6));
});

/** Distinct objects with a string `id` in the data, and the Person global ids among them. */
export function returnedObjects(data: unknown, persons: Set<string> = new Set()): AuditEntry['returned'] {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 200 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
      return;
    }
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') {
      ids.add(id);
      // Only ids that look like a personal type's are decoded (decoding every id cost more than the rest).
      if (PERSONAL_ID_PREFIXES.some((prefix) => id.startsWith(prefix))) {
        try {
          const decoded = decodeGlobalID(id);
          if ((PERSONAL_TYPES as readonly string[]).includes(decoded.typename)) persons.add(id);
        } catch {
          // not a global id
        }
      }
    }
    for (const v of Object.values(value)) walk(v, depth + 1);
  };
  walk(data, 0);
  return { objects: ids.size, persons: [...persons].sort() };
}

// ---------------------------------------------------------------------------------------------------
// The yoga plugin

interface RequestState {
  requestId: string;
  at: string;
  started: number | null;
  params?: { query?: unknown; operationName?: unknown; variables?: unknown };
  principal?: Principal;
  schema?: GraphQLSchema;
  document?: DocumentNode;
  operationType?: AuditEntry['operationType'];
  operationName?: string | null;
  results: ExecutionResult[];
  /** Global ids of persons whose fields were resolved. */
  persons: Set<string>;
}

export interface AuditPluginOptions {
  /**
   * Identifies the caller from the Authorization header when the context was never built (a
   * document refused by parsing or validation, which yoga checks before the context factory), so
   * such records still say who. Errors mean "unknown caller". Pass `(h) => verifier.authenticate(h)`.
   */
  authenticate?: (authorization: string | null) => Promise<Principal>;
  /** Where failures to store a record are reported (default: stderr). */
  logError?: (message: string) => void;
}

const contextStates = new WeakMap<object, RequestState>();
const trackedSchemas = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolvers of the personal types once per schema so each request learns which persons
 * it answered about, even when the client did not select `id`. The wrapper only records (through
 * the request's context) and calls the original resolver; outside an audited request it does
 * nothing.
 */
function trackPersons(schema: GraphQLSchema): void {
  if (trackedSchemas.has(schema)) return;
  trackedSchemas.add(schema);
  for (const name of PERSONAL_TYPES) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const original = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const state = context && typeof context === 'object' ? contextStates.get(context) : undefined;
        const id = (source as { id?: unknown } | null)?.id;
        if (state && typeof id === 'string') state.persons.add(encodeGlobalID(name, id));
        return original(source, args, context, info);
      };
    }
  }
}

function errorCodes(results: ExecutionResult[]): string[] {
  const codes: string[] = [];
  for (const r of results) {
    for (const e of r.errors ?? []) {
      const code = e.extensions?.code;
      codes.push(typeof code === 'string' ? code : 'UNEXPECTED');
    }
  }
  return [...new Set(codes)];
}

function outcomeOf(results: ExecutionResult[], status: number, codes: string[]): AuditOutcome {
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (!results.length) return status < 400 ? 'ok' : 'rejected';
  if (!codes.length && status < 400) return 'ok';
  // Execution answers `data` (possibly null); a refusal before execution answers errors only.
  return results.some((r) => 'data' in r && r.data !== undefined) ? 'error' : 'rejected';
}

function operationOf(state: RequestState): void {
  if (state.operationType !== undefined) return;
  state.operationType = null;
  const query = state.params?.query;
  const name = typeof state.params?.operationName === 'string' ? state.params.operationName : null;
  state.operationName = name;
  if (typeof query !== 'string' || query.length > 100_000) return;
  try {
    const document = parse(query, { maxTokens: 10_000 });
    state.document ??= document;
    const operation = getOperationAST(document, name ?? undefined);
    if (operation) {
      state.operationType = operation.operation;
      state.operationName = operation.name?.value ?? name;
    }
  } catch {
    // not a document: the record says so through its outcome and error codes
  }
}

/**
 * The audit plugin. Put it after the plugins that refuse requests outright (hardening) and before
 * any plugin whose onExecute refuses or runs a mutation (write gate), so a mutation's 'pending'
 * record is stored (or the mutation refused) before anything else decides.
 */
export function auditPlugins(config: AuditConfig, options: AuditPluginOptions = {}): Plugin<Context>[] {
  const log = auditLog(config.directory);
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  const states = new WeakMap<Request, RequestState>();
  let endpoint = '/graphql';

  const newState = (started: number | null): RequestState => ({
    requestId: randomUUID(),
    at: new Date().toISOString(),
    started,
    results: [],
    persons: new Set(),
  });

  const entryFor = (state: RequestState, outcome: AuditOutcome): AuditEntry => {
    operationOf(state);
    const query = state.params?.query;
    const principal = state.principal;
    return {
      at: state.at,
      requestId: state.requestId,
      subject: principal?.subject ?? null,
      role: principal?.role ?? null,
      jurisdiction: principal?.jurisdiction ?? null,
      operationName: state.operationName ?? null,
      operationType: state.operationType ?? null,
      documentHash: typeof query === 'string' ? documentHash(query) : null,
      variables: redactVariables(
        state.params?.variables ?? null,
        state.schema && state.document
          ? { schema: state.schema, document: state.document, operationName: state.operationName }
          : undefined,
      ),
      returned: { objects: 0, persons: [] },
      outcome,
      errorCodes: [],
      durationMs: null,
      httpStatus: null,
    };
  };

  let schema: GraphQLSchema | undefined;

  const plugin: Plugin<Context> = {
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    onSchemaChange({ schema: current }) {
      schema = current;
      trackPersons(current);
    },
    onRequest({ request, url }) {
      if (url.pathname === endpoint) states.set(request, newState(performance.now()));
    },
    onParams({ params, request }) {
      const state = states.get(request);
      if (state) {
        state.params = params;
        state.schema ??= schema;
      }
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context & { request?: Request };
      const state = context.request ? states.get(context.request) : undefined;
      if (!state) return;
      state.principal = context.principal;
      state.schema = args.schema;
      state.document = args.document;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      state.operationType = operation?.operation ?? null;
      state.operationName = operation?.name?.value ?? args.operationName ?? null;
      trackPersons(args.schema);
      contextStates.set(context, state);
      if (state.operationType !== 'mutation') return;
      try {
        await log.append(entryFor(state, 'pending'));
      } catch (error) {
        logError(
          `[audit] mutation refused: its audit record could not be stored in ${log.directory}: ${(error as Error).message}`,
        );
        setResultAndStopExecution({
          errors: [
            new GraphQLError('The audit trail cannot be written, so no change is made; try again later.', {
              extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
            }),
          ],
        });
      }
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (!state) return;
      const list = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      state.results = list.filter((r) => r && typeof r === 'object' && !(Symbol.asyncIterator in r));
    },
    async onResponse({ request, response }) {
      let state = states.get(request);
      if (!state) {
        // Ended before this plugin's onRequest (an earlier plugin answered): still a request to the
        // endpoint, unless it is the GraphiQL page or a CORS preflight.
        const url = new URL(request.url, 'http://localhost');
        const html = response.headers.get('content-type')?.startsWith('text/html');
        if (url.pathname !== endpoint || request.method === 'OPTIONS' || html) return;
        state = newState(null);
      }
      states.delete(request);
      const unauthenticated = response.status === 401;
      if (!state.principal && options.authenticate && !unauthenticated) {
        state.principal = await options
          .authenticate(request.headers.get('authorization'))
          .catch(() => undefined);
      }
      const codes = errorCodes(state.results);
      if (!state.results.length && response.status >= 400) codes.push(`HTTP_${response.status}`);
      const persons = new Set(state.persons);
      let objects = 0;
      for (const r of state.results) objects += returnedObjects(r.data, persons).objects;
      const entry: AuditEntry = {
        ...entryFor(state, outcomeOf(state.results, response.status, codes)),
        returned: { objects, persons: [...persons].sort() },
        errorCodes: codes,
        durationMs:
          state.started === null ? null : Math.round((performance.now() - state.started) * 1000) / 1000,
        httpStatus: response.status,
      };
      try {
        response.headers.set('x-request-id', state.requestId);
      } catch {
        // immutable headers: the id is in the record anyway
      }
      const failed = (error: unknown) =>
        logError(
          `[audit] the audit record of request ${state.requestId} (${entry.operationType ?? 'unknown'} ${entry.operationName ?? ''}, ${entry.outcome}) could not be stored in ${log.directory}: ${(error as Error).message}`,
        );
      try {
        // A mutation's answer waits for its record on disk; a read's for its record in the file,
        // its fdatasync following at once (shared with concurrent requests) unless syncReads.
        if (entry.operationType === 'mutation' || config.syncReads) await log.append(entry);
        else (await log.appendWritten(entry)).onDisk.catch(failed);
      } catch (error) {
        failed(error);
      }
    },
  };
  return [plugin];
}
