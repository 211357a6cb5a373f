import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import type { z } from 'zod';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import {
  dataFolderState,
  ensureDataDir,
  prepareNewVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey as unwrapWithRecoveryKey,
  updateSlots,
  writeSlots,
} from '../../../db/vault';
import { findActiveDsl, insertUser } from '../../../db/queries/users';
import { generateRecoveryKey } from '../../../db/recovery-key';
import { getSettings, insertSettings } from '../../../db/queries/settings';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import type {
  setupInput,
  unlockInput,
  unlockWithRecoveryKeyInput,
  NewRecoveryKey,
  SessionStatus,
  SessionUser,
} from '../../../shared/schemas/session';
import { audit, nowIso } from '../services/context';
import type { Session } from './session';
import {
  DAMAGED_KEYS,
  migrateOrExplain,
  openFile,
  openOrExplain,
  recordSessionEvent,
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
    };
  }
  const folder = dataFolderState(session.paths);
  if (folder === 'empty') return { state: 'not-set-up' };
  if (folder === 'keys-missing') return { state: 'damaged', message: DAMAGED_KEYS };
  return { state: 'locked', retryAfterSeconds: session.throttle.retryAfterSeconds() };
}

/** First run: a new data key, the DSL's passphrase slot, a recovery key, and the settings row. */
export async function setup(session: Session, input: z.output<typeof setupInput>): Promise<NewRecoveryKey> {
  if (dataFolderState(session.paths) !== 'empty' || session.current) {
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
    writeSlots(session.paths, vault.slots);
    renameSync(building, session.paths.database);
  } catch (error) {
    removeSqliteFiles(building);
    vault.dataKey.fill(0);
    throw error;
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
  await openFile(session, opened.dataKey, opened.userId, opened.fileId);
  await recordSessionEvent(session, 'unlock', 'Unlocked with passphrase');
  return status(session);
}

export async function unlockWithRecoveryKey(session: Session, input: z.output<typeof unlockWithRecoveryKeyInput>): Promise<SessionStatus> {
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
  await updateSlots(session.paths, {
    dataKey: opened.dataKey,
    now,
    passphraseFor: { userId: dslId, passphrase: input.newPassphrase },
    ...(session.kdfCost ? { cost: session.kdfCost } : {}),
  });
  await openFile(session, opened.dataKey, dslId, opened.fileId);
  await recordSessionEvent(session, 'unlock.recovery', 'Unlocked with the recovery key; passphrase reset; a new recovery key offered');
  // The used key has been typed on this computer: offer a new one straight away. It replaces the
  // used one when its sheet is confirmed as stored.
  session.pendingRecoveryKey = { recoveryKey: generateRecoveryKey(), fileId: opened.fileId, createdAt: now, replacesCurrent: true };
  return status(session);
}

export async function lock(session: Session): Promise<SessionStatus> {
  if (session.current) await recordSessionEvent(session, 'lock', 'Locked');
  await session.close();
  return status(session);
}
