import type { Kysely } from 'kysely';
import type { LocalTimescales } from '../../../../shared/procedures';
import { referralCategories } from '../../../../shared/referrals/categories';
import type { DB } from '../../../../db/schema';
import type { Executor, ReadExecutor } from '../../../../db/queries/executor';
import { actionsFor, type ActionRow } from '../../../../db/queries/escalation-actions';
import { stageRecordsFor } from '../../../../db/queries/escalations';
import { eventsByReferral, type ReferralRow } from '../../../../db/queries/referrals';
import {
  allDeadlines,
  deadlineUpkeep,
  deleteAllDeadlines,
  deleteDeadline,
  deleteEscalationDeadlines,
  deleteReferralDeadlines,
  insertDeadlines,
  openEscalationKeys,
  recordsWithDeadlinesOwedBy,
  referralsAfter,
  referralsByIds,
  referralsOwingLocalMilestones,
  setDeadlineUpkeep,
  type DeadlineRow,
  type NewDeadline,
} from '../../../../db/queries/deadlines';
import { nowIso, type Clock } from '../context';
import { deadlineContext, type DeadlineContext } from '../deadline-context';
import { settingProcedure } from '../procedures';
import { referralRules, toReferral, type ReferralDeadlineContext } from '../referrals';
import { withSnapshots } from '../escalations/snapshots';
import { actionItem, escalationItems, referralItems, type EscalationItemRow } from './items';
import { deadlineRulesFingerprint } from './rules';

// Keeping the deadlines table (migration 0011) true to the records. Every write that changes what is
// owed calls one of these inside its own transaction, so the rows and the records change together
// or not at all:
// - a referral's write works out that referral's rows again (refreshReferrals);
// - an escalation opened or escalated works out its rows again (refreshEscalation); ended, its rows
//   go (endEscalation); an action agreed adds its row, done or withdrawn removes it;
// - a change that moves many dates works out again, in one transaction, exactly the records it can
//   move: a closure day added or removed, the setting's own deadlines (only the written follow-up:
//   another agency's deadline never skips the setting's closures); the region, every dated row; the
//   setting's procedure (chosen, or its copy edited), the referrals that can owe a milestone whose
//   local timescale changed (a change can add or end one, not only move it);
// - a child's records deleted under retention take their rows with them (db/queries/retention.ts).
// What is owed never depends on the time now (only whether it is overdue does), so nothing here
// runs on a timer. The first unlock after migration 0011, or under other rules (rules.ts), works
// every row out again (deadlinesAtUnlock); so does the seed after writing its records directly.
// checkDeadlines works every row out from the records and compares: the tests run it after every
// write, and a debug run at unlock (ESCALATION_LOG_CHECK_DEADLINES=1).

/** Referrals read and worked out at a time, when many are. */
const BATCH = 500;

/** The calendar and clock, and the setting's procedure's own referral timescales. */
export async function referralContext(db: ReadExecutor, clock: Clock): Promise<ReferralDeadlineContext> {
  return { ...(await deadlineContext(db, clock)), rules: referralRules(await settingProcedure(db)) };
}

async function referralRowsItems(db: ReadExecutor, rows: readonly ReferralRow[], context: ReferralDeadlineContext): Promise<NewDeadline[]> {
  const events = await eventsByReferral(
    db,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => referralItems(toReferral(row, events.get(row.id) ?? [], [], context)));
}

/** Works these referrals' rows out again, replacing theirs. Answers how many rows they now have. */
export async function refreshReferrals(
  db: Executor,
  clock: Clock,
  referralIds: readonly string[],
  context?: ReferralDeadlineContext,
): Promise<number> {
  if (referralIds.length === 0) return 0;
  const rules = context ?? (await referralContext(db, clock));
  let count = 0;
  for (let start = 0; start < referralIds.length; start += BATCH) {
    const ids = referralIds.slice(start, start + BATCH);
    const items = await referralRowsItems(db, await referralsByIds(db, ids), rules);
    await deleteReferralDeadlines(db, ids);
    await insertDeadlines(db, items);
    count += items.length;
  }
  return count;
}

