/**
 * Inventory import (批量导入) through GraphQL: the same code as `npm run import`, for a file uploaded
 * as `file` in a GraphQL multipart request (up to IMPORT_MAX_UPLOAD_BYTES, 20 MB by default; any
 * encoding iconv-lite knows, `encoding`), or sent as the `content` string of a JSON request (the
 * request body limit applies, GRAPHQL_MAX_BODY_BYTES, 100 kB by default). The uploaded file is read
 * as a stream by both passes of the import; it is never turned into one string.
 */
import { ValidationError } from '../server/errors.js';
import { INVENTORY_ENTITIES, type InventoryEntity } from '../server/import/inventory/columns.js';
import { type BadRow, type ImportReport, importInventory } from '../server/import/inventory/run.js';
import { type ImportFormat, type ImportInput, isKnownEncoding } from '../server/import/inventory/source.js';
import { builder, MUTATION_ERRORS } from './builder.js';

const ENTITY_DESCRIPTIONS: Record<InventoryEntity, string> = {
  operators: 'Network operators (网络运营者), keyed by USCC (统一社会信用代码).',
  systems: 'Protected systems (定级对象), keyed by operator USCC + system name (系统名称).',
  vendors: 'Network-security service companies (网络安全服务机构), keyed by USCC.',
  services:
    'Services of vendors to systems (服务关系: 设计、建设、运维、远程运维、测评…), keyed by vendor, system, kind and start date.',
  persons:
    'Persons (人员), keyed by resident ID number (公民身份号码), which is stored only as a keyed hash and a masked form.',
  checks:
    'Background checks (安全背景审查) of registered persons, keyed by resident ID, check date and checking body; city-wide registrars only.',
  access:
    'Access of registered persons to systems (人员访问权限: 现场、远程、特权), keyed by resident ID, system, kind and start date.',
  employments:
    'Employments (任职) of registered persons at registered vendors (服务机构), keyed by resident ID, vendor USCC and start date; a county registrar: vendors serving its county only.',
  subcontracting:
    'Subcontracting between registered vendors (分包: 总包单位 → 分包单位), keyed by both USCCs and start date; no vendor to itself, no cycle.',
  links:
    'Network links between registered systems (系统互联), keyed by both systems (operator USCC + name), protocol, port and start date.',
  products:
    'Network products (网络产品) with their supplying vendor (SUPPLIES) and optionally a using system (USES); a product is keyed by vendor USCC, name and version.',
  cii: 'CII designations (关键信息基础设施认定) keyed by name, with their member systems (组成系统) keyed by system and start date; city-wide registrars only.',
};

builder.scalarType('File', {
  description:
    'An uploaded file (上传文件): a part of a GraphQL multipart request (multipart/form-data, the GraphQL multipart request spec); input only.',
  serialize: () => {
    throw new Error('File is an input type only');
  },
});

const ImportEntityEnum = builder.enumType('ImportEntity', {
  description: 'What an import file holds (导入对象); one template per value, see templates/README.md.',
  values: Object.fromEntries(
    INVENTORY_ENTITIES.map((e) => [e.toUpperCase(), { description: ENTITY_DESCRIPTIONS[e] }]),
  ) as Record<Uppercase<InventoryEntity>, { description: string }>,
});

const ImportFormatEnum = builder.enumType('ImportFormat', {
  description: 'File format of an import (文件格式).',
  values: {
    CSV: { description: 'Comma-separated values with a header row (CSV, UTF-8).' },
    JSONL: { description: 'JSON Lines: one object per line, keys = column headers.' },
  } satisfies Record<Uppercase<ImportFormat>, { description: string }>,
});

