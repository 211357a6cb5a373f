import { randomUUID } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import type { z } from 'zod';
import { createKysely, openEncryptedDatabase, DatabaseKeyError } from '../../../db/connection';
import { migrateToLatest, NewerFileError } from '../../../db/migrate';
import { KeySlotFileError } from '../../../db/keyslots';
import {
  dataFolderState,
  ensureDataDir,
  prepareNewVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey as unwrapWithRecoveryKey,
  updateSlots,
  verifyPassphrase,
  writeSlots,
} from '../../../db/vault';
import { findActiveDsl, findUser, insertUser } from '../../../db/queries/users';
import { generateRecoveryKey } from '../../../db/recovery-key';
import { getSettings, insertSettings, updateSettings } from '../../../db/queries/settings';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import type {
  changePassphraseInput,
  confirmRecoveryKeyStoredInput,
  setupInput,
  unlockInput,
  unlockWithRecoveryKeyInput,
  NewRecoveryKey,
  SessionStatus,
  SessionUser,
} from '../../../shared/schemas/session';
import type { DocumentFile } from '../../../shared/api';
import type { Core } from './session';
import { audit, nowIso } from '../services/context';
import { renderRecoverySheet } from './recovery-sheet';

// Setup, unlock, lock and the key slots: the only code that turns a secret into an open file.

const DAMAGED_KEYS =
  'The key file beside the records file is missing or damaged, so the records cannot be opened. Restore the folder from your backup.';

export async function status(core: Core): Promise<SessionStatus> {
  const open = core.open;
  if (open) {
    const settings = await getSettings(open.db);
    return {
      state: 'unlocked',
      user: open.user,
      settingName: settings.setting_name,
      settingType: settings.setting_type,
      recoveryKeyConfirmed: settings.recovery_key_confirmed_at !== null,
      recoveryKeyPending: core.pendingRecoveryKey !== null,
      idleLockMinutes: settings.idle_lock_minutes,
    };
  }
  const folder = dataFolderState(core.paths);
  if (folder === 'empty') return { state: 'not-set-up' };
  if (folder === 'keys-missing') return { state: 'damaged', message: DAMAGED_KEYS };
  return { state: 'locked', retryAfterSeconds: core.throttle.retryAfterSeconds() };
}

/** First run: a new data key, the DSL's passphrase slot, a recovery key, and the settings row. */
export async function setup(core: Core, input: z.output<typeof setupInput>): Promise<NewRecoveryKey> {
  if (dataFolderState(core.paths) !== 'empty' || core.open) {
    throw new ApiFailure('already_set_up', 'Escalation Log is already set up on this computer. Unlock it instead.');
  }
  ensureDataDir(core.paths);
  const now = nowIso(core.clock);
  const userId = randomUUID();
  const vault = await prepareNewVault({
    passphrase: input.passphrase,
    userId,
    now,
    ...(core.kdfCost ? { cost: core.kdfCost } : {}),
  });
  // Build the file under a temporary name and give it its real name last, so a crash part-way
  // leaves no half-made records file that setup would then refuse to replace.
  const building = `${core.paths.database}.setup`;
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
        await audit(trx, { user, clock: core.clock }, 'setup', null, 'Set up Escalation Log and made the recovery key');
      });
    } finally {
      await db.destroy();
    }
    writeSlots(core.paths, vault.slots);
    renameSync(building, core.paths.database);
  } catch (error) {
    removeSqliteFiles(building);
    vault.dataKey.fill(0);
    throw error;
  }
  await openFile(core, vault.dataKey, userId, vault.fileId);
  core.pendingRecoveryKey = { recoveryKey: vault.recoveryKey, fileId: vault.fileId, createdAt: now, replacesCurrent: false };
  return { recoveryKey: vault.recoveryKey, fileId: vault.fileId };
}

function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function requireLockedAndSetUp(core: Core): void {
  if (core.open) throw new ApiFailure('conflict', 'Escalation Log is already unlocked.');
  const folder = dataFolderState(core.paths);
  if (folder === 'empty') throw new ApiFailure('not_set_up', 'Escalation Log has not been set up on this computer yet.');
  if (folder === 'keys-missing') throw new ApiFailure('damaged_file', DAMAGED_KEYS);
  const wait = core.throttle.retryAfterSeconds();
  if (wait > 0) {
    throw new ApiFailure('rate_limited', `Too many wrong attempts. Wait ${wait} seconds, then try again.`, {
      retryAfterSeconds: wait,
    });
  }
}

