/**
 * Address declarations (网段申报): the IP ranges a system or an operator declares as its own, stored as
 * `(System|Operator)-[:DECLARES]->(:AddressBlock {id, cidr, startKey, endKey, prefix, declaredOn, note})`.
 *
 * `startKey`/`endKey` are the inclusive ipKey range (32 hex digits, IPv4 as ::ffff:a.b.c.d, as for
 * exposures) and `prefix` the prefix length on that 128-bit key (an IPv4 /24 is 120). Matching an
 * address: every block containing it starts at the address masked to some prefix length, so the
 * candidates are the (at most 129) masked keys of the address, each an equality seek on the
 * startKey index, then `endKey >= key` keeps the blocks long enough (see match-addresses.cypher).
 */
import ipaddr from 'ipaddr.js';
import type { Context } from '../../context.js';
import { exposureImport as q } from '../../cypher.generated.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { PageParams } from '../../pagination.js';
import { loadByKey, newId, scopedIds, todayInChina, toProps } from '../../repositories/common.js';
import { cidrKeyRange } from '../../repositories/exposures.js';
import { normalizeCidr } from '../../validation/identifiers.js';
import { InputValidator } from '../../validation/input.js';

export interface AddressBlockRecord {
  id: string;
  cidr: string;
  startKey: string;
  endKey: string;
  prefix: number;
  declaredOn: string;
  note: string | null;
  ownerId: string;
  ownerKind: 'System' | 'Operator';
  operatorId: string | null;
}

export function toAddressBlock(node: unknown): AddressBlockRecord {
  const n = (node ?? {}) as Record<string, unknown>;
  return {
    id: n.id as string,
    cidr: n.cidr as string,
    startKey: n.startKey as string,
    endKey: n.endKey as string,
    prefix: n.prefix as number,
    declaredOn: n.declaredOn as string,
    note: (n.note as string | undefined) ?? null,
    ownerId: n.ownerId as string,
    ownerKind: n.ownerKind === 'System' ? 'System' : 'Operator',
    operatorId: (n.operatorId as string | undefined) ?? null,
  };
}

/** Shortest prefixes accepted: wider ranges are no unit's own addresses. */
export const MIN_PREFIX = { ipv4: 8, ipv6: 16 } as const;

/** The prefix length of a normalised CIDR on the 128-bit key. */
export function keyPrefix(cidr: string): number {
  const [addr, prefix] = cidr.split('/') as [string, string];
  return Number(prefix) + (ipaddr.parse(addr).kind() === 'ipv4' ? 96 : 0);
}

/** Every start key a block containing `key` could have: `key` masked to each prefix length 0–128. */
export function candidateStarts(key: string, ipv4: boolean): string[] {
  const value = BigInt(`0x${key}`);
  const out: string[] = [];
  // IPv4 keys only match IPv4 blocks (prefix ≥ 96 on the key): an IPv6 range never contains IPv4 addresses.
  for (let p = ipv4 ? 96 : 0; p <= 128; p++) {
    const mask = p === 0 ? 0n : ((1n << BigInt(p)) - 1n) << BigInt(128 - p);
    out.push((value & mask).toString(16).padStart(32, '0'));
  }
  return [...new Set(out)];
}

export interface DeclareInput {
  cidr?: string | null;
  declaredOn?: string | null;
  note?: string | null;
}

export interface Owner {
  id: string;
  kind: 'System' | 'Operator';
  operatorId: string | null;
}

export function loadOwner(ctx: Context, id: string): Promise<Owner | null> {
  return loadByKey(ctx, 'addressBlocks.ownerById', q.ownersByIds, scopedIds, (n) => n as Owner, id);
}

export function loadAddressBlock(ctx: Context, id: string): Promise<AddressBlockRecord | null> {
  return loadByKey(ctx, 'addressBlocks.byId', q.blocksByIds, scopedIds, toAddressBlock, id);
}

/** Declares `input.cidr` for the system or operator `ownerId` (database id, kind checked by the caller). */
export async function declareAddressBlock(
  ctx: Context,
  ownerId: string,
  ownerKind: 'System' | 'Operator',
  input: DeclareInput,
): Promise<AddressBlockRecord> {
  const v = new InputValidator();
  let cidr: string | null = null;
  if (v.required('input.cidr', input.cidr)) {
    const n = normalizeCidr(input.cidr);
    if (!n.ok) v.issue('input.cidr', n.message);
    else {
      const ipv6 = n.value.includes(':');
      const prefix = Number(n.value.split('/')[1]);
      const min = ipv6 ? MIN_PREFIX.ipv6 : MIN_PREFIX.ipv4;
      if (prefix < min)
        v.issue('input.cidr', `${n.value} is wider than /${min}: declare the unit's own ranges`);
      else cidr = n.value;
    }
  }
  const declaredOn = input.declaredOn == null ? todayInChina() : v.date('input.declaredOn', input.declaredOn);
  const today = todayInChina();
  if (declaredOn && declaredOn > today)
    v.issue('input.declaredOn', `${declaredOn} is in the future (today is ${today})`);
  const note = v.text('input.note', input.note, 200);
  v.done();
  const owner = await loadOwner(ctx, ownerId);
  if (!owner || owner.kind !== ownerKind)
    throw new NotFoundError('ownerId', ownerId, ownerKind.toLowerCase());
  const [startKey, endKey] = cidrKeyRange(cidr as string);
  const props = toProps({
    cidr,
    startKey,
    endKey,
    prefix: keyPrefix(cidr as string),
    declaredOn,
    note: note ?? undefined,
  });
  const [row] = await ctx.db.run(q.declareBlock, { ownerId, props: { ...props, id: newId() } });
  if (!row)
    throw new ConflictError('input.cidr', `${cidr} is already declared by this ${ownerKind.toLowerCase()}`);
  const block = await ctx.db.run(q.blocksByIds, {
    scope: ctx.principal.scope,
    ids: [(row.node as { id: string }).id],
  });
  return toAddressBlock(block[0]?.node);
}

export async function removeAddressBlock(ctx: Context, id: string): Promise<string> {
  if (!(await loadAddressBlock(ctx, id))) throw new NotFoundError('id', id, 'address block');
  await ctx.db.run(q.removeBlock, { id });
  return id;
}

export async function listBlocksOfOwners(ctx: Context, parentIds: readonly string[], page: PageParams) {
  return ctx.db.run(q.blocksByOwners, {
    scope: ctx.principal.scope,
    parentIds,
    afterKey: page.afterKey,
    afterId: page.afterId,
    limit: page.limit,
  });
}
