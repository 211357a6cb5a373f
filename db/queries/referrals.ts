import type { Insertable, Selectable } from 'kysely';
import type { ReferralEventsTable, ReferralsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

export type ReferralRow = Selectable<ReferralsTable> & { child_first_name: string; child_last_name: string };
export type ReferralEventRow = Selectable<ReferralEventsTable>;

export async function insertReferral(db: Executor, row: Insertable<ReferralsTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

export async function insertReferralEvent(db: Executor, row: Insertable<ReferralEventsTable>): Promise<void> {
  await db.insertInto('referral_events').values(row).execute();
}

function referralsWithChild(db: ReadExecutor) {
  return db
    .selectFrom('referrals')
    .innerJoin('children', 'children.id', 'referrals.child_id')
    .selectAll('referrals')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name']);
}

export async function findReferral(db: ReadExecutor, id: string): Promise<ReferralRow | undefined> {
  return referralsWithChild(db).where('referrals.id', '=', id).executeTakeFirst();
}

export async function listReferralRows(db: ReadExecutor, filter: { childId?: string }): Promise<ReferralRow[]> {
  let query = referralsWithChild(db);
  if (filter.childId) query = query.where('referrals.child_id', '=', filter.childId);
  return query.orderBy('referrals.made_at', 'desc').execute();
}

/** Events of many referrals at once, grouped by referral (one query for a whole list). */
export async function eventsByReferral(db: ReadExecutor, referralIds: string[]): Promise<Map<string, ReferralEventRow[]>> {
  const grouped = new Map<string, ReferralEventRow[]>();
  if (referralIds.length === 0) return grouped;
  const rows = await db.selectFrom('referral_events').selectAll().where('referral_id', 'in', referralIds).orderBy('happened_at').execute();
  for (const row of rows) grouped.set(row.referral_id, [...(grouped.get(row.referral_id) ?? []), row]);
  return grouped;
}

export async function findReferralEvent(db: ReadExecutor, id: string): Promise<ReferralEventRow | undefined> {
  return db.selectFrom('referral_events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Fills in an answer an event was recorded without (it was not asked then); never changes one given. */
export async function fillReferralEventAnswers(
  db: Executor,
  id: string,
  answers: { child_protection_plan?: number; setting_attended?: number },
): Promise<void> {
  if (answers.child_protection_plan !== undefined) {
    await db
      .updateTable('referral_events')
      .set({ child_protection_plan: answers.child_protection_plan })
      .where('id', '=', id)
      .where('child_protection_plan', 'is', null)
      .execute();
  }
  if (answers.setting_attended !== undefined) {
    await db
      .updateTable('referral_events')
      .set({ setting_attended: answers.setting_attended })
      .where('id', '=', id)
      .where('setting_attended', 'is', null)
      .execute();
  }
}
