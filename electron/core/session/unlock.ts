import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import type { z } from 'zod';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import {
  completeSetupSlots,
  costFor,
  dataFolderState,
  disposeOpened,
  ensureDataDir,
  keyFilesInPlay,
  KeyFilesUnusableError,
  loadKeySlots,
  openSlots,
  prepareNewVault,
  prepareSlot,
  plannedSlots,
  putSlots,
  writeSetupSlots,
  type OpenedSlot,
} from '../../../db/vault';
import { calibrateKdf, keyFileProblemWords, newSealKey, type KdfCost } from '../../../db/keyslots';
import { findActiveDsl, insertUser } from '../../../db/queries/users';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../../db/recovery-key';
import { getSettings, insertSettings } from '../../../db/queries/settings';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import { roleLabels } from '../../../shared/people/roles';
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
  chooseAndSettle,
  closeQuietly,
  DAMAGED_KEYS,
  keyFilesMessage,
  migrateOrExplain,
  openFile,
  RECORDS_MISSING,
  recordSessionEvent,
  recordUnlock,
  removeSqliteFiles,
  requireLockedAndSetUp,
  withKeyFile,
} from './open-file';
import { recordHeadInKeyFile, sealAccessNow } from './key-changes';

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
  // The key derivation's cost, calibrated on this computer to about a second (never below N = 2^18),
  // and kept in the key file for every later slot. Tests give a cheap one.
  const calibrated = session.kdfCost ? { cost: session.kdfCost, estimatedMs: null } : await calibrateKdf();
  const vault = await prepareNewVault({ passphrase: input.passphrase, userId, now, cost: calibrated.cost });
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
        await audit(
          trx,
          { user, clock: session.clock },
          'setup',
          null,
          `Set up Escalation Log and made the recovery key; each passphrase is stretched with scrypt at ${costWords(calibrated.cost)}${
            calibrated.estimatedMs === null ? '' : ` (about ${(calibrated.estimatedMs / 1000).toFixed(1)} s on this computer)`
          }`,
        );
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
    vault.sealKey.fill(0);
    throw storageFailure(error, () => null) ?? error;
  }
  await openFile(session, { dataKey: vault.dataKey, userId, fileId: vault.fileId, sealKey: vault.sealKey, sealKeyInSlot: true });
  session.pendingRecoveryKey = { recoveryKey: vault.recoveryKey, fileId: vault.fileId, createdAt: now, replacesCurrent: false };
  return { recoveryKey: vault.recoveryKey, fileId: vault.fileId };
}

/** "N = 2^18, r = 8, p = 1": a scrypt cost in words for the audit log. */
function costWords(cost: KdfCost): string {
  return `N = 2^${Math.log2(cost.N)}, r = ${cost.r}, p = ${cost.p}`;
}

/** A wrong passphrase or recovery key: slowed down, counted for the audit log at the next unlock. */
function failedAttempt(session: Session): number {
  session.throttle.recordFailure();
  session.noteFailedUnlock();
  return session.throttle.retryAfterSeconds();
}

export async function unlock(session: Session, input: z.output<typeof unlockInput>): Promise<SessionStatus> {
  requireLockedAndSetUp(session);
  const keys = await withKeyFile(() => Promise.resolve(loadKeySlots(session.paths)));
  // Every key file in play (the current one, and the next generation if a rotation was interrupted).
  const opened = await withKeyFile(() => openSlots(keyFilesInPlay(keys), input.passphrase, { kind: 'passphrase' }));
  if (!opened || opened.userId === null) {
    disposeOpened(opened);
    const wait = failedAttempt(session);
    throw new ApiFailure('wrong_passphrase', 'That passphrase is not right. Check Caps Lock and try again.', {
      issues: [{ path: ['passphrase'], message: 'That passphrase is not right.' }],
      ...(wait > 0 ? { retryAfterSeconds: wait } : {}),
    });
  }
  session.throttle.recordSuccess();
  const userId = opened.userId;
  await openFromSlot(session, opened, keys, input.passphrase, userId);
  const who = session.requireOpen().user;
  // Which person signed in is said: the audit log names them, and so does the answer (the header shows it).
  await recordUnlock(session, 'unlock', `Unlocked with passphrase: signed in as ${who.fullName} (${roleLabels[who.role]})`);
  session.lockNotice = null;
  return status(session);
}

