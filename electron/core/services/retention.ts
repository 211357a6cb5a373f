import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { findChild } from '../../../db/queries/children';
import { childrenBornOnOrBefore, disposeOfChild, holdInForce, insertHold, liftHold } from '../../../db/queries/retention';
import { findUser } from '../../../db/queries/users';
import { formatUkDate, londonDateOf } from '../../../shared/deadlines';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import {
  RETENTION_YEARS,
  type ChildRetention,
  type childRetentionInput,
  type DisposalDone,
  type disposeOfChildInput,
  type liftLegalHoldInput,
  type placeLegalHoldInput,
  type RetentionListItem,
} from '../../../shared/schemas/retention';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';

// Retention, from the IRMS toolkit for schools: a child protection file is kept until the child's
// date of birth plus 25 years, then reviewed. Before that date nothing of the child's can be
// deleted; after it the DSL may delete the whole file, giving a reason, unless a legal hold (an
// inquiry's or a court's instruction to keep records) is in force. The audit log keeps a record of
// the deletion that says what kind of records went, when, by whom and why, and never their content
// (no name, no date of birth: only the record's id).

const LONDON = 'Europe/London';

function reviewDateOf(dateOfBirth: string): string {
  const date = DateTime.fromISO(dateOfBirth, { zone: LONDON }).plus({ years: RETENTION_YEARS }).toISODate();
  if (date === null) throw new Error('A stored date of birth is not a date.');
  return date;
}

function todayInLondon(ctx: { clock: () => Date }): string {
  return londonDateOf(nowIso(ctx.clock));
}

async function holderName(ctx: ReadContext, userId: string): Promise<string> {
  return (await findUser(ctx.db, userId))?.full_name ?? 'someone no longer recorded';
}

export async function childRetention(ctx: ReadContext, input: z.output<typeof childRetentionInput>): Promise<ChildRetention> {
  const child = await findChild(ctx.db, input.childId);
  if (!child) throw notFound("This child's record");
  const reviewDate = reviewDateOf(child.date_of_birth);
  const pastReview = todayInLondon(ctx) >= reviewDate;
  const hold = await holdInForce(ctx.db, child.id);
  const holdView = hold ? { reason: hold.reason, placedAt: hold.placed_at, placedBy: await holderName(ctx, hold.placed_by) } : null;
  const ukReview = formatUkDate(reviewDate);
  let reason: string;
  if (holdView) reason = 'A legal hold is in force: nothing can be deleted until it is lifted.';
  else if (!pastReview)
    reason = `Kept until the review date, ${ukReview} (date of birth plus ${RETENTION_YEARS} years). Nothing can be deleted before then.`;
  else reason = `The review date, ${ukReview}, has passed: the Designated Safeguarding Lead may review the records and delete them.`;
  return { childId: child.id, reviewDate, pastReview, hold: holdView, canDelete: pastReview && holdView === null, reason };
}

export async function recordsPastReview(ctx: ReadContext): Promise<RetentionListItem[]> {
  const today = DateTime.fromISO(todayInLondon(ctx), { zone: LONDON });
  const bornOnOrBefore = today.minus({ years: RETENTION_YEARS }).toISODate();
  if (bornOnOrBefore === null) throw new Error('The clock gave an invalid time.');
  const rows = await childrenBornOnOrBefore(ctx.db, bornOnOrBefore);
  return rows.map((row) => ({
    childId: row.id,
    fullName: `${row.first_name} ${row.last_name}`,
    dateOfBirth: row.date_of_birth,
    reviewDate: reviewDateOf(row.date_of_birth),
    hold: row.hold_reason,
  }));
}

export async function placeLegalHold(ctx: ServiceContext, input: z.output<typeof placeLegalHoldInput>): Promise<ChildRetention> {
  const child = await findChild(ctx.db, input.childId);
  if (!child) throw notFound("This child's record");
  await ctx.db.transaction().execute(async (trx) => {
    if (await holdInForce(trx, child.id)) throw new ApiFailure('conflict', 'A legal hold is already in force for this child.');
    const id = randomUUID();
    await insertHold(trx, {
      id,
      child_id: child.id,
      reason: input.reason,
      placed_at: nowIso(ctx.clock),
      placed_by: ctx.user.id,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
    });
    await audit(trx, ctx, 'retention.hold.placed', { type: 'child', id: child.id }, 'Placed a legal hold');
  });
  return childRetention(ctx, { childId: child.id });
}

export async function liftLegalHold(ctx: ServiceContext, input: z.output<typeof liftLegalHoldInput>): Promise<ChildRetention> {
  await ctx.db.transaction().execute(async (trx) => {
    const hold = await holdInForce(trx, input.childId);
    if (!hold) throw new ApiFailure('conflict', 'There is no legal hold in force for this child.');
    await liftHold(trx, hold.id, { lifted_at: nowIso(ctx.clock), lifted_by: ctx.user.id, lift_reason: input.reason });
    await audit(trx, ctx, 'retention.hold.lifted', { type: 'child', id: input.childId }, 'Lifted a legal hold');
  });
  return childRetention(ctx, { childId: input.childId });
}

export async function disposeOfChildRecords(ctx: ServiceContext, input: z.output<typeof disposeOfChildInput>): Promise<DisposalDone> {
  const child = await findChild(ctx.db, input.childId);
  if (!child) throw notFound("This child's record");
  const fullName = `${child.first_name} ${child.last_name}`;
  if (input.confirmName.replace(/\s+/g, ' ').toLowerCase() !== fullName.toLowerCase()) {
    throw fieldFailure(['confirmName'], "Type the child's full name exactly as it is recorded, to confirm.");
  }
  const retention = await childRetention(ctx, { childId: child.id });
  // `conflict`, not `forbidden`: the records say no (not yet reviewed, on hold); `forbidden` is only ever about the caller's role.
  if (!retention.canDelete) throw new ApiFailure('conflict', `These records cannot be deleted. ${retention.reason}`);
  let deleted: Record<string, number> = {};
  await ctx.db.transaction().execute(async (trx) => {
    deleted = await disposeOfChild(trx, child.id);
    const kinds = Object.entries(deleted)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    // Metadata only: what kind of records, when (the entry's time), by whom (the entry's actor), why.
    await audit(
      trx,
      ctx,
      'retention.deleted',
      { type: 'child', id: child.id },
      `Deleted a child's records after their review date: ${kinds}. Reason: ${input.reason}`,
    );
  });
  return { deleted };
}
