import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import type { z } from 'zod';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import {
  completeSetupSlots,
  dataFolderState,
  ensureDataDir,
  KeyFilesUnusableError,
  loadKeySlots,
  prepareNewVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey as unwrapWithRecoveryKey,
  updateSlots,
  writeSetupSlots,
} from '../../../db/vault';
import { keyFileProblemWords } from '../../../db/keyslots';
import { findActiveDsl, insertUser } from '../../../db/queries/users';
import { generateRecoveryKey } from '../../../db/recovery-key';
import { getSettings, insertSettings } from '../../../db/queries/settings';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import type {
  setupInput,
  unlockInput,
  unlockWithRecoveryKeyInput,
  NewRecoveryKey,
  RecoveryUnlocked,
  SessionStatus,
  SessionUser,
} from '../../../shared/schemas/session';
import { audit, nowIso } from '../services/context';
import { automaticBackupIfDue } from '../services/backups';
import { storageFailure } from '../storage-errors';
import type { Session } from './session';
import {
  closeQuietly,
  DAMAGED_KEYS,
  keyFilesMessage,
  migrateOrExplain,
  openFile,
  openOrExplain,
  RECORDS_MISSING,
  recordSessionEvent,
  recordUnlock,
  removeSqliteFiles,
  requireLockedAndSetUp,
  withKeyFile,
} from './open-file';

// Setup, unlock and lock: the methods anyone may call while the file is locked, and the only code
// that turns a secret into an open file.

export async function status(session: Session): Promise<SessionStatus> {
  const open = session.current;
  if (open) {
    const settings = await getSettings(open.db);
    return {
      state: 'unlocked',
      user: open.user,
      settingName: settings.setting_name,
      settingType: settings.setting_type,
      recoveryKeyConfirmed: settings.recovery_key_confirmed_at !== null,
      recoveryKeyPending: session.pendingRecoveryKey !== null,
      idleLockMinutes: settings.idle_lock_minutes,
      warnings: open.warnings,
    };
  }
  const folder = dataFolderState(session.paths);
  if (folder === 'empty') return { state: 'not-set-up' };
  if (folder === 'keys-missing') return { state: 'damaged', message: DAMAGED_KEYS };
  if (folder === 'records-missing') return { state: 'damaged', message: RECORDS_MISSING };
  const notices: string[] = [];
  if (session.lockNotice) notices.push(session.lockNotice);
  try {
    const keys = loadKeySlots(session.paths);
    if (keys.from === 'previous') {
      notices.push(
        `The key file ${keyFileProblemWords[keys.currentProblem ?? 'malformed']}. Its previous generation, kept beside it, will be used: unlock as usual (if a passphrase was changed recently, the one before may be the one that works), and the key file will be put back.`,
      );
    }
  } catch (error) {
    if (error instanceof KeyFilesUnusableError) return { state: 'damaged', message: keyFilesMessage(error) };
    throw error;
  }
  return {
    state: 'locked',
    retryAfterSeconds: session.throttle.retryAfterSeconds(),
    ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
  };
}

/** First run: a new data key, the DSL's passphrase slot, a recovery key, and the settings row. */
export async function setup(session: Session, input: z.output<typeof setupInput>): Promise<NewRecoveryKey> {
  // Never over an existing key file or records file: either may be the only way to the records.
  const folder = dataFolderState(session.paths);
  if (folder === 'records-missing') throw new ApiFailure('damaged_file', RECORDS_MISSING);
  if (folder !== 'empty' || session.current) {
    throw new ApiFailure('already_set_up', 'Escalation Log is already set up on this computer. Unlock it instead.');
  }
  ensureDataDir(session.paths);
  const now = nowIso(session.clock);
  const userId = randomUUID();
  const vault = await prepareNewVault({
    passphrase: input.passphrase,
    userId,
    now,
    ...(session.kdfCost ? { cost: session.kdfCost } : {}),
  });
  // Build the file under a temporary name and give it its real name last, so a crash part-way
  // leaves no half-made records file that setup would then refuse to replace.
  const building = `${session.paths.database}.setup`;
  removeSqliteFiles(building);
  try {
    const sqlite = openEncryptedDatabase(building, vault.dataKey, { create: true });
    const db = createKysely(sqlite);
    try {
      await migrateToLatest(db);
      await db.transaction().execute(async (trx) => {
        await insertSettings(trx, {
          id: 1,
          setting_name: input.settingName,
          setting_type: input.settingType,
          region: input.region,
          idle_lock_minutes: 5,
          recovery_key_confirmed_at: null,
          recovery_key_stored_where: null,
          procedure_id: null,
          created_at: now,
        });
        await insertUser(trx, { id: userId, full_name: input.dslName, role: 'dsl', created_at: now, disabled_at: null });
        const user: SessionUser = { id: userId, fullName: input.dslName, role: 'dsl' };
        await audit(trx, { user, clock: session.clock }, 'setup', null, 'Set up Escalation Log and made the recovery key');
      });
    } finally {
      await db.destroy();
    }
    // The key file under its setup name, then the records file, then the key file: killed between
    // the two renames, the key file is put in place at the next start (db/vault: finishInterruptedSetup).
    writeSetupSlots(session.paths, vault.slots);
    renameSync(building, session.paths.database);
    completeSetupSlots(session.paths);
  } catch (error) {
    removeSqliteFiles(building);
    vault.dataKey.fill(0);
    throw storageFailure(error, () => null) ?? error;
  }
  await openFile(session, vault.dataKey, userId, vault.fileId);
  session.pendingRecoveryKey = { recoveryKey: vault.recoveryKey, fileId: vault.fileId, createdAt: now, replacesCurrent: false };
  return { recoveryKey: vault.recoveryKey, fileId: vault.fileId };
}

