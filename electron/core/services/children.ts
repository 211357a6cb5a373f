import { randomUUID } from 'node:crypto';
import type { Insertable, Updateable } from 'kysely';
import type { AmendmentsTable, ChildrenTable } from '../../../db/schema';
import type { z } from 'zod';
import type { amendChildInput, createChildInput, listChildrenInput, Child, ChildSummary } from '../../../shared/schemas/children';
import type { LevelOfNeed } from '../../../shared/schemas/children';
import { findChild, insertChild, listChildren, updateChild, type ChildRow } from '../../../db/queries/children';
import { amendedEntityIds, insertAmendments } from '../../../db/queries/amendments';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';

// The children register: add, list, search, open, amend. A change to a saved child is an
// amendment: the old value, who, when and why are kept, and the record shows as amended.

function toLevel(value: number): LevelOfNeed {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  throw new Error(`Stored level of need ${value} is outside 1 to 4.`);
}

function toChild(row: ChildRow, amended: boolean): Child {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    classOrYear: row.class_or_year,
    levelOfNeed: toLevel(row.level_of_need),
    planStatus: row.plan_status,
    socialWorkerName: row.social_worker_name,
    socialWorkerContact: row.social_worker_contact,
    createdAt: row.created_at,
    createdBy: row.created_by,
    amended,
  };
}

export async function createChild(ctx: ServiceContext, input: z.output<typeof createChildInput>): Promise<Child> {
  const id = randomUUID();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
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
    });
    await audit(trx, ctx, 'child.created', { type: 'child', id }, 'Added a child to the register');
  });
  return getChild(ctx, id);
}

export async function getChild(ctx: ReadContext, id: string): Promise<Child> {
  const row = await findChild(ctx.db, id);
  if (!row) throw notFound("This child's record");
  const amended = await amendedEntityIds(ctx.db, 'child', [id]);
  return toChild(row, amended.has(id));
}

export async function listChildSummaries(ctx: ReadContext, input: z.output<typeof listChildrenInput>): Promise<ChildSummary[]> {
  const rows = await listChildren(ctx.db, input.search);
  return rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    classOrYear: row.class_or_year,
    levelOfNeed: toLevel(row.level_of_need),
    planStatus: row.plan_status,
  }));
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
    const amendments: Insertable<AmendmentsTable>[] = [];
    const update: Updateable<ChildrenTable> = {};
    for (const [field, column] of amendableFields) {
      if (!Object.prototype.hasOwnProperty.call(input.changes, field)) continue;
      const next = input.changes[field];
      const previous = row[column];
      if (next === undefined || next === previous) continue;
      Object.assign(update, { [column]: next });
      amendments.push({
        id: randomUUID(),
        entity_type: 'child',
        entity_id: input.id,
        field,
        old_value: JSON.stringify(previous),
        new_value: JSON.stringify(next),
        reason: input.reason,
        amended_by: ctx.user.id,
        amended_at: now,
      });
    }
    if (amendments.length === 0) return;
    await updateChild(trx, input.id, update);
    await insertAmendments(trx, amendments);
    const fields = amendments.map((amendment) => amendment.field).join(', ');
    await audit(trx, ctx, 'child.amended', { type: 'child', id: input.id }, `Amended ${fields}`);
  });
  return getChild(ctx, input.id);
}
