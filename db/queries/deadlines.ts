import { sql, type Insertable, type Selectable } from 'kysely';
import type { DeadlinesTable, DeadlineUpkeepTable, ReferralsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';
import type { ActionRow } from './escalation-actions';
import type { ReferralRow } from './referrals';

// Deadlines kept as data (migration 0011): every open due item, one row each, kept by the services
// (electron/core/services/deadlines) in the transaction of the write that changes it. The dashboard
// reads a range of due instants (deadlines_due) and the open escalations' items (deadlines_by_escalation);
// a change of calendar or procedure finds what it moves from owed_by and from the records below.
// Also here: the records read to work the rows out, in batches.

export type DeadlineRow = Selectable<DeadlinesTable>;
export type NewDeadline = Insertable<DeadlinesTable>;
export type DeadlineUpkeepRow = Selectable<DeadlineUpkeepTable>;

/** Bound values per statement, well under SQLite's limit. */
const ROWS_PER_INSERT = 500;
const IDS_PER_STATEMENT = 500;

async function byChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT)
    rows.push(...(await read(ids.slice(start, start + IDS_PER_STATEMENT))));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function insertDeadlines(db: Executor, rows: readonly NewDeadline[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto('deadlines')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute();
  }
}

/** Removes the items of these referrals (all of them, before they are worked out again). */
export async function deleteReferralDeadlines(db: Executor, referralIds: readonly string[]): Promise<void> {
  for (let start = 0; start < referralIds.length; start += IDS_PER_STATEMENT) {
    await db
      .deleteFrom('deadlines')
      .where('referral_id', 'in', referralIds.slice(start, start + IDS_PER_STATEMENT))
      .execute();
  }
}

/** Removes the items of these escalations (its stage and its actions). */
export async function deleteEscalationDeadlines(db: Executor, escalationIds: readonly string[]): Promise<void> {
  for (let start = 0; start < escalationIds.length; start += IDS_PER_STATEMENT) {
    await db
      .deleteFrom('deadlines')
      .where('escalation_id', 'in', escalationIds.slice(start, start + IDS_PER_STATEMENT))
      .execute();
  }
}

/** Removes one item by its id (an action done or withdrawn). */
export async function deleteDeadline(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('deadlines').where('id', '=', id).execute();
}

/** Removes every item (before all are worked out again). */
export async function deleteAllDeadlines(db: Executor): Promise<void> {
  await db.deleteFrom('deadlines').execute();
}

export async function deadlineUpkeep(db: ReadExecutor): Promise<DeadlineUpkeepRow | undefined> {
  return db.selectFrom('deadline_upkeep').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function setDeadlineUpkeep(db: Executor, upkeep: { rules: string; worked_out_at: string }): Promise<void> {
  await db.updateTable('deadline_upkeep').set(upkeep).where('id', '=', 1).execute();
}

// ---------------------------------------------------------------------------------------------
// Reads: the dashboard

/** Every dated item due before `beforeMs` (overdue ones included), soonest first: one range of deadlines_due. */
export async function deadlinesDueBefore(db: ReadExecutor, beforeMs: number): Promise<DeadlineRow[]> {
  return db.selectFrom('deadlines').selectAll().where('due_ms', '<', beforeMs).orderBy('due_ms').execute();
}

/**
 * The items of every open escalation: its current stage (dated or not) and its open actions. Asked
 * by the open escalations' ids (the covering index by status, then deadlines_by_escalation for each),
 * as "escalation_id IS NOT NULL" would be answered by reading the whole table.
 */
export async function openEscalationItems(db: ReadExecutor): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('escalation_id', 'in', (eb) => eb.selectFrom('escalations').select('escalations.id').where('escalations.status', '=', 'open'))
    .execute();
}

