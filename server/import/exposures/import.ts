/**
 * Importing an exposure scan (暴露面导入): nmap XML or a search-engine CSV → Exposure upserts, matched
 * to systems by declared addresses, recorded as a (:Scan) with what it observed, what is new and
 * what is gone since the previous scan of the same scope.
 *
 * ORDER. Parse and validate every row; read the declarations containing each address and the
 * exposures already recorded at each endpoint; decide everything; then write it all in ONE write
 * transaction of batched UNWIND statements. Bad rows (unparseable, invalid, outside the importer's
 * jurisdiction) are reported with their location and left out; the good rows are imported. A file
 * that cannot be read at all (not XML/CSV, no ip/port header) is a ValidationError on input.content
 * and nothing is written.
 *
 * MATCHING (per address): the most specific block (longest prefix) declared by a SYSTEM wins (ties:
 * the lowest system id) → MATCHED, linked (EXPOSES) to that system; otherwise an exposure already
 * linked to a system (by a registrar) stays MATCHED to it; otherwise a block declared by an
 * OPERATOR (most specific, ties by lowest operator id) → UNMATCHED (未备案暴露面: a service on a
 * unit's address with no filed system), attributed to that operator; otherwise UNKNOWN_OWNER.
 *
 * JURISDICTION. A row's owner is the operator of its system, or the declaring operator. A registrar
 * without city-wide scope imports only rows whose owner is in its scope; other rows, and all
 * UNKNOWN_OWNER rows, are bad rows ("outside your jurisdiction").
 *
 * UPSERT. Idempotent on (ip, port, protocol): firstSeen keeps the earliest date, lastSeen the
 * latest, domain/service/title/banner take the scan's value when it gives one. created / updated /
 * unchanged count the endpoints of the file (duplicates in a file are merged first).
 *
 * SCANS. scope = (source, importer's jurisdiction, label; label defaults to "default"). The previous
 * scan is the latest earlier scan of the same scope. new = endpoints observed now and not by the
 * previous scan (all of them for the first scan); gone = observed by the previous scan, not now.
 * Re-importing the file of the latest scan of its scope (same SHA-256) writes nothing and answers
 * that scan with alreadyImported = true.
 */
import { createHash } from 'node:crypto';
import type { Context } from '../../context.js';
import { exposureImport as q } from '../../cypher.generated.js';
import type { Row } from '../../neo4j.js';
import type { Scope } from '../../principal.js';
import { newId, toDbDate, todayInChina } from '../../repositories/common.js';
import { ipKey } from '../../repositories/exposures.js';
import { InputValidator } from '../../validation/input.js';
import { candidateStarts } from './address-blocks.js';
import {
  type BadRow,
  type ParsedScan,
  parseNmapXml,
  parseSearchEngineCsv,
  type ScanRow,
  type ScanSource,
} from './parse.js';

export type MatchStatus = 'MATCHED' | 'UNMATCHED' | 'UNKNOWN_OWNER';

export interface ImportExposuresInput {
  source: ScanSource;
  fileName?: string | null;
  content?: string | null;
  label?: string | null;
}

export interface ScanRecord {
  id: string;
  source: ScanSource;
  label: string;
  jurisdiction: string;
  fileName: string;
  fileHash: string;
  importedAt: string;
  importedBy: string;
  scannedAt: string | null;
  previousScanId: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  matched: number;
  unmatched: number;
  unknownOwner: number;
  new: number;
  gone: number;
  badRows: number;
}

export interface ImportReport {
  scan: ScanRecord;
  alreadyImported: boolean;
  /** The bad rows, at most MAX_BAD_ROWS of them (scan.badRows counts all). */
  badRows: BadRow[];
}

export const MAX_BAD_ROWS = 1_000;
const BATCH = 1_000;
const MATCH_BATCH = 200;

export function toScan(node: unknown): ScanRecord {
  const n = (node ?? {}) as Record<string, unknown>;
  return {
    ...(n as unknown as ScanRecord),
    scannedAt: (n.scannedAt as string | undefined) ?? null,
    previousScanId: (n.previousScanId as string | undefined) ?? null,
  };
}

interface Block {
  prefix: number;
  ownerId: string;
  ownerKind: 'System' | 'Operator';
  operatorId: string | null;
  divisionCode: string | null;
  sectorCode: string | null;
}

interface Owner {
  operatorId: string | null;
  divisionCode: string | null;
  sectorCode: string | null;
}

const better = (a: Block, b: Block | undefined) =>
  !b || a.prefix > b.prefix || (a.prefix === b.prefix && a.ownerId < b.ownerId);

function inScope(scope: Scope, owner: Owner): boolean {
  if (scope.all) return true;
  if (!owner.operatorId) return false;
  return (
    (owner.divisionCode !== null && (scope.divisionCodes as string[]).includes(owner.divisionCode)) ||
    (owner.sectorCode !== null && scope.sectorCodes.includes(owner.sectorCode)) ||
    scope.operatorIds.includes(owner.operatorId)
  );
}

