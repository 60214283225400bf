/** Store functions for network links between protected systems (系统互联, CONNECTS_TO). */

import type { Context } from '../context.js';
import { links as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { LinkRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { normalizeProtocol } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import { keysetParams, loadByKey, mapConflicts, newId, scopedIds, toProps, toRecord } from './common.js';
import { loadSystem } from './systems.js';

export const LINK_FIELDS = [
  'id',
  'from',
  'to',
  'fromSystemId',
  'toSystemId',
  'protocol',
  'port',
] as const satisfies readonly (keyof LinkRecord)[];

export const toLink = (node: unknown) => toRecord<LinkRecord>(node, LINK_FIELDS);

export const LINK_DIRECTIONS = ['OUTGOING', 'INCOMING', 'BOTH'] as const;
export type LinkDirection = (typeof LINK_DIRECTIONS)[number];

/** Batched by id; a link is visible when either end system is in the caller's scope. */
export function loadLink(ctx: Context, id: string): Promise<LinkRecord | null> {
  return loadByKey(ctx, 'link.byId', q.byIds, scopedIds, toLink, id);
}

/** One batched statement for the links of every system asking with the same arguments. */
export async function linksBySystems(
  ctx: Context,
  systemIds: readonly string[],
  direction: LinkDirection,
  activeOn: string | null,
  page: PageParams,
) {
  return ctx.db.run(q.bySystems, {
    scope: ctx.principal.scope,
    parentIds: systemIds,
    direction,
    activeOn,
    ...keysetParams(page),
  });
}

export interface LinkInput {
  /** Database ids of the systems (a malformed global id arrives as is and is not found). */
  fromSystemId?: string | null;
  toSystemId?: string | null;
  protocol?: string | null;
  port?: number | null;
  from?: string | null;
  to?: string | null;
}

export async function addLink(ctx: Context, input: LinkInput): Promise<LinkRecord> {
  const v = new InputValidator();
  const fromOk = v.required('input.fromSystemId', input.fromSystemId);
  const toOk = v.required('input.toSystemId', input.toSystemId);
  if (fromOk && toOk && input.fromSystemId === input.toSystemId) {
    v.issue('input.toSystemId', 'a system cannot be linked to itself');
  }
  let protocol: string | null = null;
  if (v.required('input.protocol', input.protocol)) {
    const result = normalizeProtocol(input.protocol);
    if (result.ok) protocol = result.value;
    else v.issue('input.protocol', result.message);
  }
  const port = v.port('input.port', input.port);
  const window = v.window('input', input.from, input.to);
  v.done();
  const fromSystemId = input.fromSystemId as string;
  const toSystemId = input.toSystemId as string;
  const [a, b] = await Promise.all([loadSystem(ctx, fromSystemId), loadSystem(ctx, toSystemId)]);
  if (!a) throw new NotFoundError('input.fromSystemId', fromSystemId, 'system');
  if (!b) throw new NotFoundError('input.toSystemId', toSystemId, 'system');
  const props = toProps({ protocol, port, from: window.from, to: window.to });
  const [row] = await mapConflicts({ id: 'input' }, () =>
    ctx.db.run(q.create, { fromSystemId, toSystemId, props: { ...props, id: newId() } }),
  );
  return toLink(row?.node);
}

/** Sets the last valid day of a link in force; the link stays as history. */
export async function endLink(ctx: Context, id: string, to: string | null | undefined): Promise<LinkRecord> {
  const v = new InputValidator();
  const end = v.required('to', to) ? v.date('to', to) : null;
  v.done();
  const link = await loadLink(ctx, id);
  if (!link) throw new NotFoundError('id', id, 'system link');
  if (link.to !== null) {
    throw new ValidationError([{ field: 'to', message: `the link already ended on ${link.to}` }]);
  }
  if (end !== null && end < link.from) {
    throw new ValidationError([
      { field: 'to', message: `end date ${end} is before start date ${link.from}` },
    ]);
  }
  const [row] = await ctx.db.run(q.end, { id, to: end ?? '' });
  return toLink(row?.node);
}
