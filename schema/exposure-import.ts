/**
 * Exposure imports (暴露面导入): address declarations of systems and operators, scan imports (nmap
 * XML, search-engine CSV) and their reports. See server/import/exposures/import.ts for the rules.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../server/errors.js';
import {
  type AddressBlockRecord,
  declareAddressBlock,
  listBlocksOfOwners,
  loadAddressBlock,
  removeAddressBlock,
  toAddressBlock,
} from '../server/import/exposures/address-blocks.js';
import {
  type ImportReport,
  importExposures,
  listScanEntries,
  loadScan,
  type MatchStatus,
  type ScanRecord,
} from '../server/import/exposures/import.js';
import type { BadRow } from '../server/import/exposures/parse.js';
import { keyedRows } from '../server/repositories/common.js';
import { type ExposureRow, toExposure } from '../server/repositories/exposures.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID, enumValues, groupRows, nestedPage, page } from './common.js';
import { ExposureRef, OperatorRef, SystemRef } from './refs.js';

export const AddressBlockRef = builder.objectRef<AddressBlockRecord>('AddressBlock');
export const ScanRef = builder.objectRef<ScanRecord>('Scan');

builder.node(AddressBlockRef, {
  description:
    'An address block (申报网段) that a system or an operator declares as its own; exposure imports match ' +
    'scanned services to systems by these. A system’s own declaration beats its operator’s.',
  id: { resolve: (b) => b.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadAddressBlock(ctx, id))),
  fields: (t) => ({
    cidr: t.exposeString('cidr', {
      description:
        'The range in CIDR notation (网段), normalised (host bits zero; a single address is /32 or /128).',
    }),
    declaredOn: t.field({
      type: 'Date',
      description: 'Declared on (申报日期).',
      resolve: (b) => b.declaredOn,
    }),
    note: t.exposeString('note', { nullable: true, description: 'Note (备注), e.g. the ISP line.' }),
    ownerKind: t.exposeString('ownerKind', {
      description: 'Who declares it: `System` (等级保护对象) or `Operator` (运营者).',
    }),
    ownerId: t.id({
      description: 'Global id of the declaring system or operator (use it with `node(id:)`).',
      resolve: (b) => encodeGlobalID(b.ownerKind, b.ownerId),
    }),
  }),
});

const AddressBlockEdge = builder.edgeObject({
  type: AddressBlockRef,
  name: 'AddressBlockEdge',
  description: 'An address block in a page.',
});
const AddressBlockConnection = builder.connectionObject(
  { type: AddressBlockRef, name: 'AddressBlockConnection', description: 'A page of address blocks.' },
  AddressBlockEdge,
);

for (const [ref, what] of [
  [SystemRef, 'system'],
  [OperatorRef, 'operator'],
] as const) {
  builder.objectField(ref as typeof SystemRef, 'addressBlocks', (t) =>
    t.connection(
      {
        type: AddressBlockRef,
        description: `Address blocks (申报网段) this ${what} declares, by address. Batched over the page.`,
        resolve: (parent, args, ctx) =>
          nestedPage(ctx, `${what}.addressBlocks`, parent.id, args, async (ids, p) =>
            groupRows(await listBlocksOfOwners(ctx, ids, p), toAddressBlock),
          ),
      },
      AddressBlockConnection,
    ),
  );
}

const DeclareAddressBlockInput = builder.inputType('DeclareAddressBlockInput', {
  description: 'An address block to declare (申报网段).',
  fields: (t) => ({
    cidr: t.string({
      required: true,
      description:
        'CIDR (网段), IPv4 or IPv6, e.g. `203.0.113.0/24`; a bare address is /32 or /128. At most /8 (IPv4) or /16 (IPv6) wide.',
    }),
    declaredOn: t.field({ type: 'Date', description: 'Declared on (申报日期); defaults to today.' }),
    note: t.string({ description: 'Note (备注), at most 200 characters.' }),
  }),
});

function ownerOf(globalId: string): { id: string; kind: 'System' | 'Operator' } {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if ((typename === 'System' || typename === 'Operator') && id) return { id, kind: typename };
  } catch {
    // fall through
  }
  throw new NotFoundError('ownerId', globalId, 'system or operator');
}

// ---------------------------------------------------------------------------------------------------
// Scans

const ScanSourceEnum = builder.enumType('ScanSource', {
  description: 'Kind of scan file (扫描来源).',
  values: enumValues({
    NMAP: 'nmap XML output (`nmap -oX`); only open ports count.',
    SEARCH_ENGINE:
      'CSV export of a cyberspace search engine (网络空间测绘, e.g. FOFA, Quake, Hunter, ZoomEye, Shodan).',
  }),
});

const MatchStatusEnum = builder.enumType('ExposureMatchStatus', {
  description: 'How a scanned service was matched to a system (匹配结果).',
  values: enumValues<MatchStatus>({
    MATCHED: 'On an address a system declares (or already linked to a system): linked to it (已匹配).',
    UNMATCHED: 'On an address its operator declares but no system does (未备案暴露面).',
    UNKNOWN_OWNER: 'On an address nobody declares (归属不明).',
  }),
});

export const BadRowRef = builder.objectRef<BadRow>('ScanBadRow').implement({
  description: 'A row or element of an import file that was left out (错误行), and why.',
  fields: (t) => ({
    location: t.exposeString('location', {
      description:
        'Where: `line N` (CSV, header = line 1) or an element path such as `host[2]/port[1]` (XML).',
    }),
    field: t.exposeString('field', { description: 'The field at fault, e.g. `ip`, `port`, `firstSeen`.' }),
    value: t.exposeString('value', { nullable: true, description: 'The value found (shortened), if any.' }),
    reason: t.exposeString('reason', { description: 'Why it was left out.' }),
  }),
});

interface ScanEntry {
  id: string;
  exposure: ExposureRow;
  status: MatchStatus;
  isNew: boolean;
}

function toEntry(node: unknown): ScanEntry {
  const n = node as { status: MatchStatus; isNew: boolean };
  const exposure = toExposure(node);
  return { id: exposure.id, exposure, status: n.status, isNew: n.isNew };
}

const ScanEntryRef = builder.objectRef<ScanEntry>('ScanEntry').implement({
  description: 'An endpoint in a scan (扫描结果): the exposure with how it matched.',
  fields: (t) => ({
    exposure: t.field({
      type: ExposureRef,
      description: 'The exposure (暴露面).',
      resolve: (e) => e.exposure,
    }),
    status: t.field({
      type: MatchStatusEnum,
      description: 'Match result (匹配结果).',
      resolve: (e) => e.status,
    }),
    isNew: t.exposeBoolean('isNew', {
      description: 'Not seen by the previous scan of the same scope (新增); always false for gone entries.',
    }),
  }),
});

const ScanEntryKindEnum = builder.enumType('ScanEntryKind', {
  description: 'Which endpoints of a scan to list.',
  values: enumValues({
    OBSERVED: 'Every endpoint the scan saw.',
    NEW: 'Seen now, not by the previous scan of the same scope (新增).',
    GONE: 'Seen by the previous scan, not now (消失).',
  }),
});

const ScanEntryEdge = builder.edgeObject({
  type: ScanEntryRef,
  name: 'ScanEntryEdge',
  description: 'An endpoint of a scan in a page.',
});

builder.node(ScanRef, {
  description:
    'An imported scan (扫描导入记录): one file, its counts, and what it saw. Visible city-wide or to callers of ' +
    'the jurisdiction that imported it; its entries show only what your jurisdiction covers.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadScan(ctx, id))),
  fields: (t) => ({
    source: t.field({
      type: ScanSourceEnum,
      description: 'Kind of file (扫描来源).',
      resolve: (s) => s.source,
    }),
    label: t.exposeString('label', {
      description:
        'Scope label (扫描范围标签) given at import; scans compare with the previous one of the same source, jurisdiction and label.',
    }),
    jurisdiction: t.exposeString('jurisdiction', {
      description: 'Jurisdiction of the importer (导入者辖区).',
    }),
    fileName: t.exposeString('fileName', { description: 'File name as given (文件名).' }),
    fileHash: t.exposeString('fileHash', { description: 'SHA-256 of the file content (hex).' }),
    importedAt: t.exposeString('importedAt', {
      description: 'When it was imported (导入时间), ISO date-time.',
    }),
    scannedAt: t.exposeString('scannedAt', {
      nullable: true,
      description: 'When the scan ran (扫描时间), ISO date-time, when the file says (nmap start time).',
    }),
    rows: t.exposeInt('rows', { description: 'Distinct endpoints imported (有效记录数).' }),
    created: t.exposeInt('created', { description: 'Exposures created (新建).' }),
    updated: t.exposeInt('updated', {
      description: 'Exposures changed (更新): dates, texts or system link.',
    }),
    unchanged: t.exposeInt('unchanged', { description: 'Exposures already recorded as they are (未变化).' }),
    matched: t.exposeInt('matched', { description: 'Endpoints matched to a system (已匹配).' }),
    unmatched: t.exposeInt('unmatched', {
      description: 'Endpoints on a unit’s address with no filed system (未备案暴露面).',
    }),
    unknownOwner: t.exposeInt('unknownOwner', {
      description: 'Endpoints on addresses nobody declares (归属不明).',
    }),
    new: t.exposeInt('new', { description: 'Endpoints not seen by the previous scan of the scope (新增).' }),
    gone: t.exposeInt('gone', { description: 'Endpoints of the previous scan not seen now (消失).' }),
    badRows: t.exposeInt('badRows', { description: 'Rows left out (错误行).' }),
    entries: t.connection(
      {
        type: ScanEntryRef,
        description: 'Endpoints of this scan in your jurisdiction, by address, port, protocol.',
        args: {
          kind: t.arg({ type: ScanEntryKindEnum, defaultValue: 'OBSERVED', description: 'Which endpoints.' }),
          status: t.arg({ type: MatchStatusEnum, description: 'Only this match result, e.g. UNMATCHED.' }),
        },
        resolve: (scan, args, ctx) =>
          page(ctx, args, async (p) =>
            keyedRows(
              await listScanEntries(
                ctx,
                scan.id,
                {
                  gone: args.kind === 'GONE',
                  status: args.status ?? null,
                  onlyNew: args.kind === 'NEW' ? true : null,
                },
                { afterKey: p.afterKey, afterId: p.afterId, limit: p.limit },
              ),
              toEntry,
            ),
          ),
      },
      { name: 'ScanEntryConnection', description: 'A page of the endpoints of a scan.' },
      ScanEntryEdge,
    ),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ExposureImportReport').implement({
  description:
    'What an exposure import did (导入报告): the scan with its counts and lists, and the rows left out.',
  fields: (t) => ({
    scan: t.field({
      type: ScanRef,
      description: 'The scan recorded (or the earlier one, when alreadyImported).',
      resolve: (r) => r.scan,
    }),
    alreadyImported: t.exposeBoolean('alreadyImported', {
      description: 'True when this file was already the latest scan of its scope: nothing was written.',
    }),
    badRows: t.field({
      type: [BadRowRef],
      description: 'Rows left out with the reason (错误行), the first 1000 (`scan.badRows` counts all).',
      resolve: (r) => r.badRows,
    }),
  }),
});

const ImportExposuresInput = builder.inputType('ImportExposuresInput', {
  description: 'A scan file to import (导入扫描结果).',
  fields: (t) => ({
    source: t.field({ type: ScanSourceEnum, required: true, description: 'Kind of file.' }),
    fileName: t.string({
      required: true,
      description: 'File name (for the record), at most 200 characters.',
    }),
    content: t.string({ required: true, description: 'The file content (UTF-8 text).' }),
    label: t.string({
      description:
        'Scope label (扫描范围), e.g. the target set; scans compare with the previous one of the same label. Default `default`.',
    }),
  }),
});

builder.mutationFields((t) => ({
  declareAddressBlock: t.field({
    type: AddressBlockRef,
    description:
      'Declares an address block (申报网段) for a system or an operator. The same CIDR twice for one owner is a ConflictError.',
    errors: { types: MUTATION_ERRORS },
    args: {
      ownerId: t.arg.id({ required: true, description: 'Global id of the declaring System or Operator.' }),
      input: t.arg({ type: DeclareAddressBlockInput, required: true }),
    },
    resolve: (_root, { ownerId, input }, ctx) => {
      const owner = ownerOf(ownerId);
      return declareAddressBlock(ctx, owner.id, owner.kind, input);
    },
  }),
  removeAddressBlock: t.field({
    type: 'ID',
    description: 'Removes an address block declaration (撤销网段申报). Returns the removed id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await removeAddressBlock(ctx, decodeId(id, 'AddressBlock'));
      return id;
    },
  }),
  importExposures: t.field({
    type: ImportReportRef,
    description:
      'Imports a scan (导入暴露面扫描结果): nmap XML or a search-engine CSV. Exposures are upserted on (ip, port, ' +
      'protocol), matched to systems by declared address blocks, and the scan is compared with the previous one ' +
      'of its scope. Rows outside your jurisdiction are left out as bad rows. A file that cannot be read is a ValidationError.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ImportExposuresInput, required: true }) },
    resolve: (_root, { input }, ctx) => importExposures(ctx, input),
  }),
}));

builder.objectField(ExposureRef, 'title', (t) =>
  t.string({
    nullable: true,
    description: 'Page title (网站标题) reported by a search engine.',
    resolve: (e) => e.title ?? null,
  }),
);
builder.objectField(ExposureRef, 'banner', (t) =>
  t.string({
    nullable: true,
    description: 'Banner or response header (Banner) reported by a search engine.',
    resolve: (e) => e.banner ?? null,
  }),
);
