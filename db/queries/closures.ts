import type { Insertable } from 'kysely';
import type { ExtraClosuresTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// The setting's own closure days (INSET days, snow days): the working-day calendar skips them for
// the deadlines the setting itself owes.

export async function listClosures(db: ReadExecutor): Promise<{ date: string; reason: string }[]> {
  return db.selectFrom('extra_closures').select(['date', 'reason']).orderBy('date').execute();
}

/** Just the dates, in order, as the deadline calendar takes them. */
export async function listClosureDates(db: ReadExecutor): Promise<string[]> {
  const rows = await db.selectFrom('extra_closures').select('date').orderBy('date').execute();
  return rows.map((row) => row.date);
}

export async function isClosureDay(db: ReadExecutor, date: string): Promise<boolean> {
  const row = await db.selectFrom('extra_closures').select('date').where('date', '=', date).executeTakeFirst();
  return row !== undefined;
}

export async function insertClosure(db: Executor, row: Insertable<ExtraClosuresTable>): Promise<void> {
  await db.insertInto('extra_closures').values(row).execute();
}

/** False when the date was not a closure day. */
export async function deleteClosure(db: Executor, date: string): Promise<boolean> {
  const result = await db.deleteFrom('extra_closures').where('date', '=', date).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
