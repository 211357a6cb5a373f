import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { createKysely, openEncryptedDatabase, DatabaseKeyError, type SqliteDatabase } from '../../../db/connection';
import { migrateToLatest, NewerFileError } from '../../../db/migrate';
import { KeySlotFileError, keyFileProblemWords, newSealKey } from '../../../db/keyslots';
import {
  dataFolderState,
  KeyFilesUnusableError,
  loadKeySlots,
  putSlots,
  repairCurrentKeyFile,
  SlotAlteredError,
  type CandidateKey,
  type LoadedKeySlots,
  type OpenedSlot,
} from '../../../db/vault';
import { settleKeyFiles } from '../../../db/rotation';
import { findUser } from '../../../db/queries/users';
import { getSettings } from '../../../db/queries/settings';
import { quickCheck } from '../../../db/queries/integrity';
import { getKeyState, listSeals } from '../../../db/queries/key-state';
import { confirmedRecoverySlot, setConfirmedRecoverySlot } from '../../../db/queries/key-checks';
import { formatUkDateTime } from '../../../shared/deadlines/uk-format';
import { ApiFailure } from '../../../shared/result';
import type { SessionUser } from '../../../shared/schemas/session';
import { audit, nowIso } from '../services/context';
import { lastBackupHint } from '../services/backups';
import { checkRecordsIntegrity, recordFindings } from '../services/integrity';
import { RecordsMemory } from './records-memory';
import { deadlinesAtUnlock } from '../services/deadlines/upkeep';
import { damagedMessage, storageFailure } from '../storage-errors';
import { recordHeadInKeyFile, rotateOpenFile, sealAccessNow, upgradeSlotAtUnlock, type RotationDone } from './key-changes';
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

export const ALTERED_SLOT =
  'That passphrase is right, but its key slot in the key file (escalation-log.keys.json) has been altered outside Escalation Log (who it belongs to, or what it holds, no longer matches), so it was not used. This is not counted as a wrong attempt. The Designated Safeguarding Lead should sign in, or use the recovery key, and then look at Settings, Passphrase and security.';

/**
 * Runs a key-file read, answering key files that cannot be used as `damaged_file` (never as a wrong
 * passphrase), and a slot altered after it was written as tampering (not a wrong passphrase either).
 */
export async function withKeyFile<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof KeyFilesUnusableError) throw new ApiFailure('damaged_file', keyFilesMessage(error));
    if (error instanceof KeySlotFileError) throw new ApiFailure('damaged_file', DAMAGED_KEYS);
    if (error instanceof SlotAlteredError) throw new ApiFailure('damaged_file', ALTERED_SLOT);
    throw error;
  }
}

function damaged(session: Session): ApiFailure {
  return new ApiFailure('damaged_file', damagedMessage(lastBackupHint(session.paths)));
}

/**
 * Tries each key on the records file (one key, or two while a rotation is being settled): the first
 * that opens it is the one that applies. Its every page is then checked (quick_check). The damage, a
 * read-only folder or a full disk is named; a file no key opens is damaged.
 */