/** How many referrals have a milestone still owed. */
export async function countReferralsWithDeadlines(db: ReadExecutor): Promise<number> {
  const row = await db
    .selectFrom('deadlines')
    .select((eb) => eb.fn.count<number>('referral_id').distinct().as('count'))
    .where('referral_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every item (the consistency check compares them with the records). */
export async function allDeadlines(db: ReadExecutor): Promise<DeadlineRow[]> {
  return db.selectFrom('deadlines').selectAll().orderBy('id').execute();
}

/** The records whose items are owed by these (whose calendar a change moves). */
export async function recordsWithDeadlinesOwedBy(
  db: ReadExecutor,
  owedBy: readonly DeadlineRow['owed_by'][],
): Promise<{ referralIds: string[]; escalationIds: string[] }> {
  if (owedBy.length === 0) return { referralIds: [], escalationIds: [] };
  const rows = await db
    .selectFrom('deadlines')
    .select(['referral_id', 'escalation_id'])
    .distinct()
    .where('owed_by', 'in', owedBy)
    .execute();
  return {
    referralIds: [...new Set(rows.flatMap((row) => (row.referral_id === null ? [] : [row.referral_id])))],
    escalationIds: [...new Set(rows.flatMap((row) => (row.escalation_id === null ? [] : [row.escalation_id])))],
  };
}

// ---------------------------------------------------------------------------------------------
// Reads: the records the items are worked out from

function referralsWithChild(db: ReadExecutor) {
  return db
    .selectFrom('referrals')
    .innerJoin('children', 'children.id', 'referrals.child_id')
    .selectAll('referrals')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name']);
}

/** Referrals by id, with their child's names (as findReferral reads one). */
export async function referralsByIds(db: ReadExecutor, ids: readonly string[]): Promise<ReferralRow[]> {
  return byChunks([...new Set(ids)], (chunk) => referralsWithChild(db).where('referrals.id', 'in', chunk).execute());
}

/** Every referral, a batch at a time in id order (the rows are worked out for all of them). */
export async function referralsAfter(db: ReadExecutor, afterId: string | null, limit: number): Promise<ReferralRow[]> {
  let query = referralsWithChild(db);
  if (afterId !== null) query = query.where('referrals.id', '>', afterId);
  return query.orderBy('referrals.id').limit(limit).execute();
}

/**
 * Referrals that can owe a milestone a procedure's local timescales set, were they set (a change of
 * procedure can add, move or end only these): a phone referral with no written follow-up recorded,
 * a child protection referral of these categories with no strategy discussion recorded (neither
 * owed once children's social care closed the referral), and any referral with a strategy
 * discussion the setting took part in (its minutes). The rest are worked out in full by the caller.
 */
export async function referralsOwingLocalMilestones(
  db: ReadExecutor,
  which: { followUp: boolean; strategyCategories: readonly ReferralsTable['category'][]; minutes: boolean },
): Promise<string[]> {
  if (!which.followUp && which.strategyCategories.length === 0 && !which.minutes) return [];
  const rows = await db
    .selectFrom('referrals')
    .select('referrals.id')
    .where((eb) => {
      const eventOf = (kind: string) =>
        eb
          .selectFrom('referral_events')
          .select('referral_events.id')
          .whereRef('referral_events.referral_id', '=', 'referrals.id')
          .where('referral_events.kind', '=', kind);
      const cases = [];
      if (which.followUp) {
        cases.push(
          eb.and([
            eb('referrals.method', '=', 'phone'),
            eb.not(eb.exists(eventOf('written-follow-up'))),
            eb.not(eb.exists(eventOf('closed-by-social-care'))),
          ]),
        );
      }
      if (which.strategyCategories.length > 0) {
        cases.push(
          eb.and([
            eb('referrals.concern', '=', 'child-protection'),
            eb('referrals.category', 'in', [...which.strategyCategories]),
            eb.not(eb.exists(eventOf('strategy-discussion'))),
            eb.not(eb.exists(eventOf('closed-by-social-care'))),
          ]),
        );
      }
      if (which.minutes) cases.push(eb.exists(eventOf('strategy-discussion').where('referral_events.setting_attended', '=', 1)));
      return eb.or(cases);
    })
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The open escalations, newest first, from the covering index by status (never their rows: see
 * migration 0010), with which snapshot each has and their child's names.
 */
export async function openEscalationKeys(db: ReadExecutor) {
  return db
    .selectFrom('escalations')
    .innerJoin('children', 'children.id', 'escalations.child_id')
    .select([
      'escalations.id',
      'escalations.child_id',
      'escalations.status',
      'escalations.category',
      'escalations.other_agency_name',
      'escalations.opened_at',
      'escalations.procedure_id',
      'escalations.procedure_version',
      'escalations.track_id',
      sql<number>`octet_length(escalations.procedure_snapshot)`.as('snapshot_bytes'),
      'children.first_name as child_first_name',
      'children.last_name as child_last_name',
    ])
    .where('escalations.status', '=', 'open')
    .orderBy('escalations.opened_at', 'desc')
    .orderBy('escalations.id', 'desc')
    .execute();
}

export type OpenEscalationKey = Awaited<ReturnType<typeof openEscalationKeys>>[number];

/** Children's names by id. */
export async function childNamesByIds(db: ReadExecutor, ids: readonly string[]) {
  const rows = await byChunks([...new Set(ids)], (chunk) =>
    db.selectFrom('children').select(['id', 'first_name', 'last_name']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Actions by id. */
export async function actionsByIds(db: ReadExecutor, ids: readonly string[]): Promise<ActionRow[]> {
  return byChunks([...new Set(ids)], (chunk) => db.selectFrom('escalation_actions').selectAll().where('id', 'in', chunk).execute());
}

/** The escalations opened about these referrals' missed milestones, newest first (escalations_by_referral). */
export async function escalationsAboutMissed(
  db: ReadExecutor,
  referralIds: readonly string[],
): Promise<{ id: string; referral_id: string | null; missed_milestone: string | null }[]> {
  return byChunks([...new Set(referralIds)], (chunk) =>
    db
      .selectFrom('escalations')
      .select(['id', 'referral_id', 'missed_milestone', 'opened_at'])
      .where('referral_id', 'in', chunk)
      .where('missed_milestone', 'is not', null)
      .orderBy('opened_at', 'desc')
      .execute(),
  );
}
