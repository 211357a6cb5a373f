import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { findEscalation } from '../../db/queries/escalations';
import type { ServiceContext } from '../../electron/core/services/context';
import * as lifecycle from '../../electron/core/services/escalations/lifecycle';
import { createReferral, recordReferralEvent } from '../../electron/core/services/referrals';
import { rebuildDeadlines, refreshEscalation, refreshReferrals } from '../../electron/core/services/deadlines/upkeep';
import { addActionInput, escalateInput, openEscalationInput, recordStageEntryInput } from '../../shared/schemas/escalations';
import { createReferralInput, recordReferralEventInput } from '../../shared/schemas/referrals';

// What the scale bench measures of the deadlines kept as data (issue 12), in the core thread: how
// many rows there are, working every one out again (the first unlock after migration 0011), the
// upkeep a single write adds, and writes that keep the rows, through their services, as the
// dispatcher's handlers call them before re-reading the record for the screen. Each write is its
// own transaction and commit (synchronous=FULL), so each waits for the disk's flush.

/** The rows, by whose they are (and so which change of calendar moves them). */
export function deadlineRows(sqlite: Database.Database): Record<string, number> {
  const rows = sqlite.prepare('SELECT owed_by, count(*) AS n FROM deadlines GROUP BY owed_by').all() as { owed_by: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.owed_by, row.n]));
}

/** Every row worked out again from the records, in one transaction. */
export async function rebuildAll(db: Kysely<DB>, clock: () => Date): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await db.transaction().execute((trx) => rebuildDeadlines(trx, clock));
  return { ms: performance.now() - started, rows };
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * The upkeep alone, inside a transaction (its share of a write's time; the commit is the write's):
 * one referral's rows and one escalation's rows worked out again.
 */
export async function upkeepAlone(
  db: Kysely<DB>,
  clock: () => Date,
  ids: { referralId: string; escalationId: string },
  runs: number,
): Promise<{ referral: number[]; escalation: number[] }> {
  const row = await findEscalation(db, ids.escalationId);
  if (!row) throw new Error(`No escalation ${ids.escalationId}.`);
  const referral: number[] = [];
  const escalation: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await db.transaction().execute(async (trx) => {
      referral.push(await timed(() => refreshReferrals(trx, clock, [ids.referralId])));
      escalation.push(await timed(() => refreshEscalation(trx, clock, row)));
    });
  }
  return { referral, escalation };
}

/**
 * Writes that keep the rows, each timed as its service runs it: an escalation escalated to its next
 * stage (its stage's row worked out again), an action agreed (its row added), a referral recorded
 * and an event on it (its milestones worked out again; these services re-read the referral for the
 * screen after the write, which is included). The clock moves on a minute before each.
 */
export async function writesWithUpkeep(
  ctx: ServiceContext,
  advance: () => Date,
  childId: string,
  runs: number,
): Promise<Record<'escalate' | 'addAction' | 'openEscalation' | 'createReferral' | 'recordEvent', number[]>> {
  const times = {
    escalate: [] as number[],
    addAction: [] as number[],
    openEscalation: [] as number[],
    createReferral: [] as number[],
    recordEvent: [] as number[],
  };
  const minuteAgo = () => new Date(advance().getTime() - 60_000).toISOString();
  const person = { name: 'Priya Raman', role: 'Designated Safeguarding Lead' };
  for (let i = 0; i < runs; i += 1) {
    let escalationId = '';
    times.openEscalation.push(
      await timed(async () => {
        escalationId = await lifecycle.openEscalation(
          ctx,
          openEscalationInput.parse({
            childId,
            category: 'action-or-inaction',
            immediateRisk: false,
            otherAgencyKind: 'childrens-social-care',
            otherAgencyName: 'Bromley Children’s Social Care, Team 3',
            otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
            concern: 'Visits have lapsed.',
            areasOfAgreement: 'The plan is right.',
            areasOfDisagreement: 'Whether visits are happening.',
            riskRelevance: 'No one has seen the child at home.',
            outcomeSought: 'A home visit this week.',
            openedAt: minuteAgo(),
          }),
        );
      }),
    );
    await lifecycle.recordStageEntry(
      ctx,
      recordStageEntryInput.parse({
        escalationId,
        occurredAt: minuteAgo(),
        method: 'phone',
        participants: [person],
        summary: 'Asked for the visit.',
        decision: 'No visit yet.',
        rationale: 'The team is short-staffed.',
        toldOfOutcome: [],
        originalReferrerTold: false,
      }),
    );
    const escalatedAt = minuteAgo();
    times.escalate.push(
      await timed(() =>
        lifecycle.escalate(ctx, escalateInput.parse({ escalationId, reason: 'No visit after the conversation.', escalatedAt })),
      ),
    );
    const action = addActionInput.parse({
      escalationId,
      description: 'Home visit to see the child',
      ownerName: 'Daniel Okafor',
      ownerRole: 'Social worker',
      dueDate: escalatedAt.slice(0, 10),
    });
    advance();
    times.addAction.push(await timed(() => lifecycle.addAction(ctx, action)));

    let referralId = '';
    const made = createReferralInput.parse({
      childId,
      madeAt: minuteAgo(),
      method: 'phone',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'Bromley MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Bruising seen on arms; explanation inconsistent.',
    });
    times.createReferral.push(
      await timed(async () => {
        referralId = (await createReferral(ctx, made)).id;
      }),
    );
    const event = recordReferralEventInput.parse({ referralId, kind: 'written-follow-up', happenedAt: minuteAgo() });
    times.recordEvent.push(await timed(() => recordReferralEvent(ctx, event)));
  }
  return times;
}
