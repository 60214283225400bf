/** Store functions for background checks (安全背景审查) of persons. */

import type { Context } from '../context.js';
import { checks as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type BackgroundCheckRecord, CHECK_STATUSES, type CheckStatus } from '../model.js';
import { checkDateOrder } from '../validation/identifiers.js';
import { InputValidator } from '../validation/input.js';
import { loadByKey, newId, scopedIds, toProps, toRecord } from './common.js';
import { groupLists, loadPerson } from './persons.js';

export const CHECK_FIELDS = [
  'id',
  'personId',
  'status',
  'checkedOn',
  'expiresOn',
  'checkedBy',
] as const satisfies readonly (keyof BackgroundCheckRecord)[];

export const toCheck = (node: unknown) => toRecord<BackgroundCheckRecord>(node, CHECK_FIELDS);

/** PASSED, already done on `date`, and not expired on it (expiresOn is the last valid day). */
export function isCheckValidOn(check: BackgroundCheckRecord, date: string): boolean {
  return (
    check.status === 'PASSED' &&
    check.checkedOn <= date &&
    (check.expiresOn === null || check.expiresOn >= date)
  );
}

/** Batched by id; checks of persons outside the caller's scope resolve to null. */
export function loadCheck(ctx: Context, id: string): Promise<BackgroundCheckRecord | null> {
  return loadByKey(ctx, 'check.byId', q.byIds, scopedIds, toCheck, id);
}

/** Every check of a person, most recent first; one statement for all persons of the request level. */
export function loadChecksOfPerson(ctx: Context, personId: string): Promise<BackgroundCheckRecord[]> {
  return ctx
    .loader<string, BackgroundCheckRecord[]>('checks.byPerson', null, async (ids) => {
      const byPerson = groupLists(await ctx.db.run(q.byPersons, { parentIds: ids }), toCheck);
      return ids.map((i) => byPerson.get(i) ?? []);
    })
    .load(personId);
}

export interface CheckInput {
  personId?: string | null;
  status?: CheckStatus | null;
  checkedOn?: string | null;
  expiresOn?: string | null;
  checkedBy?: string | null;
}

/** Validates every field; `partial` (updates) lets required fields be absent but not null. */
function validate(input: CheckInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<BackgroundCheckRecord> = {};
  const present = (k: keyof CheckInput) => !partial || input[k] !== undefined;
  if (present('status') && v.required('input.status', input.status)) {
    props.status = v.oneOf('input.status', input.status, CHECK_STATUSES) ?? 'PENDING';
  }
  if (present('checkedOn') && v.required('input.checkedOn', input.checkedOn)) {
    props.checkedOn = v.date('input.checkedOn', input.checkedOn) ?? '';
  }
  if (input.expiresOn !== undefined) props.expiresOn = v.date('input.expiresOn', input.expiresOn);
  if (present('checkedBy') && v.required('input.checkedBy', input.checkedBy)) {
    props.checkedBy = v.text('input.checkedBy', input.checkedBy, 200) ?? '';
  }
  if (props.checkedOn && props.expiresOn) v.dateOrder('input.expiresOn', props.checkedOn, props.expiresOn);
  v.done();
  return props;
}

export async function addCheck(ctx: Context, personId: string, input: CheckInput) {
  const props = validate(input, false);
  if (!(await loadPerson(ctx, personId))) throw new NotFoundError('input.personId', personId, 'person');
  const [row] = await ctx.db.run(q.create, { personId, props: { ...toProps(props), id: newId() } });
  return toCheck(row?.node);
}

export async function updateCheck(ctx: Context, id: string, input: CheckInput) {
  const props = validate(input, true);
  const existing = await loadCheck(ctx, id);
  if (!existing) throw new NotFoundError('id', id, 'background check');
  // Dates given on their own are checked against the stored other end.
  const checkedOn = props.checkedOn ?? existing.checkedOn;
  const expiresOn = props.expiresOn !== undefined ? props.expiresOn : existing.expiresOn;
  const problem = checkDateOrder(checkedOn, expiresOn);
  if (problem) {
    const field = props.expiresOn !== undefined ? 'input.expiresOn' : 'input.checkedOn';
    throw new ValidationError([{ field, message: problem }]);
  }
  const [row] = await ctx.db.run(q.update, { id, props: toProps(props) });
  return toCheck(row?.node);
}

export async function deleteCheck(ctx: Context, id: string): Promise<string> {
  if (!(await loadCheck(ctx, id))) throw new NotFoundError('id', id, 'background check');
  await ctx.db.run(q.delete, { id });
  return id;
}
