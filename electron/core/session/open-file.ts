import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { createKysely, openEncryptedDatabase, DatabaseKeyError, type SqliteDatabase } from '../../../db/connection';
import { migrateToLatest, NewerFileError } from '../../../db/migrate';
import { KeySlotFileError, keyFileProblemWords } from '../../../db/keyslots';
import { dataFolderState, KeyFilesUnusableError, repairCurrentKeyFile, type LoadedKeySlots } from '../../../db/vault';
import { findUser } from '../../../db/queries/users';
import { getSettings } from '../../../db/queries/settings';
import { quickCheck } from '../../../db/queries/integrity';
import { confirmedRecoverySlot, setConfirmedRecoverySlot } from '../../../db/queries/key-checks';
import { ApiFailure } from '../../../shared/result';
import { audit, nowIso } from '../services/context';
import { lastBackupHint } from '../services/backups';
import { damagedMessage, storageFailure } from '../storage-errors';
import type { Session } from './session';

// The steps every way in shares (setup, passphrase, recovery key): check the folder, open the
// encrypted file with a data key, check every page (quick_check), bring its schema up to date, and
// hand it to the session. Each failure is named: a damaged key file (never counted as a wrong
// passphrase), a file the key does not open, a damaged file, a file from a newer app, a read-only
// folder or a full disk. A damaged current key file is answered from its previous generation,
// which is then put back as the current one, and the person is told.

const RESTORE_WAY_OUT =
  'To recover: choose "Restore from a backup" and pick your most recent backup set (it holds the key file too), or put back a copy of the data folder.';

export const DAMAGED_KEYS = `The key file beside the records file (escalation-log.keys.json) is missing or damaged, and so is the copy of its previous generation, so the records cannot be opened. ${RESTORE_WAY_OUT}`;

export const RECORDS_MISSING =
  'The records file (escalation-log.db) is missing from the data folder, though its key file is there. If a sync program or antivirus moved it, put it back and reload this page. Otherwise choose "Restore from a backup". Escalation Log will not set up again here, so the key file is never overwritten.';

/** The words for key files that cannot be used: what is wrong with each, and the way out. */
export function keyFilesMessage(error: KeyFilesUnusableError): string {
  return `The key file beside the records file ${keyFileProblemWords[error.current]}, and its previous generation ${keyFileProblemWords[error.previous]}, so the records cannot be opened. ${RESTORE_WAY_OUT}`;
}

export function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

export function requireLockedAndSetUp(session: Session): void {
  if (session.current) throw new ApiFailure('conflict', 'Escalation Log is already unlocked.');
  const folder = dataFolderState(session.paths);
  if (folder === 'empty') throw new ApiFailure('not_set_up', 'Escalation Log has not been set up on this computer yet.');
  if (folder === 'keys-missing') throw new ApiFailure('damaged_file', DAMAGED_KEYS);
  if (folder === 'records-missing') throw new ApiFailure('damaged_file', RECORDS_MISSING);
  const wait = session.throttle.retryAfterSeconds();
  if (wait > 0) {
    throw new ApiFailure('rate_limited', `Too many wrong attempts. Wait ${wait} seconds, then try again.`, {
      retryAfterSeconds: wait,
    });
  }
}

/** Runs a key-file read, answering key files that cannot be used as `damaged_file` (never as a wrong passphrase). */
export async function withKeyFile<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof KeyFilesUnusableError) throw new ApiFailure('damaged_file', keyFilesMessage(error));
    if (error instanceof KeySlotFileError) throw new ApiFailure('damaged_file', DAMAGED_KEYS);
    throw error;
  }
}

function damaged(session: Session): ApiFailure {
  return new ApiFailure('damaged_file', damagedMessage(lastBackupHint(session.paths)));
}

/** Opens the records file and checks every page; the damage, a read-only folder or a full disk is named. */
export function openOrExplain(session: Session, dataKey: Buffer): SqliteDatabase {
  let sqlite: SqliteDatabase;
  try {
    sqlite = openEncryptedDatabase(session.paths.database, dataKey, { create: false });
  } catch (error) {
    // The key came from a slot that opened, so a file it does not open is a damaged file.
    if (error instanceof DatabaseKeyError) throw damaged(session);
    throw storageFailure(error, () => lastBackupHint(session.paths)) ?? error;
  }
  // PRAGMA quick_check reads every page in use, so a damaged page (a failed HMAC) is found now,
  // not later as a screen that fails. See the README's Backups section for what it costs.
  let problems: string[];
  try {
    problems = quickCheck(sqlite);
  } catch {
    problems = ['unreadable'];
  }
  if (problems.length > 0) {
    sqlite.close();
    throw damaged(session);
  }
  return sqlite;
}

export async function migrateOrExplain(db: Parameters<typeof migrateToLatest>[0]): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (error instanceof NewerFileError) throw new ApiFailure('newer_file', error.message);
    throw error;
  }
}