export function openWithCandidates<T extends { dataKey: Buffer }>(
  session: Session,
  candidates: T[],
): { sqlite: SqliteDatabase; chosen: T } {
  for (const candidate of candidates) {
    let sqlite: SqliteDatabase;
    try {
      sqlite = openEncryptedDatabase(session.paths.database, candidate.dataKey, { create: false });
    } catch (error) {
      if (error instanceof DatabaseKeyError) continue;
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
    return { sqlite, chosen: candidate };
  }
  // The key came from a slot that opened, so a file it does not open is a damaged file.
  throw damaged(session);
}

/** Opens the records file and checks every page; the damage, a read-only folder or a full disk is named. */
export function openOrExplain(session: Session, dataKey: Buffer): SqliteDatabase {
  return openWithCandidates(session, [{ dataKey }]).sqlite;
}

const SETTLED: Record<'finished' | 'undone', string> = {
  finished: "A replacement of the records' key was interrupted (the computer stopped part-way through); it has now been finished.",
  undone:
    "A replacement of the records' key was interrupted before it took effect (the computer stopped part-way through): the records were as they were, and the key is replaced again now.",
};

/**
 * The slot that opened, turned into an open records file: the key that opens it chosen, and a
 * rotation a crash left half-done settled from which one that was (db/rotation.ts). The other keys
 * are zeroed. Returns the key files as they now are, and what to tell the person.
 */
export function chooseAndSettle(
  session: Session,
  opened: OpenedSlot,
  keys: LoadedKeySlots,
): { sqlite: SqliteDatabase; chosen: CandidateKey; keys: LoadedKeySlots; notices: string[] } {
  const { sqlite, chosen } = openWithCandidates(session, opened.candidates);
  const notices: string[] = [];
  let settled: LoadedKeySlots = { ...keys, file: chosen.file };
  delete settled.next;
  try {
    const done = settleKeyFiles(session.paths, chosen);
    if (done !== 'nothing') notices.push(SETTLED[done]);
    settled = chosen.source === 'next' ? { file: chosen.file, from: 'current' } : loadKeySlots(session.paths);
  } catch {
    // A read-only folder: the key that opens the records is used, and the files are settled next time.
  }
  return { sqlite, chosen, keys: settled, notices };
}

export async function migrateOrExplain(db: Parameters<typeof migrateToLatest>[0]): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (error instanceof NewerFileError) throw new ApiFailure('newer_file', error.message);
    throw error;
  }
}

const FORGED_DSL =
  'This passphrase opens a key slot that was not issued to a Designated Safeguarding Lead, though the records now say its owner is one: the records or the key file were changed outside Escalation Log. The records were not opened. The Designated Safeguarding Lead should sign in (or use the recovery key) and check Settings, Passphrase and security.';

/** What opening the records needs: the key, whose session it is, and what the unlock found on the way. */
export interface Opening {
  dataKey: Buffer;
  userId: string;
  fileId: string;
  /** Already opened (and checked) by chooseAndSettle. */
  sqlite?: SqliteDatabase;
  keys?: LoadedKeySlots;
  /** The seal key from the slot that opened (the session owns it from here and zeroes it). */
  sealKey: Buffer | null;
  /** The slot used and the text that opened it, to upgrade it if it is an older kind or cheaper than this computer's cost. */
  slot?: { opened: OpenedSlot; text: string };
  notices?: string[];
  /** A change to make after the checks (the recovery key's passphrase reset), with the file open. */
  afterChecks?: () => Promise<void>;
  /** The seal key is already in the person's slot (set-up's, or one that unsealed it): a file never sealed may be sealed with it. */
  sealKeyInSlot?: boolean;
}

/**
 * Opens the records file for the person whose slot was unlocked; every key is zeroed if anything fails.
 * After it opens: the key file is put back from its previous generation if that had to be used; a
 * DSL's slot must hold the seal key once the file is sealed (else it was not issued to a DSL); the
 * integrity checks run (services/integrity.ts) and anything found is said and logged; the slot used
 * is upgraded if needed; a DSL seals a file never sealed; a rotation owed is made; failed attempts
 * since the last unlock are logged; and the audit log's end is written into the key file.
 */