/** The slot that opened, to an open file: the key chosen and settled, the session opened, every secret zeroed after. */
async function openFromSlot(
  session: Session,
  opened: OpenedSlot,
  keys: ReturnType<typeof loadKeySlots>,
  text: string,
  userId: string,
  afterChecks?: (sealKey: Buffer | null) => Promise<void>,
  sealKeyOverride?: Buffer,
): Promise<void> {
  let chosenKey: Buffer | null = null;
  try {
    const settled = chooseAndSettle(session, opened, keys);
    chosenKey = settled.chosen.dataKey;
    const sealKey = sealKeyOverride ?? (opened.secret?.sealKey ? Buffer.from(opened.secret.sealKey) : null);
    await openFile(session, {
      dataKey: settled.chosen.dataKey,
      userId,
      fileId: settled.chosen.file.fileId,
      sqlite: settled.sqlite,
      keys: settled.keys,
      sealKey,
      slot: { opened, text },
      notices: settled.notices,
      // The passphrase's own slot holds it; for the recovery key, the DSL's new slot is made with it (afterChecks).
      sealKeyInSlot: Boolean(opened.secret?.sealKey) || afterChecks !== undefined,
      ...(afterChecks ? { afterChecks: () => afterChecks(session.current?.sealKey ?? null) } : {}),
    });
  } finally {
    // The session keeps the chosen key (or has zeroed it on failure); every other copy is zeroed here.
    disposeOpened(opened, chosenKey ?? undefined);
  }
}

export async function unlockWithRecoveryKey(
  session: Session,
  input: z.output<typeof unlockWithRecoveryKeyInput>,
): Promise<RecoveryUnlocked> {
  requireLockedAndSetUp(session);
  const compact = normaliseRecoveryKey(input.recoveryKey);
  if (compact === null) {
    throw fieldFailure(['recoveryKey'], 'A recovery key is 52 letters and numbers in groups of four. Check it against the sheet.');
  }
  const keys = await withKeyFile(() => Promise.resolve(loadKeySlots(session.paths)));
  const opened = await withKeyFile(() => openSlots(keyFilesInPlay(keys), compact, { kind: 'recovery' }));
  if (!opened) {
    failedAttempt(session);
    throw new ApiFailure('wrong_recovery_key', 'That recovery key does not open this file.', {
      issues: [{ path: ['recoveryKey'], message: 'That recovery key does not open this file.' }],
    });
  }
  session.throttle.recordSuccess();
  // The DSL whose passphrase is being reset: read from the records before they are opened as theirs.
  let dslId: string;
  {
    const settled = chooseAndSettle(session, opened, keys);
    const db = createKysely(settled.sqlite);
    try {
      await migrateOrExplain(db);
      const dsl = await findActiveDsl(db);
      if (!dsl) throw new ApiFailure('damaged_file', 'No Designated Safeguarding Lead is recorded in this file.');
      dslId = dsl.id;
    } catch (error) {
      disposeOpened(opened);
      throw error;
    } finally {
      await db.destroy();
    }
  }
  // The recovery slot holds the seal key (one from an older key file may not: then a new one is made,
  // the recovery key being as trusted as the DSL's passphrase).
  const sealKey = opened.secret?.sealKey ? Buffer.from(opened.secret.sealKey) : newSealKey();
  const now = nowIso(session.clock);
  const resetPassphrase = async (sessionSealKey: Buffer | null) => {
    const open = session.requireOpen();
    const current = loadKeySlots(session.paths).file;
    const prepared = await prepareSlot({
      dataKey: open.dataKey,
      text: input.newPassphrase,
      kind: 'passphrase',
      userId: dslId,
      fileId: current.fileId,
      now,
      cost: costFor(current, session.kdfCost),
      sealKey: sessionSealKey,
    });
    // Sealed first, then the key file: a crash in between leaves the key file as the seal before said.
    if (sessionSealKey) {
      const planned = plannedSlots(current, { add: [prepared] });
      await open.db
        .transaction()
        .execute((trx) => sealAccessNow(trx, sessionSealKey, open.fileId, planned, { user: open.user, clock: session.clock }));
    }
    putSlots(session.paths, { dataKey: open.dataKey, now, fileId: current.fileId, add: [prepared] });
  };
  try {
    await openFromSlot(session, opened, keys, compact, dslId, resetPassphrase, sealKey);
  } catch (error) {
    // Opened, the session owns the seal key (and has zeroed it on the way out); not opened, it is zeroed here.
    if (session.current?.sealKey !== sealKey) sealKey.fill(0);
    throw storageFailure(error, () => null) ?? error;
  }
  await recordUnlock(session, 'unlock.recovery', 'Unlocked with the recovery key; passphrase reset; a new recovery key offered');
  session.lockNotice = null;
  // The used key has been typed on this computer: offer a new one straight away. It replaces the
  // used one when its sheet is confirmed as stored.
  const newRecoveryKey = generateRecoveryKey();
  session.pendingRecoveryKey = { recoveryKey: newRecoveryKey, fileId: session.requireOpen().fileId, createdAt: now, replacesCurrent: true };
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
    // The audit log's end into the key file, so a log cut short while locked is noticed at the next unlock.
    await recordHeadInKeyFile(session);
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