const ImportBadRowRef = builder.objectRef<BadRow>('ImportBadRow').implement({
  description: 'One problem of an import file (错误行): where it is and what is wrong.',
  fields: (t) => ({
    file: t.exposeString('file', { description: 'File name (文件名).' }),
    line: t.exposeInt('line', { description: 'Line in the file (行号), 1 = the header row.' }),
    column: t.exposeString('column', {
      description: 'Column header as written in the file (列名); empty for the whole row.',
    }),
    value: t.exposeString('value', {
      description: 'The cell as written (单元格内容), cut at 200 characters.',
    }),
    reason: t.exposeString('reason', { description: 'What is wrong (原因).' }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description:
    'Outcome of an import (导入报告): counts and every bad row; nothing is written when a row is bad unless onlyGoodRows.',
  fields: (t) => ({
    entity: t.field({
      type: ImportEntityEnum,
      description: 'What the file held.',
      resolve: (r) => r.entity.toUpperCase() as Uppercase<InventoryEntity>,
    }),
    file: t.exposeString('file', { description: 'File name (文件名).' }),
    rows: t.exposeInt('rows', { description: 'Data rows read (数据行数), header and blank lines excluded.' }),
    goodRows: t.exposeInt('goodRows', { description: 'Rows without problems (正确行数).' }),
    badRowCount: t.exposeInt('badRowCount', { description: 'Rows with at least one problem (错误行数).' }),
    badRows: t.field({
      type: [ImportBadRowRef],
      description: 'The problems, in file order; at most the first 1,000 (see badRowsTruncated).',
      resolve: (r) => r.badRows,
    }),
    badRowsTruncated: t.exposeBoolean('badRowsTruncated', {
      description: 'True when more problems were found than badRows lists.',
    }),
    created: t.exposeInt('created', { description: 'Objects created (新增).' }),
    updated: t.exposeInt('updated', { description: 'Objects whose properties changed (更新).' }),
    unchanged: t.exposeInt('unchanged', {
      description: 'Rows the database already held as written (未变化).',
    }),
    batches: t.exposeInt('batches', { description: 'Transactions committed (批次数).' }),
    wasWritten: t.exposeBoolean('wasWritten', {
      description:
        'Whether anything was written (已写入): false on a dry run or when rows are bad without onlyGoodRows.',
    }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Validation only (试运行).' }),
  }),
});

builder.mutationFields((t) => ({
  importInventory: t.field({
    type: ImportReportRef,
    description:
      'Imports an inventory file (批量导入台账) within your jurisdiction: every row is validated first; ' +
      'rows are written in batches, idempotently on natural keys (a second run changes nothing). Bad rows ' +
      'come back in the report with line, column, value and reason. Upload the file (multipart request, `file`) ' +
      'or send its text (`content`); no file and no content, or a file over IMPORT_MAX_UPLOAD_BYTES, is a ValidationError.',
    errors: { types: MUTATION_ERRORS },
    args: {
      entity: t.arg({ type: ImportEntityEnum, required: true, description: 'What the file holds.' }),
      file: t.arg({
        type: 'File',
        description:
          'The file (上传文件), uploaded in a multipart request (with an x-graphql-client header): CSV with a header row, or JSON Lines; at most IMPORT_MAX_UPLOAD_BYTES (20 MB by default). Give file or content.',
      }),
      content: t.arg.string({
        description:
          'The file text (文件内容) in a JSON request: CSV with a header row, or JSON Lines; bounded by the request body limit (100 kB by default). Give file or content.',
      }),
      encoding: t.arg.string({
        description:
          'Text encoding of the uploaded file (文件编码): utf8 (default), gbk or gb18030 (Chinese Excel "CSV"), or any other encoding iconv-lite knows. Content is already text.',
      }),
      format: t.arg({ type: ImportFormatEnum, description: 'File format (default CSV).' }),
      fileName: t.arg.string({
        description:
          'Name of the file, used in the report (default: the uploaded file\'s name, else "upload").',
      }),
      onlyGoodRows: t.arg.boolean({
        description: 'Write the good rows even when some rows are bad (仅导入正确行); default false.',
      }),
      dryRun: t.arg.boolean({ description: 'Validate only, write nothing (试运行); default false.' }),
    },
    resolve: (_root, args, ctx) => {
      const file = args.file ?? null;
      const content = args.content ?? null;
      if (file !== null && content !== null) {
        throw new ValidationError([{ field: 'content', message: 'give either file or content, not both' }]);
      }
      if (file === null && content === null) {
        throw new ValidationError([
          {
            field: 'file',
            message: 'is required: upload the file (multipart request) or send its text as content',
          },
        ]);
      }
      if (content !== null && content.trim() === '') {
        throw new ValidationError([{ field: 'content', message: 'is empty: send the file text' }]);
      }
      const maxUpload = ctx.config.hardening.maxUploadBytes;
      if (file !== null) {
        if (file.size > maxUpload) {
          throw new ValidationError([
            {
              field: 'file',
              message: `is ${file.size} bytes: the largest upload is ${maxUpload} bytes (IMPORT_MAX_UPLOAD_BYTES); larger files go through the CLI (npm run import)`,
            },
          ]);
        }
        if (file.size === 0) throw new ValidationError([{ field: 'file', message: 'is empty' }]);
      }
      const encoding = args.encoding?.trim() || 'utf8';
      if (!isKnownEncoding(encoding)) {
        throw new ValidationError([{ field: 'encoding', message: `unknown encoding "${encoding}"` }]);
      }
      if (content !== null && args.encoding != null && !/^utf-?8$/i.test(encoding)) {
        throw new ValidationError([
          { field: 'encoding', message: 'applies to an uploaded file: content is already text' },
        ]);
      }
      const fileName = args.fileName?.trim() || (file?.name ? file.name : '') || 'upload';
      if ([...fileName].length > 200) {
        throw new ValidationError([
          {
            field: args.fileName?.trim() ? 'fileName' : 'file',
            message: 'the file name must be at most 200 characters',
          },
        ]);
      }
      const input: ImportInput = file !== null ? { blob: file } : { content: content as string };
      return importInventory(ctx, {
        entity: args.entity.toLowerCase() as InventoryEntity,
        input,
        fileName,
        format: (args.format?.toLowerCase() ?? 'csv') as ImportFormat,
        encoding,
        onlyGoodRows: args.onlyGoodRows ?? false,
        dryRun: args.dryRun ?? false,
      });
    },
  }),
}));
