import type { Insertable, Selectable, Updateable } from 'kysely';
import type { BackupRunsTable, BackupSettingsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Where backups go, and the record of every backup made or attempted.

export type BackupSettingsRow = Selectable<BackupSettingsTable>;
export type BackupRunRow = Selectable<BackupRunsTable>;

export async function getBackupSettings(db: ReadExecutor): Promise<BackupSettingsRow> {
  return db.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateBackupSettings(db: Executor, changes: Updateable<BackupSettingsTable>): Promise<void> {
  await db.updateTable('backup_settings').set(changes).where('id', '=', 1).execute();
}

export async function insertBackupRun(db: Executor, run: Insertable<BackupRunsTable>): Promise<void> {
  await db.insertInto('backup_runs').values(run).execute();
}

export async function lastGoodBackup(db: ReadExecutor): Promise<BackupRunRow | undefined> {
  return db.selectFrom('backup_runs').selectAll().where('ok', '=', 1).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
}

export async function lastBackupAttempt(db: ReadExecutor): Promise<BackupRunRow | undefined> {
  return db.selectFrom('backup_runs').selectAll().orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
}

export async function recentBackupRuns(db: ReadExecutor, limit: number): Promise<BackupRunRow[]> {
  return db.selectFrom('backup_runs').selectAll().orderBy('finished_at', 'desc').limit(limit).execute();
}

/** Entries in the audit log that are not records: signing in and out, looking, backing up. */
const NOT_CHANGES = ['unlock', 'unlock.recovery', 'lock', 'backup.made', 'backup.failed', 'document.opened'];

/** Whether anything was recorded after audit entry `seq` (an automatic backup is skipped when nothing was). */
export async function changedSince(db: ReadExecutor, seq: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '>', seq)
    .where('action', 'not in', NOT_CHANGES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
