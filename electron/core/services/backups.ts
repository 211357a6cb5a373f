import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, win32 } from 'node:path';
import type { z } from 'zod';
import { openEncryptedReadOnly } from '../../../db/connection';
import { copyKeyFileInto, listSets, pruneSets, SET_FILES, startSet, type BackupManifest } from '../../../db/backup-set';
import { writeFileAtomic } from '../../../db/keyslots';
import { loadKeySlots, type DataPaths } from '../../../db/vault';
import { appliedMigrations, auditHead, copyInto, integrityCheck, quickCheck, rowCounts } from '../../../db/queries/integrity';
import {
  changedSince,
  getBackupSettings,
  insertBackupRun,
  lastBackupAttempt,
  lastGoodBackup,
  recentBackupRuns,
  updateBackupSettings,
  type BackupRunRow,
} from '../../../db/queries/backups';
import { formatLondonFileStamp, formatUkDateTime } from '../../../shared/deadlines';
import { ApiFailure, fieldFailure, storageMessages } from '../../../shared/result';
import { APP_VERSION } from '../../../shared/version';
import type {
  BackupMade,
  BackupReason,
  BackupRun,
  BackupSetList,
  BackupSetSummary,
  BackupStatus,
  listBackupSetsInput,
  updateBackupSettingsInput,
} from '../../../shared/schemas/backups';
import { damagedMessage, storageProblem } from '../storage-errors';
import type { Session } from '../session/session';
import { audit, nowIso, type ReadContext, type SessionContext } from './context';

// Backups: a set made with one consistent, still-encrypted copy of the open file (VACUUM INTO,
// after a full integrity_check), the key file and its previous generation, and a manifest with
// the time, app and schema versions, row counts, the audit chain's head and every file's SHA-256.
// Made by hand from Settings, and automatically on lock or quit and daily while unlocked. The
// newest `keep` sets of this file are kept. Where the last good backup is, is also written to a
// small plain file in the data folder, so a damaged records file can still say which set to restore.

const BACKUP_OVERDUE_DAYS = 7;
const DAILY_HOURS = 24;
const RETRY_AFTER_FAILURE_MS = 3_600_000;

const POINTER_FILE = 'escalation-log.last-backup.json';

/** "made 01/12/2026 09:15, in E:\Backups, set …": the words that name the last good backup, read without the records file. */
export function lastBackupHint(paths: DataPaths): string | null {
  try {
    const pointer = JSON.parse(readFileSync(join(paths.dir, POINTER_FILE), 'utf8')) as {
      at?: unknown;
      folder?: unknown;
      setName?: unknown;
    };
    if (typeof pointer.at !== 'string' || typeof pointer.folder !== 'string' || typeof pointer.setName !== 'string') return null;
    return `made ${formatUkDateTime(pointer.at)}, the set "${pointer.setName}" in ${pointer.folder}`;
  } catch {
    return null;
  }
}

function writePointer(paths: DataPaths, pointer: { at: string; folder: string; setName: string }): void {
  try {
    writeFileAtomic(join(paths.dir, POINTER_FILE), `${JSON.stringify(pointer, null, 2)}\n`);
  } catch {
    // Only a hint for the damaged-file message: the backup itself is made and recorded.
  }
}

