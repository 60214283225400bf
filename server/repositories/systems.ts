/** Store functions for protected systems (等级保护对象 / 定级对象). */

import type { Context } from '../context.js';
import { systems as q } from '../cypher.generated.js';
import { NotFoundError } from '../errors.js';
import { SYSTEM_STATUSES, type SystemRecord, type SystemStatus } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  mapConflicts,
  newId,
  scopedIds,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { loadOperator } from './operators.js';

export const SYSTEM_FIELDS = [
  'id',
  'name',
  'operatorId',
  'filingNumber',
  'protectionLevel',
  'businessInfoLevel',
  'systemServiceLevel',
  'status',
  'levelDeterminedOn',
  'filedOn',
  'liveOn',
  'decommissionedOn',
  'description',
  'filingAcceptedOn',
  'filingCertificateIssuedOn',
] as const satisfies readonly (keyof SystemRecord)[];

/**
 * A system as the systems statements return it: the record plus `isCii` (part of a critical
 * information infrastructure today), computed in Cypher. Systems returned by other domains'
 * statements lack it; `loadIsCii` answers for those.
 */
export type SystemRow = SystemRecord & { isCii?: boolean };

/** A system node map (`s {.*, operatorId: o.id}`) → SystemRecord, as other domains' statements return it. */
export const toSystemRecord = (node: unknown) => toRecord<SystemRecord>(node, SYSTEM_FIELDS);

export function toSystem(node: unknown): SystemRow {
  const record: SystemRow = toSystemRecord(node);
  const isCii = (node as { isCii?: unknown } | null)?.isCii;
  if (typeof isCii === 'boolean') record.isCii = isCii;
  return record;
}

export interface SystemFilter {
  protectionLevel?: number | null;
  minLevel?: number | null;
  status?: SystemStatus | null;
  /** Database id of the operator. */
  operatorId?: string | null;
  divisionCode?: string | null;
  sectorCode?: string | null;
  isCii?: boolean | null;
  search?: string | null;
}

/** Every filter key is sent (null = any), as the statements read `$filter.<key>`. */
function filterParam(f: SystemFilter): Record<string, unknown> {
  return {
    protectionLevel: f.protectionLevel ?? null,
    minLevel: f.minLevel ?? null,
    status: f.status ?? null,
    operatorId: f.operatorId ?? null,
    divisionCode: f.divisionCode?.trim() || null,
    sectorCode: f.sectorCode?.trim().toUpperCase() || null,
    isCii: f.isCii ?? null,
    search: f.search?.trim() || null,
  };
}

export async function listSystems(ctx: Context, filter: SystemFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    filter: filterParam(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toSystem);
}

export async function countSystems(ctx: Context, filter: SystemFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, filter: filterParam(filter) }));
}

/** One batched statement for the systems of every operator asking with the same filter and page. */
export async function systemsByOperators(
  ctx: Context,
  operatorIds: readonly string[],
  filter: SystemFilter,
  page: PageParams,
) {
  return ctx.db.run(q.byOperators, {
    scope: ctx.principal.scope,
    parentIds: operatorIds,
    filter: filterParam(filter),
    ...keysetParams(page),
  });
}

/** Batched by id through the request's DataLoader; out-of-scope ids resolve to null. */
export function loadSystem(ctx: Context, id: string): Promise<SystemRow | null> {
  return loadByKey(ctx, 'system.byId', q.byIds, scopedIds, toSystem, id);
}

/** Whether a system is part of a CII today, batched per request (for systems loaded elsewhere). */
export function loadIsCii(ctx: Context, id: string): Promise<boolean> {
  return ctx
    .loader<string, boolean>('system.isCii', null, async (ids) => {
      const rows = await ctx.db.run(q.ciiFlags, { scope: ctx.principal.scope, ids });
      const found = new Map(rows.map((r) => [r.id as string, r.isCii === true]));
      return ids.map((i) => found.get(i) ?? false);
    })
    .load(id);
}

export async function systemByFilingNumber(ctx: Context, filingNumber: string): Promise<SystemRow | null> {
  const [row] = await ctx.db.run(q.byFilingNumber, {
    scope: ctx.principal.scope,
    filingNumber: filingNumber.trim(),
  });
  return row ? toSystem(row.node) : null;
}

export interface SystemInput {
  name?: string | null;
  /** Database id of the operator (a malformed global id arrives as is and is not found). */
  operatorId?: string | null;
  filingNumber?: string | null;
  protectionLevel?: number | null;
  businessInfoLevel?: number | null;
  systemServiceLevel?: number | null;
  status?: string | null;
  levelDeterminedOn?: string | null;
  filedOn?: string | null;
  liveOn?: string | null;
  decommissionedOn?: string | null;
  description?: string | null;
  filingAcceptedOn?: string | null;
  filingCertificateIssuedOn?: string | null;
}

type SystemProps = Omit<SystemRecord, 'id' | 'operatorId'>;

const DATE_FIELDS = [
  'levelDeterminedOn',
  'filedOn',
  'liveOn',
  'decommissionedOn',
  'filingAcceptedOn',
  'filingCertificateIssuedOn',
] as const;
const LEVEL_FIELDS = ['protectionLevel', 'businessInfoLevel', 'systemServiceLevel'] as const;

/**
 * Validates the changes and the merged result (`existing` + changes; for a new system `existing`
 * is null). Returns the changed properties and the target operator id (null when unchanged).
 */