/** Works one escalation's rows out again (opened, escalated): its current stage and its open actions. */
export async function refreshEscalation(db: Executor, clock: Clock, row: EscalationItemRow): Promise<void> {
  const records = (await stageRecordsFor(db, [row.id])).get(row.id) ?? [];
  const actions = await actionsFor(db, [row.id]);
  const items = escalationItems(row, records, actions, await deadlineContext(db, clock));
  await deleteEscalationDeadlines(db, [row.id]);
  await insertDeadlines(db, items);
}

/** An escalation resolved or closed: nothing of it is owed any more. */
export async function endEscalation(db: Executor, escalationId: string): Promise<void> {
  await deleteEscalationDeadlines(db, [escalationId]);
}

/** An action agreed on an open escalation: its row. */
export async function actionAgreed(
  db: Executor,
  clock: Clock,
  escalation: Pick<EscalationItemRow, 'id' | 'child_id' | 'status'>,
  action: Pick<ActionRow, 'id' | 'due_date' | 'done_at' | 'withdrawn_at'>,
): Promise<void> {
  const item = actionItem(escalation, action, nowIso(clock));
  if (item) await insertDeadlines(db, [item]);
}

/** An action done or withdrawn: no longer owed. */
export async function actionEnded(db: Executor, actionId: string): Promise<void> {
  await deleteDeadline(db, actionId);
}

/** The open escalations (of these ids, or all), with their rows worked out. */
async function openEscalationsItems(
  db: ReadExecutor,
  deadlines: DeadlineContext,
  only: ReadonlySet<string> | null,
): Promise<{ ids: string[]; items: NewDeadline[] }> {
  const keys = (await openEscalationKeys(db)).filter((key) => only === null || only.has(key.id));
  const ids = keys.map((key) => key.id);
  const items: NewDeadline[] = [];
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = await withSnapshots(db, keys.slice(start, start + BATCH));
    const batchIds = batch.map((row) => row.id);
    const records = await stageRecordsFor(db, batchIds);
    const actions = await actionsFor(db, batchIds);
    const actionsOf = new Map<string, ActionRow[]>();
    for (const action of actions) actionsOf.set(action.escalation_id, [...(actionsOf.get(action.escalation_id) ?? []), action]);
    for (const row of batch) items.push(...escalationItems(row, records.get(row.id) ?? [], actionsOf.get(row.id) ?? [], deadlines));
  }
  return { ids, items };
}

/** What a change of calendar or procedure worked out again. */
export interface Recomputed {
  referrals: number;
  escalations: number;
  items: number;
}

/**
 * A change of the setting's calendar: 'closures' (a closure day added or removed) moves only the
 * setting's own deadlines; 'region' moves every one counted in working days.
 */
