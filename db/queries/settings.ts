import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SettingsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

export type SettingsRow = Selectable<SettingsTable>;

export async function insertSettings(db: Executor, settings: Insertable<SettingsTable>): Promise<void> {
  await db.insertInto('settings').values(settings).execute();
}

export async function getSettings(db: ReadExecutor): Promise<SettingsRow> {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateSettings(db: Executor, changes: Updateable<SettingsTable>): Promise<void> {
  // Nothing to set is not an UPDATE: SQLite would refuse 'SET' with no columns.
  if (Object.values(changes).every((value) => value === undefined)) return;
  await db.updateTable('settings').set(changes).where('id', '=', 1).execute();
}