function validate(input: SystemInput, existing: SystemRecord | null) {
  const partial = existing !== null;
  const v = new InputValidator();
  const changes: Partial<SystemProps> = {};
  const present = (k: keyof SystemInput) => input[k] !== undefined;

  if (!partial || present('name')) {
    if (v.required('input.name', input.name)) changes.name = v.text('input.name', input.name, 200) ?? '';
  }
  let operatorId: string | null = null;
  if (!partial || present('operatorId')) {
    if (v.required('input.operatorId', input.operatorId)) operatorId = input.operatorId.trim();
  }
  if (!partial || present('status')) {
    if (!partial && input.status == null) changes.status = 'PLANNED';
    else if (v.required('input.status', input.status)) {
      changes.status = v.oneOf('input.status', input.status, SYSTEM_STATUSES) ?? 'PLANNED';
    }
  }
  if (present('filingNumber')) {
    changes.filingNumber = v.filingNumber('input.filingNumber', input.filingNumber);
  }
  for (const k of LEVEL_FIELDS) {
    if (present(k)) changes[k] = v.level(`input.${k}`, input[k]);
  }
  for (const k of DATE_FIELDS) {
    if (present(k)) changes[k] = v.date(`input.${k}`, input[k]);
  }
  if (present('description')) changes.description = v.text('input.description', input.description, 2000);

  // Rules on the merged result; skipped for fields that already failed above.
  const failed = new Set(v.issues.map((i) => i.field));
  const ok = (k: string) => !failed.has(`input.${k}`);
  const merged = { ...(existing ?? {}), ...changes } as Partial<SystemProps>;
  const get = <K extends keyof SystemProps>(k: K) => (merged[k] ?? null) as SystemProps[K] | null;

  // GB/T 22240-2020: the protection level is the higher of the two partial levels.
  const business = get('businessInfoLevel');
  const service = get('systemServiceLevel');
  const declared = get('protectionLevel');
  if (ok('businessInfoLevel') && ok('systemServiceLevel') && ok('protectionLevel')) {
    const computed = Math.max(business ?? 0, service ?? 0);
    if (declared === null && business !== null && service !== null) {
      changes.protectionLevel = computed;
    } else if (declared !== null && computed > 0) {
      const both = business !== null && service !== null;
      if (declared < computed) {
        v.issue(
          'input.protectionLevel',
          `level ${declared} is below the level ${computed} computed from the business-information level (${business ?? 'not given'}) and the system-service level (${service ?? 'not given'}) (GB/T 22240-2020)`,
        );
      } else if (both && declared > computed) {
        v.issue(
          'input.protectionLevel',
          `level ${declared} must equal the higher of the business-information level (${business}) and the system-service level (${service}), which is ${computed} (GB/T 22240-2020)`,
        );
      }
    }
  }
  if (ok('levelDeterminedOn') && ok('filedOn')) {
    v.dateOrder('input.filedOn', get('levelDeterminedOn'), get('filedOn'));
  }
  // FIL-3: filed → accepted by the police (受理) → certificate issued (备案证明), in that order.
  const accepted = get('filingAcceptedOn') ?? null;
  const certified = get('filingCertificateIssuedOn') ?? null;
  if (ok('filedOn') && ok('filingAcceptedOn')) {
    v.dateOrder('input.filingAcceptedOn', get('filedOn'), accepted);
    if (accepted !== null && get('filedOn') === null)
      v.issue('input.filingAcceptedOn', 'needs the filing date (filedOn)');
  }
  if (ok('filingAcceptedOn') && ok('filingCertificateIssuedOn')) {
    v.dateOrder('input.filingCertificateIssuedOn', accepted, certified);
    if (certified !== null && accepted === null)
      v.issue('input.filingCertificateIssuedOn', 'needs the acceptance date (filingAcceptedOn)');
  }
  if (ok('liveOn') && ok('decommissionedOn')) {
    v.dateOrder('input.decommissionedOn', get('liveOn'), get('decommissionedOn'));
  }
  if (ok('filedOn') && ok('filingNumber') && get('filedOn') !== null && get('filingNumber') === null) {
    v.issue('input.filingNumber', 'is required when the filing date (filedOn) is given');
  }
  if (
    ok('status') &&
    ok('decommissionedOn') &&
    get('status') === 'DECOMMISSIONED' &&
    !get('decommissionedOn')
  ) {
    v.issue('input.decommissionedOn', 'is required when the status is DECOMMISSIONED');
  }
  v.done();
  return { changes, operatorId };
}

const CONFLICT_FIELDS = { filingNumber: 'input.filingNumber' };

async function operatorExists(ctx: Context, id: string | null) {
  if (id !== null && !(await loadOperator(ctx, id)))
    throw new NotFoundError('input.operatorId', id, 'operator');
}

export async function createSystem(ctx: Context, input: SystemInput): Promise<SystemRow> {
  const { changes, operatorId } = validate(input, null);
  await operatorExists(ctx, operatorId);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.create, {
      operatorId: operatorId ?? '',
      props: { ...toProps(changes), id: newId() },
    }),
  );
  return toSystem(row?.node);
}

export async function updateSystem(ctx: Context, id: string, input: SystemInput): Promise<SystemRow> {
  const existing = await loadSystem(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'system');
  const { changes, operatorId } = validate(input, existing);
  await operatorExists(ctx, operatorId);
  const [row] = await mapConflicts(CONFLICT_FIELDS, () =>
    ctx.db.run(q.update, { id, props: toProps(changes), operatorId }),
  );
  return toSystem(row?.node);
}

/** Deletes the system and its relationships; nodes hanging off it (exposures, assessments) stay. */
export async function deleteSystem(ctx: Context, id: string): Promise<string> {
  if (!(await loadSystem(ctx, id))) throw new NotFoundError('id', id, 'system');
  await ctx.db.run(q.delete, { id });
  return id;
}