export async function unlock(session: Session, input: z.output<typeof unlockInput>): Promise<SessionStatus> {
  requireLockedAndSetUp(session);
  const opened = await withKeyFile(() => unlockWithPassphrase(session.paths, input.passphrase));
  if (!opened) {
    session.throttle.recordFailure();
    const wait = session.throttle.retryAfterSeconds();
    throw new ApiFailure('wrong_passphrase', 'That passphrase is not right. Check Caps Lock and try again.', {
      issues: [{ path: ['passphrase'], message: 'That passphrase is not right.' }],
      ...(wait > 0 ? { retryAfterSeconds: wait } : {}),
    });
  }
  session.throttle.recordSuccess();
  await openFile(session, opened.dataKey, opened.userId, opened.fileId, opened.keys);
  await recordUnlock(session, 'unlock', 'Unlocked with passphrase');
  session.lockNotice = null;
  return status(session);
}

export async function unlockWithRecoveryKey(
  session: Session,
  input: z.output<typeof unlockWithRecoveryKeyInput>,
): Promise<RecoveryUnlocked> {
  requireLockedAndSetUp(session);
  const opened = await withKeyFile(() => unwrapWithRecoveryKey(session.paths, input.recoveryKey));
  if (opened === 'malformed') {
    throw fieldFailure(['recoveryKey'], 'A recovery key is 52 letters and numbers in groups of four. Check it against the sheet.');
  }
  if (opened === null) {
    session.throttle.recordFailure();
    throw new ApiFailure('wrong_recovery_key', 'That recovery key does not open this file.', {
      issues: [{ path: ['recoveryKey'], message: 'That recovery key does not open this file.' }],
    });
  }
  session.throttle.recordSuccess();
  // Open first with a throwaway identity check: the DSL whose passphrase is being reset.
  const sqlite = openOrExplain(session, opened.dataKey);
  const db = createKysely(sqlite);
  let dslId: string;
  try {
    await migrateOrExplain(db);
    const dsl = await findActiveDsl(db);
    if (!dsl) throw new ApiFailure('damaged_file', 'No Designated Safeguarding Lead is recorded in this file.');
    dslId = dsl.id;
  } finally {
    await db.destroy();
  }
  const now = nowIso(session.clock);
  try {
    await updateSlots(session.paths, {
      dataKey: opened.dataKey,
      now,
      passphraseFor: { userId: dslId, passphrase: input.newPassphrase },
      ...(session.kdfCost ? { cost: session.kdfCost } : {}),
    });
  } catch (error) {
    opened.dataKey.fill(0);
    throw storageFailure(error, () => null) ?? error;
  }
  await openFile(session, opened.dataKey, dslId, opened.fileId, loadKeySlots(session.paths));
  await recordUnlock(session, 'unlock.recovery', 'Unlocked with the recovery key; passphrase reset; a new recovery key offered');
  session.lockNotice = null;
  // The used key has been typed on this computer: offer a new one straight away. It replaces the
  // used one when its sheet is confirmed as stored.
  const newRecoveryKey = generateRecoveryKey();
  session.pendingRecoveryKey = { recoveryKey: newRecoveryKey, fileId: opened.fileId, createdAt: now, replacesCurrent: true };
  // Handed back with the session, so the screen shows the new key (the only time it is shown)
  // instead of saying one was offered that it never saw.
  const unlocked = await status(session);
  if (unlocked.state !== 'unlocked') throw new ApiFailure('locked', 'The records were locked before the new recovery key could be shown.');
  return { ...unlocked, newRecoveryKey };
}

/**
 * Lock always locks. The lock's entry in the audit log and an automatic backup (if one is due) are
 * tried first; whatever fails (a full disk, a missing USB stick), the file is closed and the key
 * dropped, and the failure is said after, on the unlock screen.
 */
export async function lock(session: Session, reason: 'lock' | 'quit' = 'lock'): Promise<SessionStatus> {
  const problems: string[] = [];
  const say = (error: unknown, what: string) => {
    const failure = error instanceof ApiFailure ? error : storageFailure(error, () => null);
    problems.push(failure ? `${what}: ${failure.message}` : `${what}.`);
  };
  if (session.current) {
    try {
      await recordSessionEvent(session, 'lock', reason === 'quit' ? 'Locked on closing' : 'Locked');
    } catch (error) {
      say(error, 'The lock could not be written to the audit log');
    }
    try {
      await automaticBackupIfDue(session, reason);
    } catch (error) {
      say(error, 'The automatic backup was not made');
    }
  }
  await closeQuietly(session);
  session.lockNotice = problems.length > 0 ? `Escalation Log is locked. ${problems.join(' ')}` : null;
  return status(session);
}
