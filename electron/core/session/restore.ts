import { existsSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { createKysely, openEncryptedDatabase, openEncryptedReadOnly, DatabaseKeyError } from '../../../db/connection';
import { BackupSetError, readManifest, SET_FILES, verifySetFiles, type BackupManifest } from '../../../db/backup-set';
import { KeySlotFileError } from '../../../db/keyslots';
import { migrations as knownMigrations } from '../../../db/migrations';
import { commitRestore, discardStaged, restorePaths, stageRestore } from '../../../db/restore-swap';
import { writeFileAtomic } from '../../../db/keyslots';
import {
  dataFolderState,
  ensureDataDir,
  loadKeySlots,
  parseKeyFileBytes,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type LoadedKeySlots,
} from '../../../db/vault';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import {
  appliedMigrations,
  auditHead,
  integrityCheck,
  quickCheck,
  newestAuditTime,
  roleOf,
  rowCounts,
  settingName,
} from '../../../db/queries/integrity';
import { formatLondonFileStamp } from '../../../shared/deadlines';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import type {
  confirmRestoreInput,
  KeyFileRecovered,
  openBackupSetInput,
  recoverKeyFileInput,
  RestoreDone,
  RestorePreview,
} from '../../../shared/schemas/backups';
import { audit, nowIso } from '../services/context';
import type { Session } from './session';

// Restore: pick a set, unlock it with a DSL's passphrase (as it was when the set was made) or the
// recovery key, and check it before anything changes: the manifest and every file's SHA-256, the
// set belongs to this setting (not another's), it is not from a newer version, `PRAGMA
// integrity_check`, the audit chain intact and ending where the manifest says, the row counts
// the manifest lists. Only then is it staged beside the live files and shown (counts, newest record,
// date); the DSL confirms, and the live files are moved aside into a named folder as the set takes
// their place (db/restore-swap.ts: crash-safe). Nothing is deleted. Afterwards the file is locked:
// the DSL unlocks the restored records with the passphrase that was theirs when the set was made.
//
// Who may restore: while the records are open, only the DSL; while locked (or on a new computer),
// whoever unlocks the set with a DSL's passphrase or the recovery key. That is why these methods
// are `public-or-dsl` in the contract: the dispatcher refuses anyone else while the records are open.

function refuse(message: string): ApiFailure {
  return new ApiFailure('backup_refused', `This backup set cannot be restored: ${message} Nothing has been changed.`);
}

function setDirectory(folder: string, setName: string): string {
  const base = resolve(folder);
  const dir = resolve(base, setName);
  if (resolve(dir, '..') !== base) throw fieldFailure(['setName'], 'Choose a backup set from the list.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw fieldFailure(['setName'], `There is no backup set called "${setName}" in ${folder}.`);
  }
  return dir;
}

function readSet(dir: string): BackupManifest {
  try {
    const manifest = readManifest(dir);
    verifySetFiles(dir, manifest);
    return manifest;
  } catch (error) {
    if (error instanceof BackupSetError) {
      if (error.reason === 'newer') throw new ApiFailure('newer_file', error.message);
      throw refuse(error.message);
    }
    throw error;
  }
}

/** The set's key file, or its previous generation if the first is damaged. */
function setKeys(dir: string, manifest: BackupManifest): LoadedKeySlots {
  for (const [name, from] of [
    [SET_FILES.keys, 'current'],
    [SET_FILES.previousKeys, 'previous'],
  ] as const) {
    if (!manifest.files[name]) continue;
    try {
      return { file: parseKeyFileBytes(readFileSync(join(dir, name))), from };
    } catch (error) {
      if (!(error instanceof KeySlotFileError)) throw error;
    }
  }
  throw refuse('its key file is damaged.');
}

/** The id of the records on this computer, or null when there are none (a new computer) or their key file can't be read. */
function liveFileId(session: Session): string | null {
  const state = dataFolderState(session.paths);
  if (state === 'empty') return null;
  try {
    return loadKeySlots(session.paths).file.fileId;
  } catch {
    return null;
  }
}

const count = (counts: Record<string, number>, table: string) => counts[table] ?? 0;

async function openBackupSet(session: Session, input: z.output<typeof openBackupSetInput>): Promise<RestorePreview> {
  session.disposePendingRestore();
  const wait = session.throttle.retryAfterSeconds();
  if (wait > 0) {
    throw new ApiFailure('rate_limited', `Too many wrong attempts. Wait ${wait} seconds, then try again.`, { retryAfterSeconds: wait });
  }
  const dir = setDirectory(input.folder, input.setName);
  const manifest = readSet(dir);
  const unknown = manifest.migrations.filter((name) => !(name in knownMigrations));
  if (unknown.length > 0) {
    throw new ApiFailure(
      'newer_file',
      'This backup set was made by a newer version of Escalation Log. Install the newer version to restore it. Nothing has been changed.',
    );
  }
  const live = liveFileId(session);
  if (live !== null && live !== manifest.fileId) {
    throw refuse("it is a backup of another setting's records, not of the records on this computer.");
  }
  const keys = setKeys(dir, manifest);
  if (keys.file.fileId !== manifest.fileId) throw refuse('its key file belongs to other records.');

  let dataKey: Buffer;
  let userId: string | null = null;
  if (input.recoveryKey) {
    const opened = await unlockWithRecoveryKey(session.paths, input.recoveryKey, keys);
    if (opened === 'malformed')
      throw fieldFailure(['recoveryKey'], 'A recovery key is 52 letters and numbers in groups of four. Check it against the sheet.');
    if (opened === null) {
      session.throttle.recordFailure();
      throw new ApiFailure('wrong_recovery_key', 'That recovery key does not open this backup set.', {
        issues: [{ path: ['recoveryKey'], message: 'That recovery key does not open this backup set.' }],
      });
    }
    dataKey = opened.dataKey;
  } else {
    const opened = await unlockWithPassphrase(session.paths, input.passphrase ?? '', keys);
    if (!opened) {
      session.throttle.recordFailure();
      const message =
        'That passphrase does not open this backup set. Use the passphrase the Designated Safeguarding Lead had when it was made, or the recovery key.';
      throw new ApiFailure('wrong_passphrase', message, { issues: [{ path: ['passphrase'], message }] });
    }
    dataKey = opened.dataKey;
    userId = opened.userId;
  }
  session.throttle.recordSuccess();

  try {
    ensureDataDir(session.paths);
    stageRestore(session.paths, dir, manifest);
    const preview = checkStaged(session, dataKey, manifest, userId, input.setName);
    session.pendingRestore = {
      folder: resolve(input.folder),
      setName: input.setName,
      madeAt: manifest.madeAt,
      dataKey,
      dispose: () => {
        dataKey.fill(0);
        discardStaged(session.paths);
      },
    };
    const folder = dataFolderState(session.paths);
    return {
      ...preview,
      replaces: live === null && folder === 'empty' ? 'nothing' : 'live-records',
      canRecoverKeyFileOnly: liveKeysUnusable(session) && liveFileOpensWith(session, dataKey),
    };
  } catch (error) {
    dataKey.fill(0);
    discardStaged(session.paths);
    throw error;
  }
}

function checkStaged(
  session: Session,
  dataKey: Buffer,
  manifest: BackupManifest,
  userId: string | null,
  setName: string,
): Omit<RestorePreview, 'replaces' | 'canRecoverKeyFileOnly'> {
  const stagedPath = `${session.paths.database}.restoring`;
  let sqlite;
  try {
    sqlite = openEncryptedReadOnly(stagedPath, dataKey);
  } catch (error) {
    if (error instanceof DatabaseKeyError) throw refuse('its records file does not open with its own key (it is damaged).');
    throw refuse('its records file cannot be read (it is damaged).');
  }
  try {
    let problems: string[];
    try {
      problems = integrityCheck(sqlite);
    } catch {
      problems = ['unreadable'];
    }
    if (problems.length > 0) throw refuse('its records file is damaged (the integrity check failed).');
    const migrations = appliedMigrations(sqlite);
    if (migrations.some((name) => !(name in knownMigrations))) {
      throw new ApiFailure(
        'newer_file',
        'This backup set was made by a newer version of Escalation Log. Install the newer version to restore it. Nothing has been changed.',
      );
    }
    const head = auditHead(sqlite);
    if (head.seq !== manifest.auditHead.seq || head.hash !== manifest.auditHead.hash) {
      throw refuse('its audit log does not end where its manifest says (records may be missing).');
    }
    const counts = rowCounts(sqlite);
    for (const [table, expected] of Object.entries(manifest.rowCounts)) {
      if (count(counts, table) !== expected) throw refuse(`it holds a different number of ${table.replace(/_/g, ' ')} from its manifest.`);
    }
    if (userId !== null && roleOf(sqlite, userId) !== 'dsl') {
      throw new ApiFailure('forbidden', 'Only the Designated Safeguarding Lead (or the recovery key) can restore a backup.');
    }
    return {
      setName,
      madeAt: manifest.madeAt,
      settingName: settingName(sqlite),
      counts: {
        children: count(counts, 'children'),
        escalations: count(counts, 'escalations'),
        referrals: count(counts, 'referrals'),
        documents: count(counts, 'documents'),
        auditEntries: count(counts, 'audit_log'),
      },
      newestRecordAt: newestAuditTime(sqlite),
      checks: [
        'Every file matches its fingerprint (SHA-256) in the manifest.',
        'The records file passed SQLite\u2019s full integrity check.',
        'The audit log\u2019s hash chain is intact and ends where the manifest says.',
        'The number of records matches the manifest.',
      ],
    };
  } finally {
    sqlite.close();
  }
}

/** Verifies the audit chain of the staged copy (async: the chain check is a Kysely query). */
async function stagedChainIntact(stagedPath: string, dataKey: Buffer): Promise<boolean> {
  const sqlite = openEncryptedReadOnly(stagedPath, dataKey);
  const db = createKysely(sqlite);
  try {
    return (await verifyAuditChain(db)).intact;
  } finally {
    await db.destroy();
  }
}

export async function openBackupSetChecked(session: Session, input: z.output<typeof openBackupSetInput>): Promise<RestorePreview> {
  const preview = await openBackupSet(session, input);
  const pending = session.pendingRestore;
  if (!pending) throw new Error('The staged restore went missing.');
  let intact: boolean;
  try {
    intact = await stagedChainIntact(`${session.paths.database}.restoring`, pending.dataKey);
  } catch {
    intact = false;
  }
  if (!intact) {
    session.disposePendingRestore();
    throw refuse('its audit log has been changed (the hash chain is broken).');
  }
  return preview;
}

/** The records file is here, but neither its key file nor the previous generation can be used. */
function liveKeysUnusable(session: Session): boolean {
  if (!existsSync(session.paths.database)) return false;
  try {
    loadKeySlots(session.paths);
    return false;
  } catch {
    return true;
  }
}

/** Whether the records file on this computer opens, whole, with this key (the set's key file is then the live file's too). */
function liveFileOpensWith(session: Session, dataKey: Buffer): boolean {
  try {
    const sqlite = openEncryptedReadOnly(session.paths.database, dataKey);
    try {
      return quickCheck(sqlite).length === 0;
    } finally {
      sqlite.close();
    }
  } catch {
    return false;
  }
}

/**
 * When only the key files are lost: the set's key file (checked: it opens the records file on this
 * computer, whole) is put back beside the records, which are kept as they are, with every record made
 * since the backup. Passphrases are as they were when the backup was made.
 */
export function recoverKeyFileOnly(session: Session, _input: z.output<typeof recoverKeyFileInput>): Promise<KeyFileRecovered> {
  const pending = session.pendingRestore;
  if (!pending) throw new ApiFailure('conflict', 'Choose a backup set and unlock it first.');
  if (!liveKeysUnusable(session) || !liveFileOpensWith(session, pending.dataKey)) {
    throw new ApiFailure('conflict', "This backup's key file cannot be used on its own here: restore the whole backup instead.");
  }
  const staged = restorePaths(session.paths);
  const keys = readFileSync(staged.keys);
  // The current key file and its previous generation both become the set's: both were unusable.
  writeFileAtomic(session.paths.previousKeySlots, keys);
  writeFileAtomic(session.paths.keySlots, keys);
  session.disposePendingRestore();
  session.lockNotice = null;
  return Promise.resolve({ recoveredFrom: pending.setName });
}

export async function confirmRestore(session: Session, _input: z.output<typeof confirmRestoreInput>): Promise<RestoreDone> {
  const pending = session.pendingRestore;
  if (!pending) throw new ApiFailure('conflict', 'Choose a backup set and unlock it first.');
  const now = nowIso(session.clock);
  const open = session.current;
  if (open) {
    // The live file records that it was replaced, then closes (it is kept aside, not deleted).
    try {
      await open.db
        .transaction()
        .execute((trx) =>
          audit(trx, { user: open.user, clock: session.clock }, 'restore.replaced', null, `Replaced by the backup set ${pending.setName}`),
        );
    } catch {
      // A full disk or a damaged live file must not stop the restore that mends it.
    }
    const keep = session.pendingRestore;
    session.pendingRestore = null;
    try {
      await session.close();
    } catch {
      // Closed whatever happened (Session.close always drops the key).
    }
    session.pendingRestore = keep;
  }
  const hadLive = dataFolderState(session.paths) !== 'empty';
  const asideName = `Replaced by restore ${formatLondonFileStamp(now)}`;
  const aside = commitRestore(session.paths, asideName, now);
  if (!hadLive || isEmptyDir(aside)) removeIfEmpty(aside);
  // The restored file records where it came from, under the person who restored it (or none, for the recovery key).
  try {
    const sqlite = openEncryptedDatabase(session.paths.database, pending.dataKey, { create: false });
    const db = createKysely(sqlite);
    try {
      await db
        .transaction()
        .execute((trx) =>
          audit(
            trx,
            { user: open?.user ?? null, clock: session.clock },
            'restore.done',
            null,
            `Restored from the backup set ${pending.setName} in ${pending.folder}`,
          ),
        );
    } finally {
      await db.destroy();
    }
  } catch {
    // The records are in place; the note in the log is not worth failing the restore for.
  }
  pending.dataKey.fill(0);
  session.pendingRestore = null;
  session.lockNotice = null;
  return { restoredFrom: pending.setName, keptAsideIn: hadLive ? aside : null };
}

export function cancelRestore(session: Session): Promise<{ cancelled: true }> {
  session.disposePendingRestore();
  return Promise.resolve({ cancelled: true });
}

function isEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or already gone.
  }
}