/**
 * Opens the records file for the person whose slot was unlocked; the key is zeroed if anything fails.
 * `keys` says which key file the slot came from: the previous generation is put back as the current one.
 */
export async function openFile(session: Session, dataKey: Buffer, userId: string, fileId: string, keys?: LoadedKeySlots): Promise<void> {
  let sqlite: SqliteDatabase;
  try {
    sqlite = openOrExplain(session, dataKey);
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  const db = createKysely(sqlite);
  try {
    await migrateOrExplain(db);
    const user = await findUser(db, userId);
    if (!user || user.disabled_at !== null) {
      throw new ApiFailure('forbidden', 'This passphrase belongs to someone who no longer has access.');
    }
    const settings = await getSettings(db);
    const now = nowIso(session.clock);
    const warnings: string[] = [];
    if (keys?.from === 'previous') warnings.push(repairKeyFile(session, keys, now));
    if (user.role === 'dsl' && keys && settings.recovery_key_confirmed_at !== null) {
      const warning = await checkRecoverySlot(db, keys, now);
      if (warning) warnings.push(warning);
    }
    session.open({
      sqlite,
      db,
      dataKey,
      fileId,
      user: { id: user.id, fullName: user.full_name, role: user.role },
      lastActivityAt: session.clock().getTime(),
      idleLockMinutes: settings.idle_lock_minutes,
      warnings,
    });
    if (keys?.from === 'previous') {
      await db
        .transaction()
        .execute((trx) =>
          audit(
            trx,
            { user: { id: user.id, fullName: user.full_name, role: user.role }, clock: session.clock },
            'keys.repaired',
            null,
            'Unlocked with the previous generation of the key file and put it back',
          ),
        );
    }
  } catch (error) {
    if (session.current?.db === db) {
      await closeQuietly(session);
    } else {
      await db.destroy().catch(() => undefined);
      dataKey.fill(0);
    }
    throw storageFailure(error, () => lastBackupHint(session.paths)) ?? error;
  }
}

/** Closes the session (the key is dropped whatever fails) and ignores a failure to close cleanly. */
export async function closeQuietly(session: Session): Promise<void> {
  try {
    await session.close();
  } catch {
    // Session.close has already dropped the key and the connection.
  }
}

/** The unlock's own entry in the audit log: if it cannot be written (a full disk), the file is closed again and the reason given. */
export async function recordUnlock(session: Session, action: string, summary: string): Promise<void> {
  try {
    await recordSessionEvent(session, action, summary);
  } catch (error) {
    await closeQuietly(session);
    throw storageFailure(error, () => lastBackupHint(session.paths)) ?? error;
  }
}

/** Puts the previous generation back as the current key file; says what happened either way. */
function repairKeyFile(session: Session, keys: LoadedKeySlots, now: string): string {
  const what = keyFileProblemWords[keys.currentProblem ?? 'malformed'];
  const since = keys.file.writtenAt
    ? ` (last changed ${DateTime.fromISO(keys.file.writtenAt).setZone('Europe/London').toFormat('dd/MM/yyyy HH:mm')})`
    : '';
  try {
    repairCurrentKeyFile(session.paths, keys.file, now);
    return `The key file ${what}. Escalation Log opened the records with the copy of the key file kept from before its last change${since}, and has put that copy back. A passphrase changed after that time is back to what it was before: change it again in Settings if you need to.`;
  } catch {
    return `The key file ${what}. Escalation Log opened the records with the copy of the key file kept from before its last change${since}, but could not put it back (the folder cannot be written). Make a backup now, and ask your IT support to check the data folder.`;
  }
}

/** At every DSL unlock: the key file's recovery slot must be the one the DSL confirmed as printed and stored. */
async function checkRecoverySlot(db: ReturnType<typeof createKysely>, keys: LoadedKeySlots, now: string): Promise<string | null> {
  const slot = keys.file.slots.find((candidate) => candidate.kind === 'recovery');
  if (!slot) {
    return 'The key file has no recovery slot, so the recovery key on the printed sheet no longer opens the records. Make a new recovery key now (Settings, then Security) and store its sheet safely.';
  }
  const confirmed = await confirmedRecoverySlot(db);
  if (confirmed === null) {
    // A file from before this check was made: the slot in use now is the one on the stored sheet.
    await setConfirmedRecoverySlot(db, slot.id, now);
    return null;
  }
  if (confirmed !== slot.id) {
    return 'The recovery slot in the key file is not the one whose sheet was confirmed as stored (the key file may have been replaced by an older copy), so the recovery key on the printed sheet may no longer open the records. Make a new recovery key now (Settings, then Security) and store its sheet safely.';
  }
  return null;
}

/** An entry in the audit log for the person signed in (unlock, lock, passphrase and key events). */
export async function recordSessionEvent(session: Session, action: string, summary: string): Promise<void> {
  const { db, user } = session.requireOpen();
  await db.transaction().execute((trx) => audit(trx, { user, clock: session.clock }, action, null, summary));
}