const endpointOf = (r: { ip: string; port: number; protocol: string }) =>
  `${ipKey(r.ip)}|${r.port}|${r.protocol}`;

function mergeDuplicates(rows: ScanRow[]): ScanRow[] {
  const byEndpoint = new Map<string, ScanRow>();
  for (const row of rows) {
    const key = endpointOf(row);
    const seen = byEndpoint.get(key);
    if (!seen) byEndpoint.set(key, { ...row });
    else {
      if (row.firstSeen < seen.firstSeen) seen.firstSeen = row.firstSeen;
      if (row.lastSeen > seen.lastSeen) seen.lastSeen = row.lastSeen;
      seen.domain = row.domain ?? seen.domain;
      seen.service = row.service ?? seen.service;
      seen.title = row.title ?? seen.title;
      seen.banner = row.banner ?? seen.banner;
    }
  }
  return [...byEndpoint.values()];
}

/** The blocks containing each address key: system and operator winners per key. */
async function matchAddresses(ctx: Context, keys: string[]) {
  const systems = new Map<string, Block>();
  const operators = new Map<string, Block>();
  for (let i = 0; i < keys.length; i += MATCH_BATCH) {
    const rows = keys.slice(i, i + MATCH_BATCH).map((key) => ({
      key,
      starts: candidateStarts(key, key.startsWith('00000000000000000000ffff')),
    }));
    for (const r of await ctx.db.run(q.matchAddresses, { rows })) {
      const block = r as unknown as Block & { key: string };
      const target = block.ownerKind === 'System' ? systems : operators;
      if (better(block, target.get(block.key))) target.set(block.key, block);
    }
  }
  return { systems, operators };
}

const PROP_FIELDS = ['domain', 'service', 'title', 'banner'] as const;

