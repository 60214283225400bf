/**
 * The inventory import, shared by the CLI (`npm run import`) and the `importInventory` mutation.
 *
 * Pass 1 streams the file and validates every row: cells (the mutations' rules), duplicate natural
 * keys (the second occurrence is bad), references to the database (checked in batches) and the
 * caller's jurisdiction. Pass 2 — only when no row is bad, or with `onlyGoodRows` — streams the file
 * again and writes batches of `batchSize` rows, one `UNWIND … MERGE` transaction each, idempotent
 * on the natural keys, counting created / updated / unchanged rows.
 *
 * Memory does not grow with the file: one batch of rows, at most `maxReportedBadRows` bad-row
 * details, and a LevelDB scratch store on disk (scratch.ts) for what pass 1 must remember about the
 * rows read so far: natural keys with their line (duplicates name both lines), filing numbers, values
 * rows must share, the bad lines (pass 2 skips them in order), in-file subcontracts and CII
 * memberships. Every problem also goes to `onBadRow` (the CLI writes the full report to a file).
 * What is still held in memory comes from the database, not the file: the subcontracts in force
 * (cycle checks) and the sector codes.
 */
import type { Context } from '../../context.js';
import { inventoryImport as q } from '../../cypher.generated.js';
import type { Statement } from '../../cypher-statement.js';
import { newId, todayInChina } from '../../repositories/common.js';
import { CYCLE_HOPS } from '../../repositories/subcontracts.js';
import { COLUMNS, fieldOfHeader, headerIndex, type InventoryEntity } from './columns.js';
import { ROW_VALIDATORS, type ValidRow } from './rows.js';
import { ScratchStore } from './scratch.js';
import { type ImportFormat, type ImportInput, readRecords, type SourceRecord } from './source.js';

export interface BadRow {
  file: string;
  /** 1-based line in the file (1 = the header). */
  line: number;
  /** The column as written in the file ('' for the whole row). */
  column: string;
  value: string;
  reason: string;
}

export interface ImportOptions {
  entity: InventoryEntity;
  input: ImportInput;
  /** Name of the file in the report. */
  fileName: string;
  format: ImportFormat;
  encoding?: string;
  /** Write the good rows even when some are bad. */
  onlyGoodRows?: boolean;
  /** Validate only. */
  dryRun?: boolean;
  batchSize?: number;
  maxReportedBadRows?: number;
  /** Progress: phase and bytes read in that phase. */
  onProgress?: (phase: 'validate' | 'write', bytes: number) => void;
  /** After each committed batch. */
  onBatch?: (batch: number, rows: number) => void;
  /** Every problem, as found (the report keeps only the first `maxReportedBadRows`). */
  onBadRow?: (row: BadRow) => void;
}

export interface ImportReport {
  entity: InventoryEntity;
  file: string;
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  goodRows: number;
  badRowCount: number;
  /** The first `maxReportedBadRows` problems (a row can have several). */
  badRows: BadRow[];
  badRowsTruncated: boolean;
  created: number;
  updated: number;
  unchanged: number;
  batches: number;
  /** Whether pass 2 ran (false: dry run, or bad rows without onlyGoodRows). */
  wasWritten: boolean;
  dryRun: boolean;
}

export const DEFAULT_BATCH_SIZE = 1_000;
export const MAX_BATCH_SIZE = 10_000;
export const DEFAULT_MAX_REPORTED_BAD_ROWS = 1_000;

const MAX_VALUE_CHARS = 200;

/** A resident ID number anywhere in a cell (personal data: only its masked form is reported). */
const RESIDENT_ID = /\d{17}[\dXx]/g;

