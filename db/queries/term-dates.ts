import type { Insertable, Selectable } from 'kysely';
import type { TermDatesTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// The setting's entered term dates. A school year is entered whole (all three terms) or not at all,
// so replacing a year is one delete and one insert inside the caller's transaction.

export type TermDatesRow = Selectable<TermDatesTable>;

export async function listEnteredTermDates(db: ReadExecutor): Promise<TermDatesRow[]> {
  return db.selectFrom('term_dates').selectAll().orderBy('school_year').orderBy('starts_on').execute();
}

export async function replaceTermDates(db: Executor, schoolYear: number, rows: Insertable<TermDatesTable>[]): Promise<void> {
  await db.deleteFrom('term_dates').where('school_year', '=', schoolYear).execute();
  if (rows.length > 0) await db.insertInto('term_dates').values(rows).execute();
}

export async function deleteTermDates(db: Executor, schoolYear: number): Promise<number> {
  const result = await db.deleteFrom('term_dates').where('school_year', '=', schoolYear).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** When the earliest escalation was opened or referral made, so the years offered reach back to it. */
export async function earliestRecordDate(db: ReadExecutor): Promise<string | null> {
  const escalation = await db
    .selectFrom('escalations')
    .select((eb) => eb.fn.min('opened_at').as('at'))
    .executeTakeFirst();
  const referral = await db
    .selectFrom('referrals')
    .select((eb) => eb.fn.min('made_at').as('at'))
    .executeTakeFirst();
  const dates = [escalation?.at, referral?.at].filter((at): at is string => typeof at === 'string');
  return dates.sort()[0] ?? null;
}
