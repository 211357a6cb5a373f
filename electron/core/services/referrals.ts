import { randomUUID } from 'node:crypto';
import { childFullName } from '../../../shared/schemas/children';
import { z } from 'zod';
import type {
  completeReferralEventInput,
  createReferralInput,
  listReferralsInput,
  recordReferralEventInput,
  Referral,
  ReferralEvent,
  ReferralSummary,
} from '../../../shared/schemas/referrals';
import { sourceName, type Procedure } from '../../../shared/procedures';
import { referralEventKinds } from '../../../shared/referrals/events';
import { expectedEvents, referralMilestones, type ReferralRules } from '../../../shared/referrals/milestones';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import { keepAmendments } from './amendments';
import { findChild } from '../../../db/queries/children';
import { escalationsForReferral } from '../../../db/queries/escalations';
import {
  eventsByReferral,
  fillReferralEventAnswers,
  findReferral,
  findReferralEvent,
  insertReferral,
  insertReferralEvent,
  type ReferralEventRow,
  type ReferralRow,
} from '../../../db/queries/referrals';
import type { ReadExecutor } from '../../../db/queries/executor';
import { referralsPage } from '../../../db/queries/lists';
import type { Page } from '../../../shared/schemas/paging';
import { decodeCursor, pageLimit, pageOf } from './paging';
import { audit, notFound, nowIso, type ReadContext, type ServiceContext } from './context';
import { deadlineContext, type DeadlineContext } from './deadline-context';
import { settingProcedure } from './procedures';
import { refuseFuture } from './recorded-time';
import { refreshReferrals } from './deadlines/upkeep';

// Referrals to children's social care and their statutory milestones. What happened is stored;
// when each milestone is due is worked out whenever a referral is read (see
// shared/referrals/milestones.ts), from the national timescales and the setting's own procedure's
// local ones (none until one is chosen). The milestones still owed are also kept as rows of the
// deadlines table, worked out again in the transaction of every write here (services/deadlines), so
// the dashboard reads what is due without reading every referral.

/** The stored event kind is plain text in the file: read it back through the one list of kinds. */
const eventKindSchema = z.enum(referralEventKinds);

function yesNo(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

function toEvent(row: ReferralEventRow): ReferralEvent {
  return {
    id: row.id,
    kind: eventKindSchema.parse(row.kind),
    happenedAt: row.happened_at,
    s47Started: yesNo(row.s47_started),
    childProtectionPlan: yesNo(row.child_protection_plan),
    settingAttended: yesNo(row.setting_attended),
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** The referral timescales a procedure sets for itself, with the document they come from. */
export function referralRules(procedure: Procedure | null): ReferralRules | null {
  return procedure ? { timescales: procedure.localTimescales, source: sourceName(procedure) } : null;
}

/** A referral's deadlines: the setting's calendar and clock, and its chosen procedure's local timescales. */
export interface ReferralDeadlineContext extends DeadlineContext {
  rules: ReferralRules | null;
}

export async function referralDeadlineContext(db: ReadExecutor, ctx: ReadContext): Promise<ReferralDeadlineContext> {
  return { ...(await deadlineContext(db, ctx.clock)), rules: referralRules(await settingProcedure(db)) };
}

/** The answers recorded events lack (they were recorded before the question was asked). */
function unanswered(events: ReferralEvent[]): Referral['unanswered'] {
  return events.flatMap((event): Referral['unanswered'] => {
    if (event.kind === 'icpc' && event.childProtectionPlan === null)
      return [
        {
          eventId: event.id,
          field: 'childProtectionPlan',
          question: 'Outcome not recorded: did the initial child protection conference make a child protection plan?',
        },
      ];
    if (event.kind === 'strategy-discussion' && event.settingAttended === null)
      return [
        { eventId: event.id, field: 'settingAttended', question: 'Not recorded: did your setting take part in this strategy discussion?' },
      ];
    return [];
  });
}

export function toReferral(
  row: ReferralRow,
  events: ReferralEventRow[],
  escalations: Referral['escalations'],
  deadlines: ReferralDeadlineContext,
): Referral {
  const typed = events.map(toEvent);
  const forMilestones = { madeAt: row.made_at, method: row.method, concern: row.concern, category: row.category, events: typed };
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
    milestones: referralMilestones(forMilestones, deadlines.calendar, deadlines.rules, deadlines.now),
    expected: expectedEvents(forMilestones, deadlines.rules),
    unanswered: unanswered(typed),
    escalations,
  };
}

export async function getReferral(ctx: ReadContext, id: string): Promise<Referral> {
  const row = await findReferral(ctx.db, id);
  if (!row) throw notFound('This referral');
  const events = (await eventsByReferral(ctx.db, [id])).get(id) ?? [];
  return toReferral(row, events, await escalationsForReferral(ctx.db, id), await referralDeadlineContext(ctx.db, ctx));
}

/** A page of referrals, newest first, filtered in SQL (db/queries/lists.ts); milestones worked out for the page's rows only. */
export async function listReferrals(ctx: ReadContext, input: z.output<typeof listReferralsInput>): Promise<Page<ReferralSummary>> {
  const { limit, fetch } = pageLimit(input.limit);
  const after = decodeCursor(input.cursor, 2);
  const { rows, total } = await referralsPage(ctx.db, {
    filter: { childId: input.childId, category: input.category, concern: input.concern, made: { from: input.from, to: input.to } },
    after: after ? { at: after[0] ?? '', id: after[1] ?? '' } : null,
    limit: fetch,
  });
  const shown = rows.slice(0, limit);
  const events = await eventsByReferral(
    ctx.db,
    shown.map((row) => row.id),
  );
  const deadlines = await referralDeadlineContext(ctx.db, ctx);
  return pageOf(
    rows,
    limit,
    total,
    (row) => {
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
    },
    (row) => [row.made_at, row.id],
  );
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
    await refreshReferrals(trx, ctx.clock, [id]);
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
      setting_attended: input.kind === 'strategy-discussion' ? (input.settingAttended ? 1 : 0) : null,
      child_protection_plan: input.kind === 'icpc' ? (input.childProtectionPlan ? 1 : 0) : null,
      note: input.note,
      recorded_by: ctx.user.id,
      recorded_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'referral.event', { type: 'referral', id: input.referralId }, `Recorded: ${input.kind}`);
    await refreshReferrals(trx, ctx.clock, [input.referralId]);
  });
  return getReferral(ctx, input.referralId);
}

