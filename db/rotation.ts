import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createKysely, openEncryptedDatabase, rekeyDatabase, type SqliteDatabase } from './connection';
import {
  fsyncDirectory,
  generateDataKey,
  isLegacySlot,
  serialiseKeySlotFile,
  wrapForSlot,
  writeFileAtomic,
  type AuditHead,
  type CurrentKeySlot,
  type KeySlot,
  type KeySlotFile,
  type SealedAuditHead,
} from './keyslots';
import { copyInto, quickCheck } from './queries/integrity';
import { getKeyState, setKeyGeneration } from './queries/key-state';
import { auditChainHead } from './queries/audit-log';
import type { DataPaths, CandidateKey } from './vault';
import type { Executor } from './queries/executor';

// Replacing the data key (rotation), crash-safely: killed at any point, the records open with the
// old key or the new one, never neither.
//
// SQLite3MultipleCiphers re-encrypts in place, and this library corrupts a WAL-mode file on rekey
// (better-sqlite3-multiple-ciphers issue 91); even in DELETE mode, an in-place rekey killed near its
// end left a file that neither key opened (3 of 25 kills when tried), because the new salt is
// already in the header while the old pages wait in the journal. So the live file is never rekeyed:
//
//   1. a consistent copy is made beside it (VACUUM INTO, still under the old key), opened in DELETE
//      journal mode, given the new generation (and the audit entry saying why), and rekeyed; then
//      reopened with the new key and checked page by page. Killed here: the copy is thrown away.
//   2. the next generation's key file is written (`escalation-log.keys.next.json`): every remaining
//      slot with the new key sealed to its public key. Killed here: the old key still opens the
//      records, so the next key file is thrown away at the next unlock.
//   3. the live file's journal goes to DELETE (its WAL folded in and removed, so no -wal can meet
//      the new file), it is closed, and the copy is renamed over it: the commit point.
//   4. the next key file becomes the current one and its previous generation; it is removed.
//      Killed before that: the next unlock finds that only the next key file's key opens the records,
//      and finishes the promotion (settleKeyFiles).
//
// The generation is in both files (key_state.generation, the key file's `generation`) so a person,
// or a test, can see which key applies. Slots from older key files (legacy, no public key) cannot
// be rewrapped without their passphrase and are left out of the new generation; their owners are
// named to the caller.

/** The moments between a rotation's durable steps, in order. */
export const ROTATION_STEPS = [
  'copy-made',
  'copy-rekeyed',
  'next-key-file-written',
  'live-closed',
  'committed',
  'previous-written',
  'promoted',
] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

export interface RotationResult {
  generation: number;
  dataKey: Buffer;
  keyFile: KeySlotFile;
  /** People (and the recovery key, userId null) whose old-style slots could not be carried over. */
  droppedLegacySlots: { userId: string | null; kind: KeySlot['kind'] }[];
  /** How long each step took, in milliseconds (for the README's figures and the hand-over). */
  timings: { copy: number; rekey: number; swap: number };
  /** False when the new key file could not yet be made the current one (it is, at the next unlock). */
  promoted: boolean;
}