async function withKeyFile<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof KeySlotFileError) throw new ApiFailure('damaged_file', DAMAGED_KEYS);
    throw error;
  }
}

export async function unlock(core: Core, input: z.output<typeof unlockInput>): Promise<SessionStatus> {
  requireLockedAndSetUp(core);
  const opened = await withKeyFile(() => unlockWithPassphrase(core.paths, input.passphrase));
  if (!opened) {
    core.throttle.recordFailure();
    const wait = core.throttle.retryAfterSeconds();
    throw new ApiFailure('wrong_passphrase', 'That passphrase is not right. Check Caps Lock and try again.', {
      issues: [{ path: ['passphrase'], message: 'That passphrase is not right.' }],
      ...(wait > 0 ? { retryAfterSeconds: wait } : {}),
    });
  }
  core.throttle.recordSuccess();
  await openFile(core, opened.dataKey, opened.userId, opened.fileId);
  await recordSessionEvent(core, 'unlock', 'Unlocked with passphrase');
  return status(core);
}

export async function unlockWithRecoveryKey(core: Core, input: z.output<typeof unlockWithRecoveryKeyInput>): Promise<SessionStatus> {
  requireLockedAndSetUp(core);
  const opened = await withKeyFile(() => unwrapWithRecoveryKey(core.paths, input.recoveryKey));
  if (opened === 'malformed') {
    throw fieldFailure(['recoveryKey'], 'A recovery key is 52 letters and numbers in groups of four. Check it against the sheet.');
  }
  if (opened === null) {
    core.throttle.recordFailure();
    throw new ApiFailure('wrong_recovery_key', 'That recovery key does not open this file.', {
      issues: [{ path: ['recoveryKey'], message: 'That recovery key does not open this file.' }],
    });
  }
  core.throttle.recordSuccess();
  // Open first with a throwaway identity check: the DSL whose passphrase is being reset.
  const sqlite = openOrExplain(core, opened.dataKey);
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
  const now = nowIso(core.clock);
  await updateSlots(core.paths, {
    dataKey: opened.dataKey,
    now,
    passphraseFor: { userId: dslId, passphrase: input.newPassphrase },
    ...(core.kdfCost ? { cost: core.kdfCost } : {}),
  });
  await openFile(core, opened.dataKey, dslId, opened.fileId);
  const ctx = core.context();
  await ctx.db
    .transaction()
    .execute((trx) =>
      audit(trx, ctx, 'unlock.recovery', null, 'Unlocked with the recovery key; passphrase reset; a new recovery key offered'),
    );
  // The used key has been typed on this computer: offer a new one straight away. It replaces the
  // used one when its sheet is confirmed as stored.
  core.pendingRecoveryKey = { recoveryKey: generateRecoveryKey(), fileId: opened.fileId, createdAt: now, replacesCurrent: true };
  return status(core);
}

export async function lock(core: Core): Promise<SessionStatus> {
  if (core.open) await recordSessionEvent(core, 'lock', 'Locked');
  await core.closeFile();
  return status(core);
}

export async function changePassphrase(core: Core, input: z.output<typeof changePassphraseInput>): Promise<{ changed: true }> {
  const ctx = core.context();
  const open = core.open;
  if (!open) throw new ApiFailure('locked', 'Escalation Log is locked.');
  if (!(await withKeyFile(() => verifyPassphrase(core.paths, ctx.user.id, input.currentPassphrase)))) {
    throw fieldFailure(['currentPassphrase'], 'That is not your current passphrase.');
  }
  if (input.currentPassphrase === input.newPassphrase) {
    throw fieldFailure(['newPassphrase'], 'Choose a passphrase different from the current one.');
  }
  await updateSlots(core.paths, {
    dataKey: open.dataKey,
    now: nowIso(core.clock),
    passphraseFor: { userId: ctx.user.id, passphrase: input.newPassphrase },
    ...(core.kdfCost ? { cost: core.kdfCost } : {}),
  });
  await recordSessionEvent(core, 'passphrase.changed', 'Changed passphrase');
  return { changed: true };
}