const clip = (raw: string) => {
  const value = raw.replace(RESIDENT_ID, (id) => `${id.slice(0, 6)}********${id.slice(14)}`);
  const chars = [...value];
  return chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS).join('')}…` : value;
};

interface Pending {
  line: number;
  row: ValidRow;
  /** The header of each field, to name the column of a reference problem. */
  columnOf: (field: string) => string;
  cellOf: (field: string) => string;
}

/** Scratch-store key prefixes (one letter + NUL). */
const K = {
  key: 'k\u0000',
  filing: 'f\u0000',
  shared: 's\u0000',
  bad: 'b\u0000',
  edge: 'e\u0000',
  membership: 'm\u0000',
} as const;

/** Zero-padded so that key order is line order. */
const badKey = (line: number) => `${K.bad}${String(line).padStart(12, '0')}`;

class Problems {
  readonly details: BadRow[] = [];
  /** Lines found bad since the last `flush` (bounded by one batch of records). */
  private fresh = new Set<number>();
  /** Distinct bad lines (header included), counted against the scratch store. */
  badLineCount = 0;
  headerBad = false;
  /** Whether line 1 (the CSV header) is among the bad lines. */
  lineOneBad = false;
  truncated = false;
  constructor(
    private readonly file: string,
    private readonly max: number,
    private readonly onBadRow?: (row: BadRow) => void,
  ) {}
  add(line: number, column: string, value: string, reason: string) {
    this.fresh.add(line);
    if (line === 1) this.lineOneBad = true;
    const row = { file: this.file, line, column, value: clip(value), reason };
    this.onBadRow?.(row);
    if (this.details.length < this.max) this.details.push(row);
    else this.truncated = true;
  }
  addHeader(column: string, value: string, reason: string) {
    this.headerBad = true;
    this.add(1, column, value, reason);
  }
  get pending(): number {
    return this.fresh.size;
  }
  /** Moves the fresh bad lines to the store, counting those not seen before. */
  async flush(store: ScratchStore) {
    if (this.fresh.size === 0) return;
    const lines = [...this.fresh];
    this.fresh = new Set();
    const known = await store.getMany(lines.map(badKey));
    this.badLineCount += known.filter((v) => v === undefined).length;
    await store.putMany(lines.map((l) => [badKey(l), ''] as [string, string]));
  }
}

/** Maps a record's cells to fields; unknown columns are problems. */
function cellsOf(
  record: SourceRecord,
  index: Map<string, string>,
): { cells: Record<string, string>; present: Set<string>; headerOf: Map<string, string>; unknown: string[] } {
  const cells: Record<string, string> = {};
  const present = new Set<string>();
  const headerOf = new Map<string, string>();
  const unknown: string[] = [];
  for (const [header, value] of record.cells) {
    const field = fieldOfHeader(index, header);
    if (field === null) {
      unknown.push(header);
      continue;
    }
    cells[field] = value;
    present.add(field);
    headerOf.set(field, header);
  }
  return { cells, present, headerOf, unknown };
}

/** Header problems: unknown columns, two columns for one field, missing required columns. */
function checkHeader(entity: InventoryEntity, header: string[], format: ImportFormat, problems: Problems) {
  const index = headerIndex(entity);
  const seen = new Map<string, string>();
  for (const h of header) {
    const field = fieldOfHeader(index, h);
    if (field === null) {
      if (format === 'csv')
        problems.addHeader(h, h, `unknown column for ${entity} (see templates/README.md)`);
      continue;
    }
    const other = seen.get(field);
    if (other !== undefined) problems.addHeader(h, h, `names the same field (${field}) as column "${other}"`);
    seen.set(field, h);
  }
  if (format === 'csv') {
    for (const c of COLUMNS[entity]) {
      if (c.required && !seen.has(c.field)) {
        problems.addHeader(c.headers[0] as string, '', `required column missing (${c.headers.join(' / ')})`);
      }
    }
  }
}

/**
 * Subcontracts in force today or later (registered, then the good rows of the file as they are
 * read): a row whose subcontractor already reaches its contractor would close a cycle, which the
 * addSubcontract mutation refuses too (same bound, CYCLE_HOPS tiers).
 */
class SubcontractGraph {
  /** The registered subcontracts (from the database, not the file). */
  private readonly next = new Map<string, Set<string>>();
  constructor(
    readonly today: string,
    private readonly store: ScratchStore,
  ) {}
  addRegistered(from: string, to: string) {
    const set = this.next.get(from) ?? new Set<string>();
    set.add(to);
    this.next.set(from, set);
  }
  /** A subcontract of the file (kept in the scratch store). */
  async add(from: string, to: string) {
    await this.store.put(`${K.edge}${from}\u0000${to}`, '');
  }
  private async following(v: string): Promise<string[]> {
    const out = [...(this.next.get(v) ?? [])];
    const prefix = `${K.edge}${v}\u0000`;
    for await (const [key] of this.store.range(prefix)) out.push(key.slice(prefix.length));
    return out;
  }
  /** Whether `target` is reachable from `start` in 1..CYCLE_HOPS steps. */
  async reaches(start: string, target: string): Promise<boolean> {
    let frontier = new Set([start]);
    const seen = new Set<string>();
    for (let hop = 0; hop < CYCLE_HOPS && frontier.size > 0; hop++) {
      const following = new Set<string>();
      for (const v of frontier) {
        for (const w of await this.following(v)) {
          if (w === target) return true;
          if (!seen.has(w)) {
            seen.add(w);
            following.add(w);
          }
        }
      }
      frontier = following;
    }
    return false;
  }
}

async function loadSubcontractGraph(ctx: Context, store: ScratchStore): Promise<SubcontractGraph> {
  const graph = new SubcontractGraph(todayInChina(), store);
  for (const r of await ctx.db.run(q.subcontractsInForce, { today: graph.today })) {
    graph.addRegistered(r.contractorUscc as string, r.subcontractorUscc as string);
  }
  return graph;
}

/** The division of each system named by natural key (operator USCC + name), keyed `uscc\0name`. */
async function systemDivisions(
  ctx: Context,
  keys: { operatorUscc: string; name: string }[],
): Promise<Map<string, string>> {
  const rows = await ctx.db.run(q.systemsByKeys, { keys });
  return new Map(rows.map((r) => [`${r.operatorUscc}\u0000${r.name}`, r.divisionCode as string]));
}

/** Checks a batch of valid rows against the database: references, jurisdiction, filing numbers. */
async function checkReferences(
  ctx: Context,
  entity: InventoryEntity,
  pending: Pending[],
  fileOperators: Set<string> | null,
  problems: Problems,
  subcontracts: SubcontractGraph | null = null,
  sectors: ReadonlySet<string> = new Set(),
  /** Holds the CII memberships of the good rows so far (in-file overlaps). */
  store: ScratchStore | null = null,
) {
  if (pending.length === 0) return;
  const { scope, jurisdiction } = ctx.principal;
  const inScope = (division: string | null) =>
    scope.all || (division !== null && (scope.divisionCodes as string[]).includes(division));
  const missingSystem = (operatorUscc: string, name: string) =>
    `no system "${name}" of operator ${operatorUscc} is registered${scope.all ? '' : ` in your jurisdiction (${jurisdiction})`}`;
  if (entity === 'operators' || entity === 'systems') {
    const usccs = [...new Set(pending.map((p) => p.row.operatorUscc as string))];
    const rows = await ctx.db.run(q.operatorsByUsccs, { usccs });
    const division = new Map(rows.map((r) => [r.uscc as string, r.divisionCode as string]));
    for (const p of pending) {
      const uscc = p.row.operatorUscc as string;
      const field = entity === 'operators' ? 'uscc' : 'operatorUscc';
      if (entity === 'systems' && !division.has(uscc) && !fileOperators?.has(uscc)) {
        problems.add(
          p.line,
          p.columnOf(field),
          p.cellOf(field),
          `no operator with USCC ${uscc} is registered`,
        );
        continue;
      }
      const existing = division.get(uscc) ?? null;
      if (existing !== null && !inScope(existing)) {
        // Outside the jurisdiction answers like a missing operator for systems, as the mutations do.
        problems.add(
          p.line,
          p.columnOf(field),
          p.cellOf(field),
          entity === 'systems'
            ? `no operator with USCC ${uscc} is registered in your jurisdiction (${jurisdiction})`
            : `the operator is registered outside your jurisdiction (${jurisdiction})`,
        );
      }
    }
  }
  if (entity === 'services') {
    const vendorUsccs = [...new Set(pending.map((p) => p.row.vendorUscc as string))];
    const vendors = new Set(
      (await ctx.db.run(q.vendorsByUsccs, { usccs: vendorUsccs })).map((r) => r.uscc as string),
    );
    const keys = pending.map((p) => ({
      operatorUscc: p.row.operatorUscc as string,
      name: p.row.systemName as string,
    }));
    const systems = new Map(
      (await ctx.db.run(q.systemsByKeys, { keys })).map((r) => [
        `${r.operatorUscc}\u0000${r.name}`,
        r.divisionCode as string,
      ]),
    );
    for (const p of pending) {
      if (!vendors.has(p.row.vendorUscc as string)) {
        problems.add(
          p.line,
          p.columnOf('vendorUscc'),
          p.cellOf('vendorUscc'),
          `no vendor with USCC ${p.row.vendorUscc} is registered`,
        );
      }
      const division = systems.get(`${p.row.operatorUscc}\u0000${p.row.systemName}`);
      if (division === undefined || !inScope(division)) {
        problems.add(
          p.line,
          p.columnOf('systemName'),
          p.cellOf('systemName'),
          `no system "${p.row.systemName}" of operator ${p.row.operatorUscc} is registered${scope.all ? '' : ` in your jurisdiction (${jurisdiction})`}`,
        );
      }
    }
  }
  if (entity === 'checks') {
    const hashes = [...new Set(pending.map((p) => p.row.residentIdHash as string))];
    const known = new Set((await ctx.db.run(q.personsByHashes, { hashes })).map((r) => r.hash as string));
    for (const p of pending) {
      if (!scope.all) {
        // Persons are not tied to a division: their checks are kept by city-wide registrars.
        problems.add(
          p.line,
          p.columnOf('residentId'),
          p.cellOf('residentId'),
          `background checks are imported by city-wide registrars (you: ${jurisdiction})`,
        );
      } else if (!known.has(p.row.residentIdHash as string)) {
        problems.add(
          p.line,
          p.columnOf('residentId'),
          p.cellOf('residentId'),
          'no person with this resident ID number is registered',
        );
      }
    }
  }
  if (entity === 'access') {
    const hashes = [...new Set(pending.map((p) => p.row.residentIdHash as string))];
    const known = new Set((await ctx.db.run(q.personsByHashes, { hashes })).map((r) => r.hash as string));
    const systems = await systemDivisions(
      ctx,
      pending.map((p) => ({ operatorUscc: p.row.operatorUscc as string, name: p.row.systemName as string })),
    );
    for (const p of pending) {
      if (!known.has(p.row.residentIdHash as string)) {
        problems.add(
          p.line,
          p.columnOf('residentId'),
          p.cellOf('residentId'),
          'no person with this resident ID number is registered',
        );
      }
      const division = systems.get(`${p.row.operatorUscc}\u0000${p.row.systemName}`);
      if (division === undefined || !inScope(division)) {
        problems.add(
          p.line,
          p.columnOf('systemName'),
          p.cellOf('systemName'),
          missingSystem(p.row.operatorUscc as string, p.row.systemName as string),
        );
      }
    }
  }
  if (entity === 'employments') {
    const hashes = [...new Set(pending.map((p) => p.row.residentIdHash as string))];
    const known = new Set((await ctx.db.run(q.personsByHashes, { hashes })).map((r) => r.hash as string));
    const usccs = [...new Set(pending.map((p) => p.row.vendorUscc as string))];
    const visible = new Map(
      (await ctx.db.run(q.vendorsInScopeByUsccs, { scope, usccs })).map((r) => [
        r.uscc as string,
        r.visible as boolean,
      ]),
    );
    for (const p of pending) {
      if (!known.has(p.row.residentIdHash as string)) {
        problems.add(
          p.line,
          p.columnOf('residentId'),
          p.cellOf('residentId'),
          'no person with this resident ID number is registered',
        );
      }
      // Outside the jurisdiction answers like a missing vendor, as addEmployment does.
      if (visible.get(p.row.vendorUscc as string) !== true) {
        problems.add(
          p.line,
          p.columnOf('vendorUscc'),
          p.cellOf('vendorUscc'),
          `no vendor with USCC ${p.row.vendorUscc} is registered${scope.all ? '' : ` in your jurisdiction (${jurisdiction})`}`,
        );
      }
    }
  }
  if (entity === 'subcontracting' && subcontracts !== null) {
    const usccs = [
      ...new Set(pending.flatMap((p) => [p.row.vendorUscc as string, p.row.subcontractorUscc as string])),
    ];
    const vendors = new Set((await ctx.db.run(q.vendorsByUsccs, { usccs })).map((r) => r.uscc as string));
    for (const p of pending) {
      let bad = false;
      for (const field of ['contractorUscc', 'subcontractorUscc'] as const) {
        const uscc = (field === 'contractorUscc' ? p.row.vendorUscc : p.row.subcontractorUscc) as string;
        if (!vendors.has(uscc)) {
          problems.add(
            p.line,
            p.columnOf(field),
            p.cellOf(field),
            `no vendor with USCC ${uscc} is registered`,
          );
          bad = true;
        }
      }
      if (bad) continue;
      const contractor = p.row.vendorUscc as string;
      const subcontractor = p.row.subcontractorUscc as string;
      if (await subcontracts.reaches(subcontractor, contractor)) {
        problems.add(
          p.line,
          p.columnOf('subcontractorUscc'),
          p.cellOf('subcontractorUscc'),
          `${subcontractor} already subcontracts (directly or through others, within ${CYCLE_HOPS} tiers, in force today or later, registered or earlier in this file) to ${contractor}: this subcontract would close a cycle`,
        );
      } else if (p.row.to === null || (p.row.to as string) >= subcontracts.today) {
        await subcontracts.add(contractor, subcontractor);
      }
    }
  }
  if (entity === 'links') {
    const systems = await systemDivisions(
      ctx,
      pending.flatMap((p) => [
        { operatorUscc: p.row.operatorUscc as string, name: p.row.systemName as string },
        { operatorUscc: p.row.toOperatorUscc as string, name: p.row.toSystemName as string },
      ]),
    );
    for (const p of pending) {
      const ends = [
        ['fromSystemName', p.row.operatorUscc, p.row.systemName],
        ['toSystemName', p.row.toOperatorUscc, p.row.toSystemName],
      ] as const;
      for (const [field, uscc, name] of ends) {
        const division = systems.get(`${uscc}\u0000${name}`);
        if (division === undefined || !inScope(division)) {
          problems.add(
            p.line,
            p.columnOf(field),
            p.cellOf(field),
            missingSystem(uscc as string, name as string),
          );
        }
      }
    }
  }
  if (entity === 'products') {
    const usccs = [...new Set(pending.map((p) => p.row.vendorUscc as string))];
    const vendors = new Set((await ctx.db.run(q.vendorsByUsccs, { usccs })).map((r) => r.uscc as string));
    const using = pending.filter((p) => p.row.systemName !== undefined);
    const systems = await systemDivisions(
      ctx,
      using.map((p) => ({ operatorUscc: p.row.operatorUscc as string, name: p.row.systemName as string })),
    );
    for (const p of pending) {
      if (!vendors.has(p.row.vendorUscc as string)) {
        problems.add(
          p.line,
          p.columnOf('vendorUscc'),
          p.cellOf('vendorUscc'),
          `no vendor with USCC ${p.row.vendorUscc} is registered`,
        );
      }
    }
    for (const p of using) {
      const division = systems.get(`${p.row.operatorUscc}\u0000${p.row.systemName}`);
      if (division === undefined || !inScope(division)) {
        problems.add(
          p.line,
          p.columnOf('systemName'),
          p.cellOf('systemName'),
          missingSystem(p.row.operatorUscc as string, p.row.systemName as string),
        );
      }
    }
  }
  if (entity === 'cii') {
    if (!scope.all) {
      // As the createCriticalInfrastructure mutation (writeGate CITY_ONLY_MUTATIONS).
      for (const p of pending) {
        problems.add(
          p.line,
          p.columnOf('name'),
          p.cellOf('name'),
          `CII designations are imported by city-wide registrars (you: ${jurisdiction})`,
        );
      }
      return;
    }
    const names = [...new Set(pending.map((p) => p.row.department as string))];
    const departments = new Map(
      (await ctx.db.run(q.departmentsByNames, { names })).map((r) => [
        r.name as string,
        r.sectorCodes as string[],
      ]),
    );
    const members = pending.filter((p) => p.row.systemName !== undefined);
    const memberKey = (p: Pending) => `${p.row.ciiName}\u0000${p.row.operatorUscc}\u0000${p.row.systemName}`;
    const systems = await systemDivisions(
      ctx,
      members.map((p) => ({ operatorUscc: p.row.operatorUscc as string, name: p.row.systemName as string })),
    );
    const overlapping = new Map<string, string>();
    const windows = members.map((p) => ({
      ciiName: p.row.ciiName as string,
      operatorUscc: p.row.operatorUscc as string,
      systemName: p.row.systemName as string,
      from: p.row.window?.from as string,
      to: p.row.window?.to ?? null,
    }));
    for (const r of await ctx.db.run(q.overlappingMemberships, { keys: windows })) {
      overlapping.set(
        `${r.ciiName}\u0000${r.operatorUscc}\u0000${r.systemName}\u0000${r.from}`,
        r.otherFrom as string,
      );
    }
    for (const p of pending) {
      const sector = p.row.sectorCode as string;
      if (!sectors.has(sector)) {
        problems.add(
          p.line,
          p.columnOf('sectorCode'),
          p.cellOf('sectorCode'),
          `no sector with code "${sector}"`,
        );
      }
      const responsible = departments.get(p.row.department as string);
      if (responsible === undefined) {
        problems.add(
          p.line,
          p.columnOf('department'),
          p.cellOf('department'),
          `no protection department named "${p.row.department}" is registered`,
        );
      } else if (sectors.has(sector) && !responsible.includes(sector)) {
        problems.add(
          p.line,
          p.columnOf('department'),
          p.cellOf('department'),
          `${p.row.department} is not a protection department of sector ${sector} (responsible for: ${responsible.join(', ') || 'none'})`,
        );
      }
    }
    for (const p of members) {
      const division = systems.get(`${p.row.operatorUscc}\u0000${p.row.systemName}`);
      if (division === undefined) {
        problems.add(
          p.line,
          p.columnOf('systemName'),
          p.cellOf('systemName'),
          missingSystem(p.row.operatorUscc as string, p.row.systemName as string),
        );
        continue;
      }
      const from = p.row.window?.from as string;
      const to = p.row.window?.to ?? null;
      let other = overlapping.get(`${memberKey(p)}\u0000${from}`);
      const prefix = `${K.membership}${memberKey(p)}\u0000`;
      if (other === undefined && store !== null) {
        for await (const [key, until] of store.range(prefix)) {
          const since = key.slice(prefix.length);
          if (since <= (to ?? '9999-12-31') && (until === '' || until >= from)) {
            other = since;
            break;
          }
        }
      }
      if (other !== undefined) {
        problems.add(
          p.line,
          p.columnOf('memberFrom'),
          p.cellOf('memberFrom'),
          `the system is already part of "${p.row.ciiName}" in an overlapping window (from ${other})`,
        );
        continue;
      }
      await store?.put(`${prefix}${from}`, to ?? '');
    }
  }
  if (entity === 'systems') {
    const numbers = pending.map((p) => p.row.filingNumber).filter((n): n is string => n !== null);
    if (numbers.length) {
      const rows = await ctx.db.run(q.systemsByFilingNumbers, { filingNumbers: numbers });
      const holder = new Map(rows.map((r) => [r.filingNumber as string, `${r.operatorUscc}\u0000${r.name}`]));
      for (const p of pending) {
        const n = p.row.filingNumber;
        const key = n === null ? undefined : holder.get(n);
        if (key !== undefined && key !== p.row.key) {
          problems.add(
            p.line,
            p.columnOf('filingNumber'),
            n as string,
            'the filing number belongs to another system',
          );
        }
      }
    }
  }
}

function checkJurisdiction(
  ctx: Context,
  entity: InventoryEntity,
  p: Pending,
  sectors: Set<string>,
  problems: Problems,
) {
  const { scope, jurisdiction } = ctx.principal;
  if (entity !== 'operators') return;
  const division = p.row.divisionCode;
  if (!scope.all && !(scope.divisionCodes as string[]).includes(division as string)) {
    problems.add(
      p.line,
      p.columnOf('divisionCode'),
      p.cellOf('divisionCode'),
      `"${division}" is outside your jurisdiction (${jurisdiction})`,
    );
  }
  const sector = p.row.sectorCode;
  if (sector !== null && !sectors.has(sector)) {
    problems.add(p.line, p.columnOf('sectorCode'), p.cellOf('sectorCode'), `no sector with code "${sector}"`);
  }
}

/** The upsert statement of each entity; the rows are built by the entity's row validator. */
const UPSERT: Record<InventoryEntity, Statement<{ rows: Record<string, unknown>[] }>> = {
  operators: q.upsertOperators as Statement<never>,
  systems: q.upsertSystems as Statement<never>,
  vendors: q.upsertVendors as Statement<never>,
  services: q.upsertServices as Statement<never>,
  persons: q.upsertPersons as Statement<never>,
  checks: q.upsertChecks as Statement<never>,
  access: q.upsertAccess as Statement<never>,
  employments: q.upsertEmployments as Statement<never>,
  subcontracting: q.upsertSubcontracting as Statement<never>,
  links: q.upsertLinks as Statement<never>,
  products: q.upsertProducts as Statement<never>,
  cii: q.upsertCii as Statement<never>,
};

/** The column that names a duplicate row's key, per entity. */
const KEY_FIELD: Record<InventoryEntity, string> = {
  operators: 'uscc',
  systems: 'name',
  vendors: 'uscc',
  services: 'from',
  persons: 'residentId',
  checks: 'checkedOn',
  access: 'from',
  employments: 'from',
  subcontracting: 'from',
  links: 'from',
  products: 'name',
  cii: 'name',
};

/** Validates the whole file, then (when allowed) writes it in batches. */
export async function importInventory(ctx: Context, options: ImportOptions): Promise<ImportReport> {
  if (!ctx.principal.canWrite) throw new Error(`role ${ctx.principal.role} may not change the registry`);
  const store = await ScratchStore.open();
  try {
    return await run(ctx, options, store);
  } finally {
    await store.close();
  }
}

async function run(ctx: Context, options: ImportOptions, store: ScratchStore): Promise<ImportReport> {
  const { entity, format } = options;
  const batchSize = Math.min(Math.max(options.batchSize ?? DEFAULT_BATCH_SIZE, 1), MAX_BATCH_SIZE);
  const problems = new Problems(
    options.fileName,
    options.maxReportedBadRows ?? DEFAULT_MAX_REPORTED_BAD_ROWS,
    options.onBadRow,
  );
  const index = headerIndex(entity);
  const validate = ROW_VALIDATORS[entity];
  const env = { residentIdKey: ctx.config.residentIdKey };
  const subcontracts = entity === 'subcontracting' ? await loadSubcontractGraph(ctx, store) : null;
  const sectors = new Set(
    entity === 'operators' || entity === 'cii'
      ? (await ctx.db.run(q.sectorCodes, {})).map((r) => r.code as string)
      : [],
  );
  const sourceOptions = (phase: 'validate' | 'write') => ({
    format,
    encoding: options.encoding ?? 'utf8',
    onBytes: options.onProgress ? (b: number) => options.onProgress?.(phase, b) : undefined,
  });

  // Pass 1: validate everything. Rows that pass the cell rules wait in `candidates` (one batch);
  // then the file-wide checks (duplicates, shared values, filing numbers) run against the scratch
  // store in file order, and the references against the database.
  let rows = 0;
  /** Rows that passed the cell rules, waiting for the file-wide checks of their batch. */
  let candidates: Pending[] = [];
  let recordsSinceFlush = 0;
  const flush = async () => {
    const batch = candidates;
    candidates = [];
    recordsSinceFlush = 0;
    const lookups = new Set<string>();
    for (const c of batch) {
      lookups.add(K.key + c.row.key);
      for (const same of c.row.sameAs ?? []) lookups.add(K.shared + same.key);
      if (c.row.filingNumber !== null) lookups.add(K.filing + c.row.filingNumber);
    }
    const keys = [...lookups];
    const found = await store.getMany(keys);
    /** What the store holds, plus what this batch adds (later rows see earlier ones). */
    const seen = new Map<string, string>();
    keys.forEach((k, i) => {
      const v = found[i];
      if (v !== undefined) seen.set(k, v);
    });
    const added = new Map<string, string>();
    const remember = (k: string, v: string) => {
      seen.set(k, v);
      added.set(k, v);
    };
    const pending: Pending[] = [];
    for (const c of batch) {
      const { line, row } = c;
      const earlierKey = seen.get(K.key + row.key);
      if (earlierKey !== undefined) {
        const field = KEY_FIELD[entity];
        problems.add(
          line,
          c.columnOf(field),
          c.cellOf(field),
          `duplicate: line ${earlierKey} of this file has the same key`,
        );
        continue;
      }
      remember(K.key + row.key, String(line));
      let differing: { field: string; key: string; earlier: string } | undefined;
      for (const same of row.sameAs ?? []) {
        const earlier = seen.get(K.shared + same.key);
        if (earlier === undefined) {
          remember(K.shared + same.key, `${line}\u0000${same.value}`);
          continue;
        }
        const cut = earlier.indexOf('\u0000');
        if (earlier.slice(cut + 1) !== same.value) {
          differing = { field: same.field, key: same.key, earlier: earlier.slice(0, cut) };
          break;
        }
      }
      if (differing !== undefined) {
        problems.add(
          line,
          c.columnOf(differing.field),
          c.cellOf(differing.field),
          `differs from line ${differing.earlier}, which names the same ${differing.key.split('\u0000')[0]}`,
        );
        continue;
      }
      const filing = row.filingNumber;
      if (filing !== null) {
        // The filing number is unique too: a second system of this file with it is a bad row.
        const earlier = seen.get(K.filing + filing);
        if (earlier !== undefined) {
          problems.add(
            line,
            c.columnOf('filingNumber'),
            filing,
            `duplicate: line ${earlier} of this file has this filing number`,
          );
          continue;
        }
        remember(K.filing + filing, String(line));
      }
      checkJurisdiction(ctx, entity, c, sectors, problems);
      pending.push(c);
    }
    await store.putMany(added);
    await checkReferences(ctx, entity, pending, null, problems, subcontracts, sectors, store);
    await problems.flush(store);
  };
  for await (const record of readRecords(options.input, sourceOptions('validate'))) {
    if ('header' in record) {
      checkHeader(entity, record.header, format, problems);
      continue;
    }
    rows++;
    recordsSinceFlush++;
    const { line } = record;
    if (record.shapeProblem) {
      problems.add(line, '', '', `the row ${record.shapeProblem}`);
    } else {
      const { cells, present, headerOf, unknown } = cellsOf(record, index);
      if (format === 'jsonl')
        for (const u of unknown)
          problems.add(line, u, record.cells.get(u) ?? '', `unknown field for ${entity}`);
      const columnOf = (field: string) =>
        headerOf.get(field) ?? COLUMNS[entity].find((c) => c.field === field)?.headers[0] ?? field;
      const cellOf = (field: string) => cells[field] ?? '';
      const result = validate(cells, present, env);
      if (!result.ok) {
        for (const issue of result.issues)
          problems.add(line, columnOf(issue.field), cellOf(issue.field), issue.reason);
      } else {
        candidates.push({ line, row: result.row, columnOf, cellOf });
      }
    }
    // Every `batchSize` records (good or bad), so that neither list grows with the file.
    if (recordsSinceFlush >= batchSize || problems.pending >= batchSize) await flush();
  }
  await flush();

  const badRowCount = problems.badLineCount;
  const report: ImportReport = {
    entity,
    file: options.fileName,
    rows,
    // Line 1 of a CSV is its header, not a data row.
    goodRows: rows - (badRowCount - (format === 'csv' && problems.lineOneBad ? 1 : 0)),
    badRowCount,
    // Reference problems are found a batch later than cell problems: report in file order.
    badRows: problems.details.sort((a, b) => a.line - b.line),
    badRowsTruncated: problems.truncated,
    created: 0,
    updated: 0,
    unchanged: 0,
    batches: 0,
    wasWritten: false,
    dryRun: options.dryRun === true,
  };
  if (options.dryRun || problems.headerBad || (badRowCount > 0 && !options.onlyGoodRows)) return report;

  // Pass 2: write the good rows in batches, one transaction each. The bad lines come from the
  // scratch store in line order, as the file does.
  let batch: Record<string, unknown>[] = [];
  const write = async () => {
    if (batch.length === 0) return;
    const counts = await ctx.db.writeTransaction('inventory-import', (tx) =>
      tx.run(UPSERT[entity], { rows: batch }),
    );
    const c = counts[0] ?? {};
    report.created += (c.created as number) ?? 0;
    report.updated += (c.updated as number) ?? 0;
    report.unchanged += (c.unchanged as number) ?? 0;
    report.batches++;
    options.onBatch?.(report.batches, batch.length);
    batch = [];
  };
  const badLines = store.range(K.bad);
  const nextBad = async () => {
    const next = await badLines.next();
    return next.done ? Number.POSITIVE_INFINITY : Number(next.value[0].slice(K.bad.length));
  };
  let bad = await nextBad();
  try {
    for await (const record of readRecords(options.input, sourceOptions('write'))) {
      if ('header' in record) continue;
      while (bad < record.line) bad = await nextBad();
      if (bad === record.line || record.shapeProblem) continue;
      const { cells, present } = cellsOf(record, index);
      const result = validate(cells, present, env);
      if (!result.ok) continue;
      batch.push({ ...result.row.params, id: newId() });
      if (batch.length >= batchSize) await write();
    }
    await write();
  } finally {
    await badLines.return(undefined);
  }
  report.wasWritten = true;
  return report;
}