function removeWithCompanions(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** At start and at unlock: a re-encrypted copy never renamed into place is an unfinished rotation (its copy is useless). */
export function removeUnfinishedRotationCopy(paths: DataPaths): void {
  removeWithCompanions(paths.rotatingDatabase);
}

/**
 * Rotates the data key of the open records file. `live` is the open connection (under `oldKey`);
 * `closeLive` closes it (the session's connection) once the copy is ready; `inCopy` writes into the
 * copy before it is rekeyed (the audit entry). The caller reopens the records with the returned key.
 * On any failure before the commit point, the live file, its key and the key files are as they were
 * (the caller reopens with the old key); after it, the rotation is complete.
 */
export async function rotateDataKey(input: {
  paths: DataPaths;
  live: SqliteDatabase;
  oldKey: Buffer;
  keys: KeySlotFile;
  removeUsers: string[];
  now: string;
  closeLive: () => Promise<void>;
  /** Writes into the copy, in the transaction that gives it its generation: the audit entry, the seal over the slots it keeps. */
  inCopy: (db: Executor, generation: number, keptSlots: KeySlot[]) => Promise<void>;
  /** The seal key, when a DSL rotates: the audit log's end is signed for the new key file too. */
  sealHead?: (head: AuditHead) => SealedAuditHead;
  /** Called after each durable step (tests copy the folder there, as a crash at that moment would leave it). */
  onStep?: (step: RotationStep) => void;
}): Promise<RotationResult> {
  const { paths } = input;
  const newKey = generateDataKey();
  const generation = input.keys.generation + 1;
  const timings = { copy: 0, rekey: 0, swap: 0 };
  let committed = false;
  // The slots the new generation keeps: every slot with a public key, but the removed people's.
  const removed = new Set(input.removeUsers);
  const droppedLegacySlots: RotationResult['droppedLegacySlots'] = [];
  const kept: CurrentKeySlot[] = [];
  for (const slot of input.keys.slots) {
    if (slot.kind === 'passphrase' && slot.userId !== null && removed.has(slot.userId)) continue;
    if (isLegacySlot(slot)) droppedLegacySlots.push({ userId: slot.userId, kind: slot.kind });
    else kept.push(slot);
  }
  if (!kept.some((slot) => slot.kind === 'passphrase')) {
    newKey.fill(0);
    throw new Error('No one would be left able to open the records.');
  }
  try {
    removeWithCompanions(paths.rotatingDatabase);
    rmSync(paths.nextKeySlots, { force: true });

    // 1. The copy, its new generation, rekeyed and checked.
    let started = performance.now();
    copyInto(input.live, paths.rotatingDatabase);
    timings.copy = performance.now() - started;
    input.onStep?.('copy-made');
    started = performance.now();
    let head: AuditHead = { seq: 0, hash: '0'.repeat(64) };
    {
      const copy = openEncryptedDatabase(paths.rotatingDatabase, input.oldKey, { create: false, journal: 'delete' });
      const db = createKysely(copy);
      try {
        await db.transaction().execute(async (trx) => {
          await setKeyGeneration(trx, generation, input.now);
          await input.inCopy(trx, generation, kept);
        });
        head = await auditChainHead(db);
        rekeyDatabase(copy, newKey);
      } finally {
        await db.destroy();
      }
    }
    {
      const check = openEncryptedDatabase(paths.rotatingDatabase, newKey, { create: false, journal: 'delete' });
      const db = createKysely(check);
      try {
        if (quickCheck(check).length > 0) throw new Error('The re-encrypted copy did not pass its check.');
        if ((await getKeyState(db)).generation !== generation) throw new Error('The re-encrypted copy does not carry its new generation.');
      } finally {
        await db.destroy();
      }
    }
    timings.rekey = performance.now() - started;
    input.onStep?.('copy-rekeyed');

    // 2. The next generation's key file: every kept slot with the new key sealed to its public key.
    const slots: KeySlot[] = kept.map((slot) => ({ ...slot, wrap: wrapForSlot(newKey, slot, input.keys.fileId, generation) }));
    const sealed = input.sealHead?.(head);
    const nextFile: KeySlotFile = {
      ...input.keys,
      version: 3,
      generation,
      revision: input.keys.revision + 1,
      writtenAt: input.now,
      auditHead: head,
      ...(sealed ? { sealedAuditHead: sealed } : {}),
      slots,
    };
    const nextText = serialiseKeySlotFile(nextFile);
    writeFileAtomic(paths.nextKeySlots, nextText);
    input.onStep?.('next-key-file-written');

    // 3. The commit point: the live file closed with no WAL left beside it, the copy renamed over it.
    started = performance.now();
    await input.closeLive();
    input.onStep?.('live-closed');
    if (existsSync(`${paths.database}-wal`))
      throw new Error('The records file still has a write-ahead log: the new copy was not put in place.');
    rmSync(`${paths.database}-shm`, { force: true });
    renameSync(paths.rotatingDatabase, paths.database);
    fsyncDirectory(paths.dir);
    committed = true;
    input.onStep?.('committed');

    // 4. The next key file becomes the current one (and its previous generation). If that fails (a
    // full disk), the rotation is still complete: the next unlock finds the next key file's key opens
    // the records, and promotes it then.
    let promoted = true;
    try {
      promoteNextKeyFile(paths, nextText, input.onStep);
    } catch {
      promoted = false;
    }
    timings.swap = performance.now() - started;
    return { generation, dataKey: newKey, keyFile: nextFile, droppedLegacySlots, timings, promoted };
  } catch (error) {
    if (!committed) {
      newKey.fill(0);
      removeWithCompanions(paths.rotatingDatabase);
      rmSync(paths.nextKeySlots, { force: true });
    }
    throw error;
  }
}

/** The next generation's key file put in place as the current one and its previous generation, then removed. */
function promoteNextKeyFile(paths: DataPaths, text: string | Buffer, onStep?: (step: RotationStep) => void): void {
  writeFileAtomic(paths.previousKeySlots, text);
  onStep?.('previous-written');
  writeFileAtomic(paths.keySlots, text);
  rmSync(paths.nextKeySlots, { force: true });
  fsyncDirectory(paths.dir);
  onStep?.('promoted');
}

/**
 * At unlock, after finding which key file's key opens the records: a rotation that passed its commit
 * point is finished (the next key file promoted), and one that did not is undone (its next key file
 * and copy removed). Returns what was done, for the person to be told.
 */
export function settleKeyFiles(paths: DataPaths, opened: CandidateKey): 'nothing' | 'finished' | 'undone' {
  let done: 'nothing' | 'finished' | 'undone' = 'nothing';
  if (opened.source === 'next') {
    promoteNextKeyFile(paths, readFileSync(paths.nextKeySlots));
    done = 'finished';
  } else if (existsSync(paths.nextKeySlots)) {
    rmSync(paths.nextKeySlots, { force: true });
    fsyncDirectory(paths.dir);
    done = 'undone';
  }
  removeWithCompanions(paths.rotatingDatabase);
  return done;
}