export async function importExposures(
  ctx: Context,
  input: ImportExposuresInput,
  now: Date = new Date(),
): Promise<ImportReport> {
  const v = new InputValidator();
  const source = v.oneOf('input.source', input.source, ['NMAP', 'SEARCH_ENGINE'] as const);
  const fileName = v.required('input.fileName', input.fileName)
    ? v.text('input.fileName', input.fileName, 200)
    : null;
  const label = input.label == null ? 'default' : v.text('input.label', input.label, 60);
  if (v.required('input.content', input.content) && input.content.length > 50_000_000) {
    v.issue('input.content', 'is larger than 50 MB: split the file');
  }
  v.done();
  const content = input.content as string;
  const today = todayInChina(now);
  const parsed: ParsedScan =
    source === 'NMAP' ? parseNmapXml(content, today) : parseSearchEngineCsv(content, today);
  const fileProblem = parsed.badRows.find((b) => b.field === 'file' || b.field === 'header');
  if (fileProblem) {
    const check = new InputValidator();
    check.issue('input.content', `${fileProblem.location}: ${fileProblem.reason}`);
    check.done();
  }
  const badRows = [...parsed.badRows];
  const rows = mergeDuplicates(parsed.rows);
  const fileHash = createHash('sha256').update(content).digest('hex');
  const jurisdiction = ctx.principal.jurisdiction;
  const scopeKey = `${source}|${jurisdiction}|${label}`;

  // Reads: the previous scan of the scope, the declarations, the endpoints already recorded.
  const [prev] = await ctx.db.run(q.previousScan, { scopeKey });
  const previous = prev?.scan ? toScan(prev.scan) : null;
  if (previous && previous.fileHash === fileHash) {
    return {
      scan: { ...previous },
      alreadyImported: true,
      badRows: badRows.slice(0, MAX_BAD_ROWS),
    };
  }
  const previousEndpoints = new Set((prev?.endpoints as string[] | undefined) ?? []);
  const keys = [...new Set(rows.map((r) => ipKey(r.ip)))];
  const { systems, operators } = await matchAddresses(ctx, keys);
  const existing = new Map<string, Row>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const endpoints = rows.slice(i, i + BATCH).map(({ ip, port, protocol }) => ({ ip, port, protocol }));
    for (const r of await ctx.db.run(q.existingEndpoints, { endpoints })) {
      const node = r.node as Row;
      existing.set(endpointOf(node as { ip: string; port: number; protocol: string }), node);
    }
  }

  const counts = { created: 0, updated: 0, unchanged: 0, matched: 0, unmatched: 0, unknownOwner: 0, new: 0 };
  const writes: Record<string, unknown>[] = [];
  const seen: string[] = [];
  for (const row of rows) {
    const key = ipKey(row.ip);
    const endpoint = endpointOf(row);
    const old = existing.get(endpoint);
    const sys = systems.get(key);
    const op = operators.get(key);
    let status: MatchStatus;
    let systemId: string | null = null;
    let owner: Owner;
    if (sys) {
      status = 'MATCHED';
      systemId = sys.ownerId;
      owner = sys;
    } else if (old?.systemId) {
      status = 'MATCHED';
      systemId = old.systemId as string;
      owner = old as unknown as Owner;
    } else if (op) {
      status = 'UNMATCHED';
      owner = op;
    } else {
      status = 'UNKNOWN_OWNER';
      owner = { operatorId: null, divisionCode: null, sectorCode: null };
    }
    if (!inScope(ctx.principal.scope, owner)) {
      badRows.push({
        location: row.location,
        field: 'ip',
        value: row.ip,
        reason:
          status === 'UNKNOWN_OWNER'
            ? 'no system or operator declares this address: only city-wide registrars import it'
            : `outside your jurisdiction (${jurisdiction}): the address belongs to another unit`,
      });
      continue;
    }
    counts[status === 'MATCHED' ? 'matched' : status === 'UNMATCHED' ? 'unmatched' : 'unknownOwner']++;
    const isNew = !previousEndpoints.has(endpoint);
    if (isNew) counts.new++;
    seen.push(endpoint);
    // The merged record and whether it differs from what is stored.
    const next: Record<string, unknown> = {
      ip: row.ip,
      ipKey: key,
      port: row.port,
      protocol: row.protocol,
      firstSeen: old && (old.firstSeen as string) < row.firstSeen ? old.firstSeen : row.firstSeen,
      lastSeen: old && (old.lastSeen as string) > row.lastSeen ? old.lastSeen : row.lastSeen,
    };
    for (const f of PROP_FIELDS) next[f] = row[f] ?? (old?.[f] as string | undefined) ?? null;
    const relink = systemId !== null && systemId !== ((old?.systemId as string | null | undefined) ?? null);
    const changed =
      !old ||
      relink ||
      (['firstSeen', 'lastSeen', ...PROP_FIELDS] as const).some((f) => (old[f] ?? null) !== next[f]);
    if (!old) counts.created++;
    else if (changed) counts.updated++;
    else counts.unchanged++;
    const props: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(next)) {
      if (value === null) continue;
      props[k] = k === 'firstSeen' || k === 'lastSeen' ? toDbDate(value as string) : value;
    }
    writes.push({
      id: newId(),
      ip: row.ip,
      port: row.port,
      protocol: row.protocol,
      props,
      write: changed,
      relink,
      systemId,
      observed: {
        status,
        new: isNew,
        location: row.location,
        ...(owner.operatorId ? { operatorId: owner.operatorId } : {}),
      },
    });
  }
  const seenSet = new Set(seen);
  const gone = [...previousEndpoints].filter((e) => !seenSet.has(e)).length;

  const scan: ScanRecord = {
    id: newId(),
    source: source as ScanSource,
    label: label as string,
    jurisdiction,
    fileName: fileName as string,
    fileHash,
    importedAt: '',
    importedBy: ctx.principal.subject,
    scannedAt: parsed.scannedAt,
    previousScanId: previous?.id ?? null,
    rows: writes.length,
    ...counts,
    gone,
    badRows: badRows.length,
  };
  const { importedAt: _, scannedAt, previousScanId, ...scanProps } = scan;
  const saved = await ctx.db.writeTransaction('exposure-import', async (tx) => {
    const [created] = await tx.run(q.createScan, {
      props: {
        ...scanProps,
        scopeKey,
        ...(scannedAt ? { scannedAt } : {}),
        ...(previousScanId ? { previousScanId } : {}),
      },
    });
    for (let i = 0; i < writes.length; i += BATCH) {
      const batch = writes.slice(i, i + BATCH);
      const [result] = await tx.run(q.upsertExposures, { scanId: scan.id, rows: batch as never });
      if (Number(result?.count ?? 0) !== batch.length)
        throw new Error('exposure import: a batch was not written');
    }
    if (previous) {
      await tx.run(q.recordGone, { scanId: scan.id, previousId: previous.id, seen });
    }
    return toScan(created?.scan);
  });
  return { scan: saved, alreadyImported: false, badRows: badRows.slice(0, MAX_BAD_ROWS) };
}

export function loadScan(ctx: Context, id: string): Promise<ScanRecord | null> {
  return ctx
    .loader<string, ScanRecord | null>('scan.byId', null, async (ids) => {
      const rows = await ctx.db.run(q.scansByIds, {
        scope: ctx.principal.scope,
        jurisdiction: ctx.principal.jurisdiction,
        ids,
      });
      const found = new Map(rows.map((r) => [(r.node as Row).id as string, toScan(r.node)]));
      return ids.map((i) => found.get(i) ?? null);
    })
    .load(id);
}

export interface ScanEntryFilter {
  gone: boolean;
  status: MatchStatus | null;
  onlyNew: boolean | null;
}

export async function listScanEntries(
  ctx: Context,
  scanId: string,
  filter: ScanEntryFilter,
  page: { afterKey: string | null; afterId: string | null; limit: number },
) {
  return ctx.db.run(q.scanEntries, { scope: ctx.principal.scope, scanId, ...filter, ...page });
}
