import { randomUUID } from 'node:crypto';
import { childFullName } from '../../../shared/schemas/children';
import { z } from 'zod';
import type {
  createReferralInput,
  listReferralsInput,
  recordReferralEventInput,
  Referral,
  ReferralEvent,
  ReferralSummary,
} from '../../../shared/schemas/referrals';
import { referralEventKinds } from '../../../shared/referrals/events';
import { referralMilestones } from '../../../shared/referrals/milestones';
import { fieldFailure } from '../../../shared/result';
import { findChild } from '../../../db/queries/children';
import { escalationsForReferral } from '../../../db/queries/escalations';
import {
  eventsByReferral,
  findReferral,
  insertReferral,
  insertReferralEvent,
  listReferralRows,
  type ReferralEventRow,
  type ReferralRow,
} from '../../../db/queries/referrals';
import type { ReadExecutor } from '../../../db/queries/executor';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';
import { deadlineContext, type DeadlineContext } from './deadline-context';
import { settingProcedure } from './procedures';
import { refuseFuture } from './recorded-time';

// Referrals to children's social care and their statutory milestones. What happened is stored;
// when each milestone is due is worked out on every read (see shared/referrals/milestones.ts).

/** The stored event kind is plain text in the file: read it back through the one list of kinds. */
const eventKindSchema = z.enum(referralEventKinds);

function toEvent(row: ReferralEventRow): ReferralEvent {
  return {
    id: row.id,
    kind: eventKindSchema.parse(row.kind),
    happenedAt: row.happened_at,
    s47Started: row.s47_started === null ? null : row.s47_started === 1,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function referralDeadlineContext(db: ReadExecutor, ctx: ReadContext): Promise<DeadlineContext> {
  const procedure = await settingProcedure(db);
  return deadlineContext(db, ctx.clock, procedure?.timescaleOverrides ?? {});
}

export function toReferral(
  row: ReferralRow,
  events: ReferralEventRow[],
  escalations: Referral['escalations'],
  deadlines: DeadlineContext,
): Referral {
  const typed = events.map(toEvent);
  return {
    id: row.id,
    childId: row.child_id,
    childName: childFullName({ firstName: row.child_first_name, lastName: row.child_last_name }),
    madeAt: row.made_at,
    method: row.method,
    concern: row.concern,
    category: row.category,
    referredTo: row.referred_to,
    madeByName: row.made_by_name,
    madeByRole: row.made_by_role,
    summary: row.summary,
    createdAt: row.created_at,
    createdBy: row.created_by,
    events: typed,
    milestones: referralMilestones(
      { madeAt: row.made_at, method: row.method, concern: row.concern, category: row.category, events: typed },
      deadlines.calendar,
      deadlines.overrides,
      deadlines.now,
    ),
    escalations,
  };
}

export async function getReferral(ctx: ReadContext, id: string): Promise<Referral> {
  const row = await findReferral(ctx.db, id);
  if (!row) throw notFound('This referral');
  const events = (await eventsByReferral(ctx.db, [id])).get(id) ?? [];
  return toReferral(row, events, await escalationsForReferral(ctx.db, id), await referralDeadlineContext(ctx.db, ctx));
}

export async function listReferrals(ctx: ReadContext, input: z.output<typeof listReferralsInput>): Promise<ReferralSummary[]> {
  const rows = await listReferralRows(ctx.db, input.childId ? { childId: input.childId } : {});
  const events = await eventsByReferral(
    ctx.db,
    rows.map((row) => row.id),
  );
  const deadlines = await referralDeadlineContext(ctx.db, ctx);
  return rows.map((row) => {
    const referral = toReferral(row, events.get(row.id) ?? [], [], deadlines);
    const open = referral.milestones.filter((milestone) => milestone.state === 'due' || milestone.state === 'overdue');
    const next = [...open].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
    return {
      id: referral.id,
      childId: referral.childId,
      childName: referral.childName,
      madeAt: referral.madeAt,
      category: referral.category,
      concern: referral.concern,
      overdue: referral.milestones.filter((milestone) => milestone.state === 'overdue').length,
      nextDue: next ? { label: next.label, dueAt: next.dueAt, explanation: next.explanation } : null,
    };
  });
}

export async function createReferral(ctx: ServiceContext, input: z.output<typeof createReferralInput>): Promise<Referral> {
  refuseFuture(ctx.clock, input.madeAt, 'madeAt', 'A referral cannot be recorded as made in the future.');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findChild(trx, input.childId))) throw notFound("This child's record");
    await insertReferral(trx, {
      id,
      child_id: input.childId,
      made_at: input.madeAt,
      method: input.method,
      concern: input.concern,
      category: input.category,
      referred_to: input.referredTo,
      made_by_name: input.madeByName,
      made_by_role: input.madeByRole,
      summary: input.summary,
      created_at: nowIso(ctx.clock),
      created_by: ctx.user.id,
    });
    await audit(trx, ctx, 'referral.created', { type: 'referral', id }, 'Recorded a referral to children’s social care');
  });
  return getReferral(ctx, id);
}

export async function recordReferralEvent(ctx: ServiceContext, input: z.output<typeof recordReferralEventInput>): Promise<Referral> {
  await ctx.db.transaction().execute(async (trx) => {
    const referral = await findReferral(trx, input.referralId);
    if (!referral) throw notFound('This referral');
    if (Date.parse(input.happenedAt) < Date.parse(referral.made_at)) {
      throw fieldFailure(['happenedAt'], 'This cannot have happened before the referral was made.');
    }
    refuseFuture(ctx.clock, input.happenedAt, 'happenedAt', 'Record what has happened, not what is planned: this time is in the future.');
    const id = randomUUID();
    await insertReferralEvent(trx, {
      id,
      referral_id: input.referralId,
      kind: input.kind,
      happened_at: input.happenedAt,
      s47_started: input.kind === 'strategy-discussion' ? (input.s47Started ? 1 : 0) : null,
      note: input.note,
      recorded_by: ctx.user.id,
      recorded_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'referral.event', { type: 'referral', id: input.referralId }, `Recorded: ${input.kind}`);
  });
  return getReferral(ctx, input.referralId);
}