/** A folder to write backups to: an absolute path to an existing, writable folder outside the data folder. */
function checkBackupFolder(folder: string, dataDir: string, path: (string | number)[] = ['folder']): string {
  const windowsStyle = /^[A-Za-z]:[\\/]|^\\\\/.test(folder);
  if (!isAbsolute(folder) && !(windowsStyle && win32.isAbsolute(folder))) {
    throw fieldFailure(
      path,
      'Enter the full path of the folder, starting from the drive, for example E:\\Escalation Log backups or /media/usb/backups.',
    );
  }
  const resolved = resolve(folder);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(resolved).isDirectory();
  } catch {
    throw fieldFailure(path, `There is no folder at ${folder}. Plug in the USB stick or connect the network drive, or check the path.`);
  }
  if (!isDirectory) throw fieldFailure(path, `${folder} is a file, not a folder. Choose a folder.`);
  const inside = relative(resolve(dataDir), resolved);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw fieldFailure(path, 'Choose a folder outside the one that holds the records: a backup beside the records is lost with them.');
  }
  const probe = join(resolved, `.escalation-log-write-test-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'test');
  } catch (error) {
    const problem = storageProblem(error);
    if (problem === 'disk_full') throw fieldFailure(path, `${folder} is full. Free some space on it, or choose another folder.`);
    throw fieldFailure(
      path,
      `Escalation Log cannot write to ${folder} (it is read-only, or you do not have permission). Choose another folder.`,
    );
  } finally {
    rmSync(probe, { force: true });
  }
  return resolved;
}

function toRun(row: BackupRunRow): BackupRun {
  return { at: row.finished_at, reason: row.reason, folder: row.folder, setName: row.set_name, ok: row.ok === 1, message: row.message };
}

export async function backupStatus(ctx: ReadContext): Promise<BackupStatus> {
  const settings = await getBackupSettings(ctx.db);
  const good = await lastGoodBackup(ctx.db);
  const attempt = await lastBackupAttempt(ctx.db);
  const overdue = !good || ctx.clock().getTime() - Date.parse(good.finished_at) > BACKUP_OVERDUE_DAYS * 86_400_000;
  return {
    folder: settings.folder,
    keep: settings.keep,
    automatic: settings.automatic === 1,
    lastGood: good ? toRun(good) : null,
    lastAttempt: attempt ? toRun(attempt) : null,
    overdue,
    recent: (await recentBackupRuns(ctx.db, 10)).map(toRun),
  };
}

export async function updateBackupSettingsService(
  ctx: SessionContext,
  input: z.output<typeof updateBackupSettingsInput>,
): Promise<BackupStatus> {
  const folder = checkBackupFolder(input.folder, ctx.session.paths.dir);
  await ctx.db.transaction().execute(async (trx) => {
    await updateBackupSettings(trx, {
      folder,
      keep: input.keep,
      automatic: input.automatic ? 1 : 0,
      updated_at: nowIso(ctx.clock),
      updated_by: ctx.user.id,
    });
    await audit(
      trx,
      ctx,
      'backup.settings',
      null,
      `Backups go to ${folder}; keep ${input.keep}; automatic ${input.automatic ? 'on' : 'off'}`,
    );
  });
  return backupStatus(ctx);
}

function setNameFor(at: string, reason: BackupReason): string {
  return `Escalation Log backup ${formatLondonFileStamp(at)}${reason === 'manual' ? '' : ` (${reason === 'daily' ? 'daily' : `on ${reason}`})`}`;
}

/** What a failed backup says: storage failures in their own words, damage with the way out. */
function failureOf(error: unknown, paths: DataPaths): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const problem = storageProblem(error);
  if (problem === 'damaged') return new ApiFailure('damaged_file', damagedMessage(lastBackupHint(paths)));
  if (problem === 'disk_full')
    return new ApiFailure('disk_full', 'The backup folder (or the disk) is full: the backup was not made. Free some space and try again.');
  if (problem === 'read_only_folder')
    return new ApiFailure(
      'read_only_folder',
      'The backup folder cannot be written to (it is read-only, or you do not have permission): the backup was not made.',
    );
  if (problem) return new ApiFailure(problem, storageMessages[problem]);
  return new ApiFailure(
    'disk_error',
    'The backup could not be made: the backup folder could not be written. Check the USB stick or network drive, then try again.',
  );
}

/**
 * Makes one backup set of the open file in the configured folder, and records the run (good or
 * failed) in the file. Throws ApiFailure on failure, after recording it.
 */
export async function makeBackup(session: Session, reason: BackupReason): Promise<BackupMade> {
  const open = session.requireOpen();
  const settings = await getBackupSettings(open.db);
  if (!settings.folder) {
    throw new ApiFailure('conflict', 'Choose a folder for backups first: Settings, then Backups.');
  }
  const startedAt = nowIso(session.clock);
  const folder = settings.folder;
  const record = async (fields: {
    ok: boolean;
    setName: string | null;
    message: string | null;
    bytes: number | null;
    auditSeq: number | null;
  }) => {
    const finishedAt = nowIso(session.clock);
    await open.db.transaction().execute(async (trx) => {
      await insertBackupRun(trx, {
        id: randomUUID(),
        started_at: startedAt,
        finished_at: finishedAt,
        reason,
        folder,
        set_name: fields.setName,
        ok: fields.ok ? 1 : 0,
        message: fields.message,
        bytes: fields.bytes,
        audit_seq: fields.auditSeq,
        made_by: open.user.id,
      });
      await audit(
        trx,
        { user: open.user, clock: session.clock },
        fields.ok ? 'backup.made' : 'backup.failed',
        null,
        fields.ok ? `Backed up to ${folder} (${fields.setName ?? ''})` : `Backup to ${folder} failed: ${fields.message ?? ''}`,
      );
    });
    return finishedAt;
  };

  let made: { path: string; manifest: BackupManifest; bytes: number; name: string };
  try {
    checkBackupFolder(folder, session.paths.dir, ['folder']);
    // The full check before every backup: a damaged file is never copied as if it were whole.
    const problems = integrityCheck(open.sqlite);
    if (problems.length > 0) throw new ApiFailure('damaged_file', damagedMessage(lastBackupHint(session.paths)));
    const keys = loadKeySlots(session.paths);
    const set = startSet(folder);
    try {
      const copyPath = join(set.dir, SET_FILES.database);
      copyInto(open.sqlite, copyPath);
      // The copy is opened with the key and checked: what is in the set is what the manifest says.
      const copy = openEncryptedReadOnly(copyPath, open.dataKey);
      let counts: Record<string, number>;
      let head: { seq: number; hash: string };
      let migrations: string[];
      try {
        if (quickCheck(copy).length > 0)
          throw new ApiFailure('disk_error', 'The backup copy did not read back correctly: the backup was not made. Try another folder.');
        counts = rowCounts(copy);
        head = auditHead(copy);
        migrations = appliedMigrations(copy);
      } finally {
        copy.close();
      }
      if (keys.from === 'current') {
        copyKeyFileInto(session.paths.keySlots, join(set.dir, SET_FILES.keys));
      } else {
        writeFileSync(join(set.dir, SET_FILES.keys), readFileSync(session.paths.previousKeySlots));
      }
      copyKeyFileInto(session.paths.previousKeySlots, join(set.dir, SET_FILES.previousKeys));
      const name = setNameFor(startedAt, reason);
      const finished = set.finish(name, {
        format: 'escalation-log-backup',
        version: 1,
        fileId: open.fileId,
        keyGeneration: keys.file.generation,
        madeAt: startedAt,
        reason,
        appVersion: APP_VERSION,
        schemaVersion: migrations[migrations.length - 1] ?? 'none',
        migrations,
        rowCounts: counts,
        auditHead: head,
        integrityCheck: 'ok',
      });
      made = { ...finished, name: basename(finished.path) };
    } catch (error) {
      set.abandon();
      throw error;
    }
  } catch (error) {
    const failure = failureOf(error, session.paths);
    if (failure.code !== 'damaged_file') {
      try {
        await record({ ok: false, setName: null, message: failure.message, bytes: null, auditSeq: null });
      } catch {
        // The records file itself cannot be written (a full disk): the failure is still reported.
      }
    }
    throw failure;
  }
  const removed = pruneSets(folder, open.fileId, settings.keep, session.clock());
  const finishedAt = await record({
    ok: true,
    setName: made.name,
    message: null,
    bytes: made.bytes,
    auditSeq: made.manifest.auditHead.seq,
  });
  writePointer(session.paths, { at: finishedAt, folder, setName: made.name });
  return { folder, setName: made.name, madeAt: finishedAt, bytes: made.bytes, removed };
}

/**
 * An automatic backup, if one is due: backups are automatic and a folder is chosen, and either
 * something has changed since the last good backup (on lock or quit) or it is a day old (daily).
 * Returns null when none was due.
 */
export async function automaticBackupIfDue(session: Session, reason: Exclude<BackupReason, 'manual'>): Promise<BackupMade | null> {
  const open = session.current;
  if (!open) return null;
  const settings = await getBackupSettings(open.db);
  if (!settings.folder || settings.automatic !== 1) return null;
  const good = await lastGoodBackup(open.db);
  if (reason === 'daily') {
    if (good && session.clock().getTime() - Date.parse(good.finished_at) < DAILY_HOURS * 3_600_000) return null;
    // The folder was not there (a USB stick taken out): try again in an hour, not at every tick of
    // the timer, so the log is not filled with the same failure.
    const attempt = await lastBackupAttempt(open.db);
    if (attempt && attempt.ok === 0 && session.clock().getTime() - Date.parse(attempt.finished_at) < RETRY_AFTER_FAILURE_MS) return null;
  } else if (good && good.audit_seq !== null && !(await changedSince(open.db, good.audit_seq))) {
    // Nothing recorded since the last good backup (signing in and out is not a change worth a set).
    return null;
  }
  return makeBackup(session, reason);
}

/** The sets in a folder (the configured one by default), newest first, each marked as this file's or not. */
export async function listBackupSets(session: Session, input: z.output<typeof listBackupSetsInput>): Promise<BackupSetList> {
  let folder = input.folder;
  const open = session.current;
  if (folder === undefined && open) folder = (await getBackupSettings(open.db)).folder ?? undefined;
  if (folder === undefined) throw fieldFailure(['folder'], 'Enter the folder that holds the backups.');
  const windowsStyle = /^[A-Za-z]:[\\/]|^\\\\/.test(folder);
  if (!isAbsolute(folder) && !windowsStyle) throw fieldFailure(['folder'], 'Enter the full path of the folder, starting from the drive.');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw fieldFailure(
      ['folder'],
      `There is no folder at ${folder}. Plug in the USB stick or connect the network drive, or check the path.`,
    );
  }
  let liveFileId: string | null = null;
  try {
    liveFileId = loadKeySlots(session.paths).file.fileId;
  } catch {
    liveFileId = null;
  }
  const sets: BackupSetSummary[] = listSets(folder).map((set) => {
    const counts = set.manifest?.rowCounts;
    return {
      name: set.name,
      madeAt: set.manifest?.madeAt ?? null,
      reason: set.manifest?.reason ?? null,
      appVersion: set.manifest?.appVersion ?? null,
      counts: counts
        ? {
            children: counts.children ?? 0,
            escalations: counts.escalations ?? 0,
            referrals: counts.referrals ?? 0,
            documents: counts.documents ?? 0,
          }
        : null,
      ours: liveFileId === null || !set.manifest ? null : set.manifest.fileId === liveFileId,
      problem: set.problem,
    };
  });
  return { folder: resolve(folder), sets };
}