export async function openFile(session: Session, opening: Opening): Promise<void> {
  const { dataKey, userId, fileId, keys } = opening;
  let sealKey = opening.sealKey;
  let sqlite: SqliteDatabase;
  try {
    sqlite = opening.sqlite ?? openOrExplain(session, dataKey);
  } catch (error) {
    dataKey.fill(0);
    sealKey?.fill(0);
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
    const keyState = await getKeyState(db);
    const sealed = (await listSeals(db)).length > 0;
    const now = nowIso(session.clock);
    const who: SessionUser = { id: user.id, fullName: user.full_name, role: user.role };
    if (user.role !== 'dsl') {
      sealKey?.fill(0);
      sealKey = null;
    } else if (!sealKey && sealed) {
      // A deputy or read-only user who made herself DSL in the users table, or forged a slot for the
      // DSL's id, has no seal key in her slot: refused, and logged for the real DSL to see.
      await recordFindings(db, { user: who, clock: session.clock }, [
        `Someone tried to open the records as ${user.full_name} (Designated Safeguarding Lead) with a key slot that was not issued to a Designated Safeguarding Lead; they were refused.`,
      ]).catch(() => false);
      throw new ApiFailure('forbidden', FORGED_DSL);
    }
    const warnings: string[] = [...(opening.notices ?? [])];
    if (keys?.from === 'previous') warnings.push(repairKeyFile(session, keys, now));
    if (keys && keyState.generation !== keys.file.generation) {
      warnings.push(
        `The records file says its key is generation ${keyState.generation}, but the key file says ${keys.file.generation}. The records opened; make a backup, and tell your IT support.`,
      );
    }
    if (user.role === 'dsl' && keys && settings.recovery_key_confirmed_at !== null) {
      const warning = await checkRecoverySlot(db, keys, now);
      if (warning) warnings.push(warning);
    }
    session.open({
      sqlite,
      db,
      dataKey,
      fileId,
      generation: keyState.generation,
      sealKey,
      user: who,
      lastActivityAt: session.clock().getTime(),
      idleLockMinutes: settings.idle_lock_minutes,
      warnings,
      // The open file's connection as it is at each check (replacing the records' key reopens it).
      recordsMemory: new RecordsMemory(() => session.requireOpen().sqlite),
    });
  } catch (error) {
    if (session.current?.db === db) {
      await closeQuietly(session);
    } else {
      await db.destroy().catch(() => undefined);
      dataKey.fill(0);
      sealKey?.fill(0);
    }
    throw storageFailure(error, () => lastBackupHint(session.paths)) ?? error;
  }
  try {
    await afterOpen(session, opening);
  } catch (error) {
    await closeQuietly(session);
    throw storageFailure(error, () => lastBackupHint(session.paths)) ?? error;
  }
}