export async function calendarChanged(db: Executor, clock: Clock, change: 'closures' | 'region'): Promise<Recomputed> {
  const owners: DeadlineRow['owed_by'][] = change === 'closures' ? ['setting'] : ['setting', 'other-agency', 'shared'];
  const { referralIds, escalationIds } = await recordsWithDeadlinesOwedBy(db, owners);
  let items = await refreshReferrals(db, clock, referralIds);
  if (escalationIds.length > 0) {
    const { ids, items: escalationRows } = await openEscalationsItems(db, await deadlineContext(db, clock), new Set(escalationIds));
    await deleteEscalationDeadlines(db, escalationIds);
    await insertDeadlines(db, escalationRows);
    items += escalationRows.length;
    return { referrals: referralIds.length, escalations: ids.length, items };
  }
  return { referrals: referralIds.length, escalations: 0, items };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The setting's procedure changed (another chosen, or its copy saved as a new version): the
 * referrals that can owe a milestone whose local timescale differs are worked out again. Escalations
 * follow their own snapshot and never move.
 */
export async function procedureChanged(
  db: Executor,
  clock: Clock,
  before: LocalTimescales | null,
  after: LocalTimescales | null,
): Promise<Recomputed> {
  const which = {
    followUp: !same(before?.['written-follow-up'], after?.['written-follow-up']),
    strategyCategories: referralCategories.filter(
      (category) => !same(before?.['strategy-discussion'][category], after?.['strategy-discussion'][category]),
    ),
    minutes: !same(before?.['strategy-minutes'], after?.['strategy-minutes']),
  };
  const ids = await referralsOwingLocalMilestones(db, which);
  const items = await refreshReferrals(db, clock, ids);
  return { referrals: ids.length, escalations: 0, items };
}

/** Every row, worked out from the records (the whole history's referrals, the open escalations). */
export async function workOutAllDeadlines(db: ReadExecutor, clock: Clock): Promise<NewDeadline[]> {
  const context = await referralContext(db, clock);
  const items: NewDeadline[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await referralsAfter(db, after, BATCH);
    if (rows.length === 0) break;
    items.push(...(await referralRowsItems(db, rows, context)));
    after = rows[rows.length - 1]?.id ?? null;
  }
  items.push(...(await openEscalationsItems(db, context, null)).items);
  return items;
}

/** Every row worked out again, in the caller's transaction, under the app's rules (recorded with them). */
export async function rebuildDeadlines(db: Executor, clock: Clock): Promise<number> {
  const items = await workOutAllDeadlines(db, clock);
  await deleteAllDeadlines(db);
  await insertDeadlines(db, items);
  await setDeadlineUpkeep(db, { rules: deadlineRulesFingerprint(), worked_out_at: nowIso(clock) });
  return items.length;
}

const COMPARED = [
  'kind',
  'owed_by',
  'state',
  'due_at',
  'due_ms',
  'child_id',
  'referral_id',
  'escalation_id',
  'record_id',
  'milestone_key',
] as const satisfies readonly (keyof DeadlineRow)[];

/**
 * The consistency check: every row worked out from the records, compared with the table. Answers
 * each difference in words (none when they agree).
 */
export async function checkDeadlines(db: ReadExecutor, clock: Clock): Promise<string[]> {
  const expected = new Map((await workOutAllDeadlines(db, clock)).map((item) => [item.id, item]));
  const stored = await allDeadlines(db);
  const differences: string[] = [];
  for (const row of stored) {
    const want = expected.get(row.id);
    expected.delete(row.id);
    if (!want) {
      differences.push(`${row.id} (${row.kind}, due ${row.due_at ?? 'no date'}) is kept but not owed`);
      continue;
    }
    for (const column of COMPARED) {
      const wanted = want[column] ?? null;
      if (row[column] !== wanted)
        differences.push(`${row.id} (${row.kind}): ${column} is ${String(row[column])}, should be ${String(wanted)}`);
    }
  }
  for (const missing of expected.values()) {
    differences.push(`${missing.id} (${missing.kind}, due ${missing.due_at ?? 'no date'}) is owed but not kept`);
  }
  return differences;
}

/** What the unlock did about the deadlines. */
export interface DeadlinesAtUnlock {
  /** Worked out again: the first unlock after migration 0011, or the app's rules changed since. */
  workedOut: number | null;
  /** What the consistency check found (when asked for), before the rows were worked out again. */
  differences: string[];
}

/**
 * At unlock: the rows worked out again if they never were (the migration leaves them to the app) or
 * were under other rules; with `check`, the consistency check too (debug runs), and the rows worked
 * out again if it finds anything.
 */
export async function deadlinesAtUnlock(db: Kysely<DB>, clock: Clock, options: { check: boolean }): Promise<DeadlinesAtUnlock> {
  const upkeep = await deadlineUpkeep(db);
  let workedOut: number | null = null;
  if (upkeep?.rules !== deadlineRulesFingerprint()) {
    workedOut = await db.transaction().execute((trx) => rebuildDeadlines(trx, clock));
  }
  let differences: string[] = [];
  if (options.check) {
    differences = await checkDeadlines(db, clock);
    if (differences.length > 0) workedOut = await db.transaction().execute((trx) => rebuildDeadlines(trx, clock));
  }
  return { workedOut, differences };
}