/**
 * Gives an answer an event was recorded without, because the question was not asked then (an ICPC's
 * outcome, whether the setting took part in a strategy discussion). Once only: an answer given is
 * never changed here. Kept as an amendment from "not recorded", with who and when.
 */
export async function completeReferralEvent(ctx: ServiceContext, input: z.output<typeof completeReferralEventInput>): Promise<Referral> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await findReferralEvent(trx, input.eventId);
    if (!event || event.referral_id !== input.referralId) throw notFound('This event');
    const answers: { child_protection_plan?: number; setting_attended?: number } = {};
    const amended: { field: string; value: string }[] = [];
    if (input.childProtectionPlan !== undefined) {
      if (event.kind !== 'icpc') throw fieldFailure(['childProtectionPlan'], 'Only an initial child protection conference makes a plan.');
      if (event.child_protection_plan !== null) throw new ApiFailure('conflict', 'The conference’s outcome is already recorded.');
      answers.child_protection_plan = input.childProtectionPlan ? 1 : 0;
      amended.push({
        field: 'ICPC outcome',
        value: input.childProtectionPlan ? 'A child protection plan was made' : 'No child protection plan was made',
      });
    }
    if (input.settingAttended !== undefined) {
      if (event.kind !== 'strategy-discussion') throw fieldFailure(['settingAttended'], 'Only a strategy discussion is attended.');
      if (event.setting_attended !== null) throw new ApiFailure('conflict', 'Whether your setting took part is already recorded.');
      answers.setting_attended = input.settingAttended ? 1 : 0;
      amended.push({ field: 'Setting took part in the strategy discussion', value: input.settingAttended ? 'Yes' : 'No' });
    }
    await fillReferralEventAnswers(trx, event.id, answers);
    const now = nowIso(ctx.clock);
    await keepAmendments(
      trx,
      ctx,
      { type: 'referral', id: input.referralId },
      amended.map(({ field, value }) => ({ field, from: 'Not recorded', to: value })),
      { reason: 'Not asked when the event was recorded: recorded now.', at: now },
    );
    await audit(
      trx,
      ctx,
      'referral.event.completed',
      { type: 'referral', id: input.referralId },
      `Recorded: ${amended.map((a) => a.field).join(', ')}`,
    );
    await refreshReferrals(trx, ctx.clock, [input.referralId]);
  });
  return getReferral(ctx, input.referralId);
}
