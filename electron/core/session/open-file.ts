import { rmSync } from 'node:fs';
import { createKysely, openEncryptedDatabase, DatabaseKeyError } from '../../../db/connection';
import { migrateToLatest, NewerFileError } from '../../../db/migrate';
import { KeySlotFileError } from '../../../db/keyslots';
import { dataFolderState } from '../../../db/vault';
import { findUser } from '../../../db/queries/users';
import { getSettings } from '../../../db/queries/settings';
import { ApiFailure } from '../../../shared/result';
import { audit } from '../services/context';
import type { Session } from './session';

// The steps every way in shares (setup, passphrase, recovery key): check the folder, open the
// encrypted file with a data key, bring its schema up to date, and hand it to the session. Each
// failure is named: a damaged key file, a file the key does not open, a file from a newer app.

export const DAMAGED_KEYS =
  'The key file beside the records file is missing or damaged, so the records cannot be opened. Restore the folder from your backup.';

export function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

export function requireLockedAndSetUp(session: Session): void {
  if (session.current) throw new ApiFailure('conflict', 'Escalation Log is already unlocked.');
  const folder = dataFolderState(session.paths);
  if (folder === 'empty') throw new ApiFailure('not_set_up', 'Escalation Log has not been set up on this computer yet.');
  if (folder === 'keys-missing') throw new ApiFailure('damaged_file', DAMAGED_KEYS);
  const wait = session.throttle.retryAfterSeconds();
  if (wait > 0) {
    throw new ApiFailure('rate_limited', `Too many wrong attempts. Wait ${wait} seconds, then try again.`, {
      retryAfterSeconds: wait,
    });
  }
}

/** Runs a key-file read, answering a damaged key file as `damaged_file`. */
export async function withKeyFile<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof KeySlotFileError) throw new ApiFailure('damaged_file', DAMAGED_KEYS);
    throw error;
  }
}

export function openOrExplain(session: Session, dataKey: Buffer) {
  try {
    return openEncryptedDatabase(session.paths.database, dataKey, { create: false });
  } catch (error) {
    if (error instanceof DatabaseKeyError) {
      throw new ApiFailure('damaged_file', 'The key opened, but the records file did not: it may be damaged. Restore it from your backup.');
    }
    throw error;
  }
}

export async function migrateOrExplain(db: Parameters<typeof migrateToLatest>[0]): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (error instanceof NewerFileError) throw new ApiFailure('newer_file', error.message);
    throw error;
  }
}

/** Opens the records file for the person whose slot was unlocked; the key is zeroed if anything fails. */
export async function openFile(session: Session, dataKey: Buffer, userId: string, fileId: string): Promise<void> {
  const sqlite = openOrExplain(session, dataKey);
  const db = createKysely(sqlite);
  try {
    await migrateOrExplain(db);
    const user = await findUser(db, userId);
    if (!user || user.disabled_at !== null) {
      throw new ApiFailure('forbidden', 'This passphrase belongs to someone who no longer has access.');
    }
    const settings = await getSettings(db);
    session.open({
      sqlite,
      db,
      dataKey,
      fileId,
      user: { id: user.id, fullName: user.full_name, role: user.role },
      lastActivityAt: session.clock().getTime(),
      idleLockMinutes: settings.idle_lock_minutes,
    });
  } catch (error) {
    await db.destroy();
    dataKey.fill(0);
    throw error;
  }
}

/** An entry in the audit log for the person signed in (unlock, lock, passphrase and key events). */
export async function recordSessionEvent(session: Session, action: string, summary: string): Promise<void> {
  const { db, user } = session.requireOpen();
  await db.transaction().execute((trx) => audit(trx, { user, clock: session.clock }, action, null, summary));
}