/** Everything openFile does once the session holds the file (see there). */
async function afterOpen(session: Session, opening: Opening): Promise<void> {
  const open = session.requireOpen();
  const actor = { user: open.user, clock: session.clock };
  const keys = opening.keys;
  if (keys?.from === 'previous') {
    await open.db
      .transaction()
      .execute((trx) => audit(trx, actor, 'keys.repaired', null, 'Unlocked with the previous generation of the key file and put it back'));
  }
  // The checks, on the file as it was found (before anything below changes it).
  const keyFile = keys?.file ?? loadKeySlots(session.paths).file;
  const stamp = open.recordsMemory.stamp();
  const report = await checkRecordsIntegrity(open.db, { keys: keyFile, sealKey: open.sealKey });
  session.lastIntegrity = { ...report, at: nowIso(session.clock) };
  // That walked the whole audit log's chain from its first entry, the same walk the termly audit's
  // records check makes, so the session remembers how far it is intact and that check starts from
  // there. Documents' bytes are not read at unlock, so none are remembered as verified. The stamp was
  // read before the walk: a commit by another connection since then makes the next check walk it all.
  open.recordsMemory.remember(stamp, { chain: report.verified.chain, documents: [] });
  if (report.findings.length > 0) {
    await recordFindings(open.db, actor, report.findings);
    open.warnings.push(integrityWarning(report.findings, open.user.role === 'dsl'));
  }
  // The deadlines kept as data (migration 0011): worked out from the records at the first unlock
  // after the migration (it cannot use the app's rules) or after an update changed them; in a debug
  // run (ESCALATION_LOG_CHECK_DEADLINES=1) also checked against the records, and said if they differ.
  const deadlines = await deadlinesAtUnlock(open.db, session.clock, { check: process.env.ESCALATION_LOG_CHECK_DEADLINES === '1' });
  if (deadlines.differences.length > 0) {
    console.error(`Deadlines kept as data differed from the records:\n${deadlines.differences.join('\n')}`);
    open.warnings.push(
      `Debug check: ${deadlines.differences.length} deadline${deadlines.differences.length === 1 ? '' : 's'} kept as data differed from the records (listed on the console); they were worked out again.`,
    );
  }
  if (report.orphanSlots.length > 0) {
    // Slots naming no one in the records: left by an adding of someone that never finished. They can't sign anyone in; removed.
    try {
      putSlots(session.paths, { dataKey: open.dataKey, now: nowIso(session.clock), fileId: open.fileId, dropSlotIds: report.orphanSlots });
    } catch {
      // Removed at a later unlock.
    }
  }
  if (session.failedUnlocks.length > 0) {
    const failed = session.failedUnlocks;
    session.failedUnlocks = [];
    const words =
      failed.length === 1
        ? `1 failed attempt to unlock since the last unlock (at ${formatUkDateTime(failed[0] ?? '')})`
        : `${failed.length} failed attempts to unlock since the last unlock (the first at ${formatUkDateTime(failed[0] ?? '')}, the last at ${formatUkDateTime(failed[failed.length - 1] ?? '')})`;
    await open.db.transaction().execute((trx) => audit(trx, { user: null, clock: session.clock }, 'unlock.failed', null, words));
  }
  await opening.afterChecks?.();
  // A DSL opening a file never sealed (one made before seals existed) seals it now.
  const state = await getKeyState(open.db);
  if (open.user.role === 'dsl' && (await listSeals(open.db)).length === 0) {
    open.sealKey ??= newSealKey();
  }
  // Whether the seal key is kept in this person's slot (else a seal made with it could never be checked again).
  let sealKeyKept = opening.sealKeyInSlot ?? false;
  if (opening.slot) {
    try {
      const upgraded = await upgradeSlotAtUnlock(session, opening.slot.opened, opening.slot.text, open.sealKey);
      if (upgraded && open.sealKey && opening.slot.opened.slot.kind === 'passphrase') sealKeyKept = true;
    } catch {
      // Not upgraded this time (a read-only folder): the slot still opens, and is upgraded at the next unlock.
    }
  }
  if (open.sealKey && sealKeyKept && (await listSeals(open.db)).length === 0) {
    const sealKey = open.sealKey;
    const slots = loadKeySlots(session.paths).file.slots;
    await open.db.transaction().execute((trx) => sealAccessNow(trx, sealKey, open.fileId, slots, actor));
    // Sealed just now, as it is: what the checks say about it.
    if (session.lastIntegrity?.access === 'unsealed') session.lastIntegrity.access = 'verified';
  }
  if (state.rotationDue) {
    const done = await rotateOpenFile(session, { summary: `Finished a key replacement that had been interrupted (${state.rotationDue}).` });
    session.requireOpen().warnings.push(rotationWords(done, true));
  }
  await recordHeadInKeyFile(session);
}

/** What the person is told when the checks found something: loudly, with what to do. */
export function integrityWarning(findings: string[], dsl: boolean): string {
  return `Escalation Log found signs that the records or the key file were changed outside Escalation Log. ${findings.join(' ')} This has been written to the audit log. ${
    dsl
      ? 'If you did not expect this: make a backup now (so nothing more is lost), read the audit log (Settings, Audit log), and restore a backup made before the change if records were altered. Tell your data protection officer.'
      : 'Tell the Designated Safeguarding Lead straight away.'
  }`;
}

/** What a rotation says to the person: that it happened, what it means, and anyone not carried over. */
export function rotationWords(done: RotationDone, resumed: boolean): string {
  const base = resumed
    ? `The records' key was replaced (key generation ${done.generation}), finishing a replacement that had been interrupted.`
    : `The records' key was replaced (key generation ${done.generation}) in ${done.seconds} seconds.`;
  const notCarried =
    done.notCarried.length > 0
      ? ` These could not be carried over to the new key, because their key slots are from an older version of Escalation Log and can't be changed without their passphrase: ${done.notCarried.join(', ')}. Add them again in Settings, People${done.notCarried.includes('the recovery key') ? ', and make a new recovery key in Settings, Passphrase and security' : ''}.`
      : '';
  return `${base}${notCarried}`;
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
