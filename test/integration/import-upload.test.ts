/**
 * The importInventory mutation with a real file upload (GraphQL multipart request) over real HTTP:
 * the app listens on 127.0.0.1 and the test posts FormData with fetch, as a browser or curl would.
 * Same report as the CLI for the same file (GBK with `encoding`), the upload size limit (a clear
 * ValidationError on `file`, 413 beyond the request maximum), the ordinary JSON body limit unchanged,
 * CSRF protection of multipart requests, the audit record (file name and size, not the content) and
 * the jurisdiction of a county registrar.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/audit.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp, testDb, tokenFor } from '../support/harness.js';

const run = promisify(execFile);
const fixtures = new URL('../fixtures/import/', import.meta.url).pathname;
const templates = new URL('../../templates/', import.meta.url).pathname;

const MAX_UPLOAD = 4_096;
const MAX_BODY = 2_048;

const MUTATION = `mutation Upload($entity: ImportEntity!, $file: File, $encoding: String, $dryRun: Boolean, $onlyGoodRows: Boolean) {
  importInventory(entity: $entity, file: $file, encoding: $encoding, dryRun: $dryRun, onlyGoodRows: $onlyGoodRows) {
    __typename
    ... on MutationImportInventorySuccess {
      data { entity file rows goodRows badRowCount badRowsTruncated created updated unchanged batches wasWritten dryRun badRows { file line column value reason } }
    }
    ... on ValidationError { issues { field message } }
  }
}`;

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const result = await testDb().db.driver.executeQuery(cypher, params, {
    database: testDb().config.neo4j.database,
  });
  return result.records.map((r) => r.toObject());
}

describe('importInventory with a file upload (multipart, real HTTP)', () => {
  let server: Server;
  let url = '';
  let auditDir = '';

  beforeAll(async () => {
    auditDir = await mkdtemp(join(tmpdir(), 'upload-audit-'));
    const { config } = testDb();
    const { app } = testApp({
      audit: { ...config.audit, directory: auditDir },
      hardening: { ...config.hardening, maxUploadBytes: MAX_UPLOAD, maxBodyBytes: MAX_BODY },
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    await query(
      `CREATE (:Sector {id: 's-water', code: 'WATER', name: '水利', nameEn: 'Water'})
       CREATE (:Operator {id: 'o-gp', uscc: '91140581MA0K00007C', name: '高平市已有单位', divisionCode: '140581'})`,
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** A multipart request per the GraphQL multipart request spec: operations, map, then the file. */
  async function upload(
    variables: Record<string, unknown>,
    file: { bytes: Buffer; name: string } | null,
    options: { csrf?: boolean; claims?: TokenClaims } = {},
  ) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: MUTATION, variables: { ...variables, file: null } }));
    form.append('map', JSON.stringify(file ? { 0: ['variables.file'] } : {}));
    if (file) form.append('0', new Blob([new Uint8Array(file.bytes)], { type: 'text/csv' }), file.name);
    const headers: Record<string, string> = {
      authorization: `Bearer ${await tokenFor(options.claims ?? { sub: 'upload-test', role: 'REGISTRAR' })}`,
    };
    if (options.csrf !== false) headers['x-graphql-client'] = 'upload-test';
    const response = await fetch(url, { method: 'POST', headers, body: form });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: { importInventory: Record<string, unknown> & { data?: Record<string, unknown> } };
        errors?: { message: string; extensions?: { code?: string } }[];
      },
    };
  }

  const file = (path: string, name = path.split('/').pop() as string) => ({
    bytes: readFileSync(path),
    name,
  });

  it('a GBK file uploaded with encoding gbk gives the same report as the CLI, then writes it', async () => {
    const gbk = file(join(fixtures, 'operators-gbk.csv'));
    const dry = await upload({ entity: 'OPERATORS', encoding: 'gbk', dryRun: true }, gbk);
    expect(dry.status).toBe(200);
    const expected = {
      entity: 'OPERATORS',
      file: 'operators-gbk.csv',
      rows: 1,
      goodRows: 1,
      badRowCount: 0,
      badRowsTruncated: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      batches: 0,
      wasWritten: false,
      dryRun: true,
      badRows: [],
    };
    expect(dry.body.data?.importInventory).toEqual({
      __typename: 'MutationImportInventorySuccess',
      data: expected,
    });
    const cli = await run('npx', [
      'tsx',
      'scripts/import.ts',
      '--entity',
      'operators',
      '--json',
      '--dry-run',
      '--encoding',
      'gbk',
      '--file',
      join(fixtures, 'operators-gbk.csv'),
    ]);
    expect({ ...JSON.parse(cli.stdout), entity: 'OPERATORS' }).toEqual(expected);

    const written = await upload({ entity: 'OPERATORS', encoding: 'gbk' }, gbk);
    expect(written.body.data?.importInventory.data).toMatchObject({ rows: 1, created: 1, wasWritten: true });
    expect(
      await query(
        "MATCH (o:Operator {uscc: '91140500MA0K0001AQ'}) RETURN o.name AS name, o.divisionCode AS d",
      ),
    ).toEqual([{ name: '晋城市高平供热公司', d: '140581' }]);

    // Read as UTF-8, the same bytes are mojibake: the header matches no column.
    const asUtf8 = await upload({ entity: 'OPERATORS', dryRun: true }, gbk);
    expect(asUtf8.body.data?.importInventory.data).toMatchObject({ wasWritten: false, rows: 1 });
    const mojibake = (asUtf8.body.data?.importInventory.data?.badRows ?? []) as {
      line: number;
      reason: string;
    }[];
    expect(mojibake.map((b) => [b.line, b.reason])).toEqual([
      [1, 'unknown column for operators (see templates/README.md)'],
      [1, 'unknown column for operators (see templates/README.md)'],
      [1, 'unknown column for operators (see templates/README.md)'],
      [1, 'required column missing (统一社会信用代码 / 信用代码 / USCC)'],
      [1, 'required column missing (单位名称 / 运营者名称 / 网络运营者)'],
      [1, 'required column missing (行政区划代码 / 所属区县 / 行政区划 / division / division code)'],
      [2, 'is required'],
      [2, 'is required'],
      [2, 'is required'],
    ]);
  });

  it('a template uploaded gives the same report as the CLI (re-run of what is there: unchanged)', async () => {
    const args = ['tsx', 'scripts/import.ts', '--json', '--entity'];
    const cliFirst = await run('npx', [...args, 'operators', '--file', join(templates, 'operators.csv')]);
    expect(JSON.parse(cliFirst.stdout)).toMatchObject({ rows: 1, created: 1 });
    const up = await upload({ entity: 'OPERATORS' }, file(join(templates, 'operators.csv')));
    const cliAgain = await run('npx', [...args, 'operators', '--file', join(templates, 'operators.csv')]);
    const expected = {
      entity: 'OPERATORS',
      file: 'operators.csv',
      rows: 1,
      goodRows: 1,
      badRowCount: 0,
      badRowsTruncated: false,
      created: 0,
      updated: 0,
      unchanged: 1,
      batches: 1,
      wasWritten: true,
      dryRun: false,
      badRows: [],
    };
    expect(up.body.data?.importInventory.data).toEqual(expected);
    expect({ ...JSON.parse(cliAgain.stdout), entity: 'OPERATORS' }).toEqual(expected);
  });

  it('bad rows come back with the uploaded file name, line, column, value and reason; nothing is written', async () => {
    const bad = await upload({ entity: 'OPERATORS' }, file(join(fixtures, 'operators-bad.csv')));
    expect(bad.body.data?.importInventory.data).toMatchObject({
      file: 'operators-bad.csv',
      rows: 8,
      goodRows: 1,
      badRowCount: 7,
      wasWritten: false,
    });
    expect(
      ((bad.body.data?.importInventory.data?.badRows ?? []) as { line: number; reason: string }[]).map(
        (b) => [b.line, b.reason],
      )[6],
    ).toEqual([8, 'duplicate: line 2 of this file has the same key']);
    // 91140502MA0K00001Q ("Good one" in the file) keeps the template's name: nothing was written.
    expect(await query("MATCH (o:Operator {uscc: '91140502MA0K00001Q'}) RETURN o.name AS n")).toEqual([
      { n: '晋城市示例供水有限公司' },
    ]);
  });

  it('a file over IMPORT_MAX_UPLOAD_BYTES is a ValidationError on `file`; far over it, 413 before parsing', async () => {
    const header = '单位名称,统一社会信用代码,行政区划代码\n';
    const over = Buffer.from(header + 'x'.repeat(MAX_UPLOAD + 1 - Buffer.byteLength(header)));
    expect(over.length).toBe(MAX_UPLOAD + 1);
    const r = await upload({ entity: 'OPERATORS' }, { bytes: over, name: 'big.csv' });
    expect(r.status).toBe(200);
    expect(r.body.data?.importInventory).toEqual({
      __typename: 'ValidationError',
      issues: [
        {
          field: 'file',
          message: `is ${MAX_UPLOAD + 1} bytes: the largest upload is ${MAX_UPLOAD} bytes (IMPORT_MAX_UPLOAD_BYTES); larger files go through the CLI (npm run import)`,
        },
      ],
    });
    const far = await upload(
      { entity: 'OPERATORS' },
      { bytes: Buffer.alloc(3 * MAX_UPLOAD, 0x61), name: 'far.csv' },
    );
    expect(far.status).toBe(413);
    expect(far.body.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(far.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^upload request of \\d+ bytes exceeds the maximum of ${MAX_UPLOAD + MAX_BODY} bytes \\(an uploaded file may have ${MAX_UPLOAD} bytes, IMPORT_MAX_UPLOAD_BYTES\\)$`,
      ),
    );
  });

  it('the ordinary JSON body limit is unchanged: a JSON request over GRAPHQL_MAX_BODY_BYTES is 413', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor({ sub: 'upload-test', role: 'REGISTRAR' })}`,
      },
      body: JSON.stringify({
        query: 'mutation($c: String!) { importInventory(entity: VENDORS, content: $c) { __typename } }',
        variables: { c: 'x'.repeat(MAX_BODY) },
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(new RegExp(`exceeds the maximum of ${MAX_BODY} bytes$`));
  });

  it('a multipart request without a CSRF header (a plain HTML form could send it) is refused with 403', async () => {
    const r = await upload({ entity: 'OPERATORS' }, file(join(templates, 'operators.csv')), { csrf: false });
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('CSRF_HEADER_REQUIRED');
  });

  it('neither file nor content is a ValidationError; an unknown encoding too', async () => {
    const none = await upload({ entity: 'OPERATORS' }, null);
    expect(none.body.data?.importInventory).toEqual({
      __typename: 'ValidationError',
      issues: [
        {
          field: 'file',
          message: 'is required: upload the file (multipart request) or send its text as content',
        },
      ],
    });
    const enc = await upload(
      { entity: 'OPERATORS', encoding: 'klingon' },
      file(join(templates, 'operators.csv')),
    );
    expect(enc.body.data?.importInventory).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'encoding', message: 'unknown encoding "klingon"' }],
    });
  });

  it('a county registrar uploads within its jurisdiction only, as with content', async () => {
    const csv = Buffer.from(
      '统一社会信用代码,单位名称,行政区划代码\n91140522MA0K00002T,阳城县单位,140522\n91140525MA0K000039,沁水县外单位,140521\n',
    );
    const r = await upload(
      { entity: 'OPERATORS', onlyGoodRows: true },
      { bytes: csv, name: 'county.csv' },
      { claims: { sub: 'county', role: 'REGISTRAR', division: '140522' } },
    );
    expect(r.body.data?.importInventory.data).toMatchObject({
      rows: 2,
      goodRows: 1,
      created: 1,
      wasWritten: true,
    });
    expect(r.body.data?.importInventory.data?.badRows).toEqual([
      {
        file: 'county.csv',
        line: 3,
        column: '行政区划代码',
        value: '140521',
        reason: '"140521" is outside your jurisdiction (division:140522)',
      },
    ]);
  });

  it('audits each upload by file name and size, never its content', async () => {
    const records = await auditLog(auditDir).list({}, null, 100);
    const uploads = records.filter((r) => r.operationName === 'Upload' && r.outcome !== 'pending');
    const variables = uploads.map((r) => r.variables as Record<string, unknown>);
    const gbkSize = readFileSync(join(fixtures, 'operators-gbk.csv')).length;
    // Newest first: the UTF-8 dry run, the write, the GBK dry run.
    expect(
      variables.filter((v) => (v.file as { upload?: string } | null)?.upload === 'operators-gbk.csv'),
    ).toEqual([
      { entity: 'OPERATORS', file: { upload: 'operators-gbk.csv', bytes: gbkSize }, dryRun: true },
      { entity: 'OPERATORS', encoding: 'gbk', file: { upload: 'operators-gbk.csv', bytes: gbkSize } },
      {
        entity: 'OPERATORS',
        encoding: 'gbk',
        file: { upload: 'operators-gbk.csv', bytes: gbkSize },
        dryRun: true,
      },
    ]);
    const text = JSON.stringify(records);
    expect(text).not.toContain('晋城市高平供热公司');
    expect(text).not.toContain('91140500MA0K0001AQ');
    expect(text).toContain('"upload":"county.csv"');
  });
});
