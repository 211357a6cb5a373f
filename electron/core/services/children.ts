import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { ChildrenTable } from '../../../db/schema';
import type { z } from 'zod';
import type {
  amendChildInput,
  childDuplicatesInput,
  createChildInput,
  listChildrenInput,
  Child,
  ChildSummary,
} from '../../../shared/schemas/children';
import type { LevelOfNeed } from '../../../shared/schemas/children';
import { childFullName } from '../../../shared/schemas/children';
import { nameKey, parseChildSearch, sortKey } from '../../../shared/children/name-keys';
import { formatUkDate } from '../../../shared/deadlines';
import { fieldFailure } from '../../../shared/result';
import { childrenWithIdentity, findChild, insertChild, updateChild, type ChildRow } from '../../../db/queries/children';
import { childrenPage } from '../../../db/queries/lists';
import type { Page } from '../../../shared/schemas/paging';
import { decodeCursor, pageLimit, pageOf } from './paging';
import { childrenWithReference, parseRecordReference } from './record-references';
import { amendedEntityIds } from '../../../db/queries/amendments';
import { keepAmendments, type FieldChange } from './amendments';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';

// The children register: add, list, search, open, amend. A change to a saved child is an
// amendment: the old value, who, when and why are kept, and the record shows as amended. Names are
// found and sorted by their folded keys (shared/children/name-keys.ts), written with every change of
// name. A child whose name and date of birth match one already on the register is added only when
// the DSL confirms it is a different child.

function toLevel(value: number): LevelOfNeed {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  throw new Error(`Stored level of need ${value} is outside 1 to 4.`);
}

function toSummary(row: ChildRow): ChildSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    classOrYear: row.class_or_year,
    levelOfNeed: toLevel(row.level_of_need),
    planStatus: row.plan_status,
  };
}

function toChild(row: ChildRow, amended: boolean): Child {
  return {
    ...toSummary(row),
    socialWorkerName: row.social_worker_name,
    socialWorkerContact: row.social_worker_contact,
    createdAt: row.created_at,
    createdBy: row.created_by,
    amended,
  };
}

/** Children already on the register with this name (folded) and date of birth. */
export async function findDuplicates(ctx: ReadContext, input: z.output<typeof childDuplicatesInput>): Promise<ChildSummary[]> {
  const key = nameKey(input);
  if (!input.firstName || !input.lastName || !/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth) || key === '') return [];
  return (await childrenWithIdentity(ctx.db, { nameKey: key, dateOfBirth: input.dateOfBirth })).map(toSummary);
}

export async function createChild(ctx: ServiceContext, input: z.output<typeof createChildInput>): Promise<Child> {
  const id = randomUUID();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const same = await childrenWithIdentity(trx, { nameKey: nameKey(input), dateOfBirth: input.dateOfBirth });
    const first = same[0];
    if (first && input.confirmedNotDuplicate !== true) {
      throw fieldFailure(
        ['confirmedNotDuplicate'],
        `${childFullName({ firstName: first.first_name, lastName: first.last_name })}, born ${formatUkDate(first.date_of_birth)}, is already on the register. Open their record instead, or confirm this is a different child.`,
      );
    }
    await insertChild(trx, {
      id,
      first_name: input.firstName,
      last_name: input.lastName,
      date_of_birth: input.dateOfBirth,
      class_or_year: input.classOrYear,
      level_of_need: input.levelOfNeed,
      plan_status: input.planStatus,
      social_worker_name: input.socialWorkerName,
      social_worker_contact: input.socialWorkerContact,
      created_at: now,
      created_by: ctx.user.id,
      name_key: nameKey(input),
      sort_key: sortKey(input),
    });
    await audit(
      trx,
      ctx,
      'child.created',
      { type: 'child', id },
      first
        ? 'Added a child to the register, confirmed as a different child from one already there with the same name and date of birth'
        : 'Added a child to the register',
    );
  });
  return getChild(ctx, id);
}

export async function getChild(ctx: ReadContext, id: string): Promise<Child> {
  const row = await findChild(ctx.db, id);
  if (!row) throw notFound("This child's record");
  const amended = await amendedEntityIds(ctx.db, 'child', [id]);
  return toChild(row, amended.has(id));
}

/**
 * A page of the register in its order, searched as the DSL types (the search parsed here, matched in
 * SQL): by name and date of birth, or by a record's reference (services/record-references.ts).
 */
export async function listChildSummaries(ctx: ReadContext, input: z.output<typeof listChildrenInput>): Promise<Page<ChildSummary>> {
  const { limit, fetch } = pageLimit(input.limit);
  const after = decodeCursor(input.cursor, 3);
  const reference = input.search ? parseRecordReference(input.search) : null;
  const { rows, total } = await childrenPage(ctx.db, {
    search: input.search && !reference ? parseChildSearch(input.search) : undefined,
    ids: reference ? await childrenWithReference(ctx.db, reference) : undefined,
    after: after ? { sortKey: after[0] ?? '', dateOfBirth: after[1] ?? '', id: after[2] ?? '' } : null,
    limit: fetch,
  });
  return pageOf(rows, limit, total, toSummary, (row) => [row.sort_key, row.date_of_birth, row.id]);
}

/** Each amendable field and the column it is stored in. */
const amendableFields = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['classOrYear', 'class_or_year'],
  ['levelOfNeed', 'level_of_need'],
  ['planStatus', 'plan_status'],
  ['socialWorkerName', 'social_worker_name'],
  ['socialWorkerContact', 'social_worker_contact'],
] as const;

export async function amendChild(ctx: ServiceContext, input: z.output<typeof amendChildInput>): Promise<Child> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findChild(trx, input.id);
    if (!row) throw notFound("This child's record");
    const changes: FieldChange[] = [];
    const update: Updateable<ChildrenTable> = {};
    for (const [field, column] of amendableFields) {
      if (!Object.prototype.hasOwnProperty.call(input.changes, field)) continue;
      const next = input.changes[field];
      const previous = row[column];
      if (next === undefined || next === previous) continue;
      Object.assign(update, { [column]: next });
      changes.push({ field, from: previous, to: next });
    }
    if (changes.length === 0) return;
    // A changed name is found and sorted by its new spelling.
    const names = { firstName: update.first_name ?? row.first_name, lastName: update.last_name ?? row.last_name };
    await updateChild(trx, input.id, { ...update, name_key: nameKey(names), sort_key: sortKey(names) });
    await keepAmendments(trx, ctx, { type: 'child', id: input.id }, changes, { reason: input.reason, at: now });
    const fields = changes.map((change) => change.field).join(', ');
    await audit(trx, ctx, 'child.amended', { type: 'child', id: input.id }, `Amended ${fields}`);
  });
  return getChild(ctx, input.id);
}
