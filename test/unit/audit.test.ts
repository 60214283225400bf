/** The audit trail's storage, chain verification, retention and redaction (no database). */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { schema } from '../../schema/index.js';
import {
  AuditLog,
  canonicalJson,
  documentHash,
  loadAuditConfig,
  pruneAudit,
  REDACTED,
  recordHash,
  redactVariables,
  returnedObjects,
  sha256,
  verifyAuditChain,
} from '../../server/audit.js';
import { residentIdCheckCharacter } from '../../server/validation/identifiers.js';
import { auditEntry as entry } from '../support/audit-entry.js';

const RESIDENT_ID = `14050219900101001${residentIdCheckCharacter('14050219900101001')}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-unit-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function onlyFile(): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  return join(dir, files[0] as string);
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('audit chain', () => {
  it('links each record to the one before it and continues across restarts', async () => {
    const first = new AuditLog(dir);
    for (let n = 1; n <= 3; n++) await first.append(entry(n));
    // A new process: the head is read back from the newest file.
    const second = new AuditLog(dir);
    const fourth = await second.append(entry(4));
    await second.append(entry(5));

    const records = lines(onlyFile()).map((l) => JSON.parse(l));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0].prevHash).toBe('0'.repeat(64));
    expect(fourth.prevHash).toBe(records[2].hash);
    for (const r of records) expect(recordHash(r)).toBe(r.hash);
    // hash = sha256(prevHash + canonical JSON of the record without hash)
    const { hash, ...rest } = records[1];
    expect(hash).toBe(sha256(records[0].hash + canonicalJson(rest)));
    expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 5, firstBrokenAt: null });
  });

  it('serializes concurrent appends into one linear chain', async () => {
    const log = new AuditLog(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(entry(i + 1))));
    expect(lines(onlyFile()).map((l) => JSON.parse(l).seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await verifyAuditChain(dir)).valid).toBe(true);
  });

  async function threeRecords(): Promise<string> {
    const log = new AuditLog(dir);
    for (let n = 1; n <= 3; n++) await log.append(entry(n));
    return onlyFile();
  }

  it('detects an edited line', async () => {
    const path = await threeRecords();
    const content = lines(path);
    content[1] = (content[1] as string).replace('"subject":"alice"', '"subject":"mallory"');
    writeFileSync(path, `${content.join('\n')}\n`);
    expect(await verifyAuditChain(dir)).toMatchObject({
      valid: false,
      records: 1,
      firstBrokenAt: { line: 2, index: 1, seq: 2, reason: expect.stringContaining('hash does not match') },
    });
  });

  it('detects an edit that recomputes the hash of the edited line (the next link breaks)', async () => {
    const path = await threeRecords();
    const content = lines(path);
    const edited = { ...JSON.parse(content[1] as string), outcome: 'error' };
    edited.hash = recordHash(edited);
    content[1] = canonicalJson(edited);
    writeFileSync(path, `${content.join('\n')}\n`);
    expect((await verifyAuditChain(dir)).firstBrokenAt).toMatchObject({
      line: 3,
      seq: 3,
      reason: expect.stringContaining('prevHash'),
    });
  });

  it('detects a deleted line', async () => {
    const path = await threeRecords();
    const content = lines(path);
    content.splice(1, 1);
    writeFileSync(path, `${content.join('\n')}\n`);
    expect((await verifyAuditChain(dir)).firstBrokenAt).toMatchObject({
      file: path.split('/').at(-1),
      line: 2,
      seq: 3,
      reason: 'expected seq 2, found 3',
    });
  });

  it('detects reordered lines', async () => {
    const path = await threeRecords();
    const [a, b, c] = lines(path);
    writeFileSync(path, `${[a, c, b].join('\n')}\n`);
    expect((await verifyAuditChain(dir)).firstBrokenAt).toMatchObject({ line: 2, seq: 3 });
  });

  it('detects a deleted first line and a garbled line', async () => {
    const path = await threeRecords();
    const [a, b, c] = lines(path);
    writeFileSync(path, `${[b, c].join('\n')}\n`);
    expect((await verifyAuditChain(dir)).firstBrokenAt).toMatchObject({ line: 1, seq: 2 });
    writeFileSync(path, `${[a, 'not json', c].join('\n')}\n`);
    expect((await verifyAuditChain(dir)).firstBrokenAt).toMatchObject({ line: 2, seq: null });
  });

  it('the writing process sees records cut off the end of the file', async () => {
    const log = new AuditLog(dir);
    for (let n = 1; n <= 3; n++) await log.append(entry(n));
    const path = onlyFile();
    writeFileSync(path, `${lines(path).slice(0, 2).join('\n')}\n`);
    expect((await verifyAuditChain(dir)).valid).toBe(true); // the files alone cannot tell
    expect(await log.status()).toMatchObject({
      valid: false,
      firstBrokenAt: { seq: 3, reason: expect.stringContaining('missing') },
    });
  });

  it('keeps its file open between records, yet notices a line appended by another writer and a removed file', async () => {
    const log = new AuditLog(dir);
    await log.append(entry(1));
    const path = onlyFile();
    appendFileSync(path, 'a line without its newline');
    await log.append(entry(2));
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .map((l) => (l.startsWith('{') ? JSON.parse(l).seq : l)),
    ).toEqual([1, 'a line without its newline', 2, '']);
    rmSync(path);
    await log.append(entry(3));
    expect(lines(onlyFile()).map((l) => JSON.parse(l).seq)).toEqual([3]);
  });

  it('refuses to append where the directory cannot exist, and recovers when it can', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    await expect(new AuditLog(join(blocker, 'audit')).append(entry(1))).rejects.toThrow();
    const log = new AuditLog(join(dir, 'audit'));
    await log.append(entry(1));
    expect((await verifyAuditChain(join(dir, 'audit'))).records).toBe(1);
  });

  it('lists newest first with filters and a seq keyset', async () => {
    const log = new AuditLog(dir);
    for (let n = 1; n <= 6; n++) await log.append(entry(n, { subject: n % 2 ? 'alice' : 'bob' }));
    expect((await log.list({}, null, 3)).map((r) => r.seq)).toEqual([6, 5, 4]);
    expect((await log.list({}, 4, 10)).map((r) => r.seq)).toEqual([3, 2, 1]);
    expect((await log.list({ subject: 'bob' }, null, 10)).map((r) => r.seq)).toEqual([6, 4, 2]);
    expect(await log.list({ toMs: Date.now() - 86_400_000 }, null, 10)).toEqual([]);
  });
});

describe('retention', () => {
  it('refuses to keep less than 183 days', async () => {
    await expect(pruneAudit(dir, 182)).rejects.toThrow(/at least 183 days/);
    await expect(pruneAudit(dir, 30)).rejects.toThrow(RangeError);
    await expect(pruneAudit(dir, 183)).resolves.toEqual([]);
  });

  it('continues the chain across months and prunes whole old months behind an anchor', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const log = new AuditLog(dir);
    vi.setSystemTime(new Date('2024-01-31T23:59:00Z'));
    await log.append(entry(1));
    await log.append(entry(2));
    vi.setSystemTime(new Date('2024-02-01T00:01:00Z'));
    await log.append(entry(3));
    vi.setSystemTime(new Date('2024-09-15T00:00:00Z'));
    await log.append(entry(4));
    expect(readdirSync(dir).sort()).toEqual([
      'audit-2024-01.jsonl',
      'audit-2024-02.jsonl',
      'audit-2024-09.jsonl',
    ]);
    expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 4 });

    // 2024-09-15 minus 200 days is 2024-02-28: January ended before it, February did not.
    expect(await pruneAudit(dir, 200, new Date('2024-09-15T00:00:00Z'))).toEqual(['audit-2024-01.jsonl']);
    expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 2 });
    // A restart continues after the anchor and the remaining files.
    expect((await new AuditLog(dir).append(entry(5))).seq).toBe(5);
    expect(await verifyAuditChain(dir)).toMatchObject({ valid: true, records: 3 });
  });
});

describe('redaction', () => {
  it('replaces resident ID numbers by key and by shape, at any depth', () => {
    const variables = {
      input: {
        residentId: 'anything at all',
        name: 'Zhang San',
        nested: [{ idNumber: '123' }, { note: `holder ${RESIDENT_ID}` }, { RESIDENT_ID: 'x' }],
        deeper: { list: [RESIDENT_ID.toLowerCase(), 'plain'] },
      },
      resident_id: RESIDENT_ID,
      count: 3,
      flag: true,
      missing: null,
      uscc: '91140500MA0K0000XX',
      longNumber: `9${RESIDENT_ID}`,
    };
    expect(redactVariables(variables)).toEqual({
      input: {
        residentId: REDACTED,
        name: 'Zhang San',
        nested: [{ idNumber: REDACTED }, { note: REDACTED }, { RESIDENT_ID: REDACTED }],
        deeper: { list: [REDACTED, 'plain'] },
      },
      resident_id: REDACTED,
      count: 3,
      flag: true,
      missing: null,
      uscc: '91140500MA0K0000XX',
      longNumber: REDACTED,
    });
    expect(JSON.stringify(redactVariables(variables))).not.toContain(RESIDENT_ID);
  });

  it('removes person names where the schema says the input is a person', () => {
    const document = parse(
      'mutation M($p: CreatePersonInput!, $f: PersonFilter, $o: CreateOperatorInput!) { __typename }',
    );
    const redacted = redactVariables(
      {
        p: { name: 'Zhang San', residentId: RESIDENT_ID },
        f: { search: 'Zhang', checkStatus: 'PASSED' },
        o: { name: 'Jincheng Power', uscc: 'x' },
      },
      { schema, document },
    );
    expect(redacted).toEqual({
      p: { name: REDACTED, residentId: REDACTED },
      f: { search: REDACTED, checkStatus: 'PASSED' },
      o: { name: 'Jincheng Power', uscc: 'x' },
    });
  });

  it('hashes documents without letting a resident ID be confirmed from the hash', () => {
    const plain = '{ sectors { code } }';
    expect(documentHash(plain)).toBe(sha256(plain));
    const literal = `{ persons(filter: {residentId: "${RESIDENT_ID}"}) { totalCount } }`;
    expect(documentHash(literal)).toBe(sha256(literal.replace(RESIDENT_ID, REDACTED)));
  });
});

describe('returned objects', () => {
  it('counts distinct objects with ids and names the persons', () => {
    const p1 = encodeGlobalID('Person', 'p-1');
    const p2 = encodeGlobalID('Person', 'p-2');
    const op = encodeGlobalID('Operator', 'o-1');
    const data = {
      a: { edges: [{ node: { id: p2, name: null } }, { node: { id: p1, employments: [{ id: 'e1' }] } }] },
      b: { id: op, again: { id: p1 } },
      c: null,
    };
    expect(returnedObjects(data)).toEqual({ objects: 4, persons: [p1, p2] });
    expect(returnedObjects(null)).toEqual({ objects: 0, persons: [] });
  });
});

describe('configuration', () => {
  it('defaults to .audit under the project root and requires AUDIT_DIR in production', () => {
    const problems: string[] = [];
    expect(loadAuditConfig({}, problems).directory).toMatch(/\/\.audit$/);
    expect(loadAuditConfig({ AUDIT_DIR: '/var/lib/registry/audit' }, problems)).toEqual({
      directory: '/var/lib/registry/audit',
      syncReads: false,
    });
    expect(problems).toEqual([]);
    loadAuditConfig({ NODE_ENV: 'production' }, problems);
    expect(problems).toEqual([expect.stringContaining('AUDIT_DIR is required')]);
  });

  it('AUDIT_SYNC_READS makes reads wait for the fdatasync too; anything but true/false is refused', () => {
    const problems: string[] = [];
    expect(loadAuditConfig({ AUDIT_SYNC_READS: 'true' }, problems).syncReads).toBe(true);
    expect(loadAuditConfig({ AUDIT_SYNC_READS: 'false' }, problems).syncReads).toBe(false);
    expect(problems).toEqual([]);
    loadAuditConfig({ AUDIT_SYNC_READS: 'always' }, problems);
    expect(problems).toEqual([expect.stringContaining('AUDIT_SYNC_READS')]);
  });
});
