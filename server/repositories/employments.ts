/**
 * Store functions for employment (任职): (Person)-[:WORKS_FOR {id, from, to, keyPosition, role}]->
 * (Vendor|Operator), with key positions (关键岗位).
 */

import type { Context } from '../context.js';
import { employments as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { EmployerKind, EmploymentRecord, OperatorRecord, VendorRecord } from '../model.js';
import { InputValidator } from '../validation/input.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from './common.js';
import { toOperator } from './operators.js';
import { groupLists, loadPerson } from './persons.js';
import { toVendor } from './vendors.js';

export const EMPLOYMENT_FIELDS = [
  'id',
  'from',
  'to',
  'personId',
  'employerId',
  'employerKind',
  'keyPosition',
  'role',
] as const satisfies readonly (keyof EmploymentRecord)[];

export const toEmployment = (node: unknown) => {
  const record = toRecord<EmploymentRecord>(node, EMPLOYMENT_FIELDS);
  record.keyPosition = record.keyPosition === true;
  return record;
};

/** An employer as read by this domain: the record plus which kind of node it is. */
export type Employer =
  | { kind: 'VENDOR'; record: VendorRecord }
  | { kind: 'OPERATOR'; record: OperatorRecord };

/** Vendors or operators by id with their label, one statement per request level. Out of scope → null. */
export function loadEmployer(ctx: Context, id: string): Promise<Employer | null> {
  return ctx
    .loader<string, Employer | null>('employer.byId', null, async (ids) => {
      const rows = await ctx.db.run(q.employersByIds, { scope: ctx.principal.scope, ids });
      const found = new Map<string, Employer>();
      for (const r of rows) {
        const node = r.node as { id: string };
        found.set(
          node.id,
          r.label === 'Vendor'
            ? { kind: 'VENDOR', record: toVendor(node) }
            : { kind: 'OPERATOR', record: toOperator(node) },
        );
      }
      return ids.map((i) => found.get(i) ?? null);
    })
    .load(id);
}

/** Batched by id; employments at employers outside the caller's scope resolve to null. */
export function loadEmployment(ctx: Context, id: string): Promise<EmploymentRecord | null> {
  return loadByKey(ctx, 'employment.byId', q.byIds, scopedIds, toEmployment, id);
}

/** Employments of a person (valid on `activeOn` when given); one statement per request level. */
export function loadEmploymentsOfPerson(ctx: Context, personId: string, activeOn: string | null) {
  return ctx
    .loader<string, EmploymentRecord[]>('employments.byPerson', activeOn, async (ids) => {
      const rows = await ctx.db.run(q.byPersons, { scope: ctx.principal.scope, parentIds: ids, activeOn });
      const byPerson = groupLists(rows, toEmployment);
      return ids.map((i) => byPerson.get(i) ?? []);
    })
    .load(personId);
}

/** Employments at a vendor (valid on `activeOn` when given); one statement per request level. */
export function loadEmploymentsOfVendor(ctx: Context, vendorId: string, activeOn: string | null) {
  return ctx
    .loader<string, EmploymentRecord[]>('employments.byVendor', activeOn, async (ids) => {
      const byVendor = groupLists(await ctx.db.run(q.byVendors, { parentIds: ids, activeOn }), toEmployment);
      return ids.map((i) => byVendor.get(i) ?? []);
    })
    .load(vendorId);
}

export interface EmploymentInput {
  keyPosition?: boolean | null;
  role?: string | null;
  from?: string | null;
  to?: string | null;
}

export async function addEmployment(
  ctx: Context,
  personId: string,
  employer: { id: string; kind: EmployerKind },
  input: EmploymentInput,
): Promise<EmploymentRecord> {
  const v = new InputValidator();
  const window = v.window('input', input.from, input.to);
  const role = v.text('input.role', input.role, 200);
  v.done();
  if (!(await loadPerson(ctx, personId))) throw new NotFoundError('input.personId', personId, 'person');
  const found = await loadEmployer(ctx, employer.id);
  if (!found || found.kind !== employer.kind) {
    throw new NotFoundError(
      'input.employerId',
      employer.id,
      employer.kind === 'VENDOR' ? 'vendor' : 'operator',
    );
  }
  const props = toProps({
    from: window.from,
    to: window.to,
    keyPosition: input.keyPosition ?? false,
    role,
  });
  const params = { personId, employerId: employer.id, props: { ...props, id: newId() } };
  const [row] = await ctx.db.run(
    employer.kind === 'VENDOR' ? q.createForVendor : q.createForOperator,
    params,
  );
  return toEmployment(row?.node);
}

export async function endEmployment(ctx: Context, id: string, to: string): Promise<EmploymentRecord> {
  const v = new InputValidator();
  const end = v.required('to', to) ? v.date('to', to) : null;
  v.done();
  const existing = await loadEmployment(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'employment');
  if (existing.to !== null) {
    throw new ValidationError([{ field: 'to', message: `the employment already ended on ${existing.to}` }]);
  }
  v.dateOrder('to', existing.from, end);
  v.done();
  const [row] = await ctx.db.run(q.end, { id, to: end ?? to });
  if (!row) throw new ValidationError([{ field: 'to', message: 'the employment already ended' }]);
  return toEmployment(row.node);
}