export async function recoverySheet(core: Core): Promise<DocumentFile> {
  const ctx = core.context();
  const pending = core.pendingRecoveryKey;
  if (!pending) {
    throw new ApiFailure(
      'conflict',
      'A recovery key can only be printed straight after it is made. Make a new recovery key to print a new sheet.',
    );
  }
  const settings = await getSettings(ctx.db);
  const pdf = await renderRecoverySheet(core.fontsDir, {
    settingName: settings.setting_name,
    dslName: ctx.user.fullName,
    recoveryKey: pending.recoveryKey,
    createdAt: pending.createdAt,
    fileId: pending.fileId,
  });
  await recordSessionEvent(core, 'recovery.sheet', 'Printed the recovery sheet');
  return { fileName: 'Escalation Log recovery sheet.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

export async function confirmRecoveryKeyStored(core: Core, input: z.output<typeof confirmRecoveryKeyStoredInput>): Promise<SessionStatus> {
  const ctx = core.context();
  const pending = core.pendingRecoveryKey;
  const open = core.open;
  if (!pending || !open) throw new ApiFailure('conflict', 'There is no new recovery key waiting to be confirmed.');
  // Only now does a replacement key take the place of the old one in the key file.
  if (pending.replacesCurrent) {
    await updateSlots(core.paths, {
      dataKey: open.dataKey,
      now: nowIso(core.clock),
      recoveryKey: pending.recoveryKey,
      ...(core.kdfCost ? { cost: core.kdfCost } : {}),
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateSettings(trx, { recovery_key_confirmed_at: nowIso(core.clock), recovery_key_stored_where: input.storedWhere });
    await audit(
      trx,
      ctx,
      'recovery.confirmed',
      null,
      pending.replacesCurrent
        ? 'Confirmed the new recovery sheet is stored safely; the old recovery key no longer works'
        : 'Confirmed the recovery sheet is stored safely',
    );
  });
  core.pendingRecoveryKey = null;
  return status(core);
}

/** Makes a new recovery key to show once. The current key keeps working until the new sheet is confirmed as stored. */
export async function replaceRecoveryKey(core: Core): Promise<NewRecoveryKey> {
  const ctx = core.context();
  const open = core.open;
  if (!open) throw new ApiFailure('locked', 'Escalation Log is locked.');
  const now = nowIso(core.clock);
  const recoveryKey = generateRecoveryKey();
  // The key file always holds a recovery key (the one made at setup, at least): a new one replaces it.
  core.pendingRecoveryKey = { recoveryKey, fileId: open.fileId, createdAt: now, replacesCurrent: true };
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, 'recovery.new', null, 'Made a new recovery key (not in use until its sheet is confirmed as stored)'));
  return { recoveryKey, fileId: open.fileId };
}

/** Drops a new recovery key that was never confirmed: the one on the stored sheet stays in use. */
export async function keepCurrentRecoveryKey(core: Core): Promise<SessionStatus> {
  const ctx = core.context();
  const pending = core.pendingRecoveryKey;
  if (!pending?.replacesCurrent) throw new ApiFailure('conflict', 'There is no stored recovery key to keep: confirm the new one instead.');
  const settings = await getSettings(ctx.db);
  if (settings.recovery_key_confirmed_at === null)
    throw new ApiFailure('conflict', 'The current recovery key was never confirmed as stored: confirm the new one instead.');
  core.pendingRecoveryKey = null;
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, 'recovery.kept', null, 'Kept the stored recovery key; the new one was not used'));
  return status(core);
}

function openOrExplain(core: Core, dataKey: Buffer) {
  try {
    return openEncryptedDatabase(core.paths.database, dataKey, { create: false });
  } catch (error) {
    if (error instanceof DatabaseKeyError) {
      throw new ApiFailure('damaged_file', 'The key opened, but the records file did not: it may be damaged. Restore it from your backup.');
    }
    throw error;
  }
}

async function migrateOrExplain(db: Parameters<typeof migrateToLatest>[0]): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (error instanceof NewerFileError) throw new ApiFailure('newer_file', error.message);
    throw error;
  }
}

async function openFile(core: Core, dataKey: Buffer, userId: string, fileId: string): Promise<void> {
  const sqlite = openOrExplain(core, dataKey);
  const db = createKysely(sqlite);
  try {
    await migrateOrExplain(db);
    const user = await findUser(db, userId);
    if (!user || user.disabled_at !== null) {
      throw new ApiFailure('forbidden', 'This passphrase belongs to someone who no longer has access.');
    }
    const settings = await getSettings(db);
    core.open = {
      sqlite,
      db,
      dataKey,
      fileId,
      user: { id: user.id, fullName: user.full_name, role: user.role },
      lastActivityAt: core.clock().getTime(),
      idleLockMinutes: settings.idle_lock_minutes,
    };
  } catch (error) {
    await db.destroy();
    dataKey.fill(0);
    throw error;
  }
}

async function recordSessionEvent(core: Core, action: string, summary: string): Promise<void> {
  const ctx = core.context();
  await ctx.db.transaction().execute((trx) => audit(trx, ctx, action, null, summary));
}
