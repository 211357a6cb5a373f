import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  generateDataKey,
  fsyncDirectory,
  KeySlotFileError,
  newKeySlotFile,
  parseKeySlotFile,
  readKeySlotFile,
  unwrapDataKey,
  wrapDataKey,
  writeFileAtomic,
  writeKeySlotFileAtomic,
  type KdfCost,
  type KeyFileProblem,
  type KeySlot,
  type KeySlotFile,
} from './keyslots';

// The data folder: the encrypted records file and its key-slot sidecar. This module knows how
// secrets become the data key; it knows nothing about people, roles or records.

export interface DataPaths {
  dir: string;
  database: string;
  keySlots: string;
  /** The key file as it was before its last change: the previous generation, kept beside it. */
  previousKeySlots: string;
  /** The key file of a setup still being made: renamed to `keySlots` once the records file is in place. */
  setupKeySlots: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    database: join(dir, 'escalation-log.db'),
    keySlots: join(dir, 'escalation-log.keys.json'),
    previousKeySlots: join(dir, 'escalation-log.keys.previous.json'),
    setupKeySlots: join(dir, 'escalation-log.keys.json.setup'),
  };
}

/**
 * - `set-up`: the records file and a key file (the current one or the previous generation) are there;
 * - `keys-missing`: a records file with no key file at all: it can't be opened here, and must never be overwritten;
 * - `records-missing`: a key file with no records file (a sync program or antivirus may have moved it):
 *   set-up must not run here, or the only key file would be replaced;
 * - `empty`: neither.
 */
export type DataFolderState = 'set-up' | 'keys-missing' | 'records-missing' | 'empty';

export function dataFolderState(paths: DataPaths): DataFolderState {
  finishInterruptedSetup(paths);
  const keys = existsSync(paths.keySlots) || existsSync(paths.previousKeySlots);
  if (!existsSync(paths.database)) return keys ? 'records-missing' : 'empty';
  return keys ? 'set-up' : 'keys-missing';
}

/**
 * Setup writes the records file under `.setup`, the key file under `.setup`, then renames the records
 * file and the key file in that order. Killed between the two renames, the key file is put in place
 * here; killed before the first, both halves are removed (they hold only the settings just typed).
 */
function finishInterruptedSetup(paths: DataPaths): void {
  if (!existsSync(paths.setupKeySlots)) return;
  if (existsSync(paths.database) && !existsSync(paths.keySlots)) {
    renameSync(paths.setupKeySlots, paths.keySlots);
    fsyncDirectory(paths.dir);
  } else if (!existsSync(paths.database)) {
    rmSync(paths.setupKeySlots, { force: true });
  }
}

/** Which key file was used to unlock, and what was wrong with the current one if it was not that. */
export interface LoadedKeySlots {
  file: KeySlotFile;
  from: 'current' | 'previous';
  /** What is wrong with the current key file when the previous generation had to be used. */
  currentProblem?: KeyFileProblem;
}

export class KeyFilesUnusableError extends Error {
  constructor(
    readonly current: KeyFileProblem,
    readonly previous: KeyFileProblem,
  ) {
    super('Neither the key file nor its previous generation can be read.');
    this.name = 'KeyFilesUnusableError';
  }
}

function problemOf(path: string): { file: KeySlotFile } | { problem: KeyFileProblem } {
  try {
    const file = readKeySlotFile(path);
    return file ? { file } : { problem: 'missing' };
  } catch (error) {
    if (error instanceof KeySlotFileError) return { problem: error.problem };
    throw error;
  }
}

/**
 * The key slots to unlock with: the current key file, or, when it is missing or damaged, the
 * previous generation kept beside it. Throws KeyFilesUnusableError when neither can be read.
 */
export function loadKeySlots(paths: DataPaths): LoadedKeySlots {
  const current = problemOf(paths.keySlots);
  if ('file' in current) return { file: current.file, from: 'current' };
  const previous = problemOf(paths.previousKeySlots);
  if ('file' in previous) return { file: previous.file, from: 'previous', currentProblem: current.problem };
  throw new KeyFilesUnusableError(current.problem, previous.problem);
}

function requireSlotFile(paths: DataPaths): KeySlotFile {
  return loadKeySlots(paths).file;
}

export interface NewVault {
  dataKey: Buffer;
  fileId: string;
  recoveryKey: string;
  slots: KeySlotFile;
}

/** Makes a new data key and its two first slots (the DSL's passphrase and the recovery key). Writes nothing. */
export async function prepareNewVault(input: { passphrase: string; userId: string; now: string; cost?: KdfCost }): Promise<NewVault> {
  const dataKey = generateDataKey();
  const fileId = randomUUID();
  const recoveryKey = generateRecoveryKey();
  const compactRecovery = normaliseRecoveryKey(recoveryKey);
  if (compactRecovery === null) throw new Error('Generated recovery key failed its own format check.');
  const common = { fileId, now: input.now, ...(input.cost ? { cost: input.cost } : {}) };
  const [passphraseSlot, recoverySlot] = await Promise.all([
    wrapDataKey(dataKey, input.passphrase, { ...common, kind: 'passphrase', userId: input.userId }),
    wrapDataKey(dataKey, compactRecovery, { ...common, kind: 'recovery', userId: null }),
  ]);
  return { dataKey, fileId, recoveryKey, slots: newKeySlotFile([passphraseSlot, recoverySlot], fileId) };
}

export function ensureDataDir(paths: DataPaths): void {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
}

/** The first key file of a new setup, written beside the records file being built (see finishInterruptedSetup). */
export function writeSetupSlots(paths: DataPaths, slots: KeySlotFile): void {
  writeKeySlotFileAtomic(paths.setupKeySlots, slots);
}

/** Puts the new setup's key file in place: called once the records file has its real name. */
export function completeSetupSlots(paths: DataPaths): void {
  // The first key file is also its own previous generation, so damage to either is survivable from the start.
  writeFileAtomic(paths.previousKeySlots, readFileSync(paths.setupKeySlots));
  renameSync(paths.setupKeySlots, paths.keySlots);
  fsyncDirectory(paths.dir);
}

/**
 * Replaces the key file with `change(current)`, keeping the one it replaces as the previous
 * generation. Synchronous from read to write, so two changes in this process can never both start
 * from the same file and lose one another's slot (other processes are kept out by the folder lock).
 * The current file is copied to the previous generation only when it is intact, so repairing a
 * damaged key file never overwrites the good previous one.
 */
export function rewriteSlots(paths: DataPaths, change: (file: KeySlotFile) => KeySlotFile, now: string): KeySlotFile {
  const loaded = loadKeySlots(paths);
  const next = change(loaded.file);
  if (loaded.from === 'current') {
    writeFileAtomic(paths.previousKeySlots, readFileSync(paths.keySlots));
  }
  const written: KeySlotFile = { ...next, version: 2, revision: loaded.file.revision + 1, writtenAt: now };
  writeKeySlotFileAtomic(paths.keySlots, written);
  return written;
}

/** Writes the key file used to unlock back as the current one (after the previous generation had to be used). */
export function repairCurrentKeyFile(paths: DataPaths, file: KeySlotFile, now: string): void {
  const written: KeySlotFile = { ...file, revision: file.revision + 1, writtenAt: now };
  writeKeySlotFileAtomic(paths.keySlots, written);
}

/** Parses a key file's bytes (e.g. one kept in a backup set); throws KeySlotFileError if it is unusable. */
export function parseKeyFileBytes(bytes: Buffer): KeySlotFile {
  return parseKeySlotFile(bytes.toString('utf8'));
}

/** Removes a half-made setup (used only when first-run setup fails before it completes). */
export function removeDataFiles(paths: DataPaths): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${paths.database}${suffix}`, { force: true });
  rmSync(paths.setupKeySlots, { force: true });
}

/** Tries every passphrase slot; returns the data key, whose slot opened, and which key file it was in. Writes nothing. */
export async function unlockWithPassphrase(
  paths: DataPaths,
  passphrase: string,
  keys: LoadedKeySlots = loadKeySlots(paths),
): Promise<{ dataKey: Buffer; userId: string; fileId: string; keys: LoadedKeySlots } | null> {
  const { file } = keys;
  for (const slot of file.slots) {
    if (slot.kind !== 'passphrase' || slot.userId === null) continue;
    const dataKey = await unwrapDataKey(slot, passphrase, file.fileId);
    if (dataKey) return { dataKey, userId: slot.userId, fileId: file.fileId, keys };
  }
  return null;
}

/** Returns the data key if the typed recovery key opens the recovery slot. Writes nothing. */
export async function unlockWithRecoveryKey(
  paths: DataPaths,
  typed: string,
  keys?: LoadedKeySlots,
): Promise<{ dataKey: Buffer; fileId: string; keys: LoadedKeySlots } | 'malformed' | null> {
  const compact = normaliseRecoveryKey(typed);
  if (compact === null) return 'malformed';
  const loaded = keys ?? loadKeySlots(paths);
  for (const slot of loaded.file.slots) {
    if (slot.kind !== 'recovery') continue;
    const dataKey = await unwrapDataKey(slot, compact, loaded.file.fileId);
    if (dataKey) return { dataKey, fileId: loaded.file.fileId, keys: loaded };
  }
  return null;
}

/** Checks one user's passphrase against their own slot. */
export async function verifyPassphrase(paths: DataPaths, userId: string, passphrase: string): Promise<boolean> {
  const file = requireSlotFile(paths);
  for (const slot of file.slots) {
    if (slot.kind !== 'passphrase' || slot.userId !== userId) continue;
    const key = await unwrapDataKey(slot, passphrase, file.fileId);
    if (key) {
      key.fill(0);
      return true;
    }
  }
  return false;
}

/**
 * Rewrites the key slots in one atomic write: a user's passphrase slot replaced (or added) and/or
 * the recovery slot replaced by a given new key (the old recovery key stops working). The database
 * itself is never touched.
 */
export async function updateSlots(
  paths: DataPaths,
  input: {
    dataKey: Buffer;
    now: string;
    cost?: KdfCost;
    passphraseFor?: { userId: string; passphrase: string };
    /** A recovery key (already shown to the DSL) to replace the current one with. */
    recoveryKey?: string;
    /** A person who no longer has access: their passphrase slot is removed. */
    removeUser?: string;
  },
): Promise<{ fileId: string; recoverySlotId: string | null }> {
  const fileId = requireSlotFile(paths).fileId;
  const common = { fileId, now: input.now, ...(input.cost ? { cost: input.cost } : {}) };
  // The slow key derivations first; then read, change and write the key file with no wait in
  // between, so a change made meanwhile (another person's passphrase) is never lost.
  const passphraseSlot = input.passphraseFor
    ? await wrapDataKey(input.dataKey, input.passphraseFor.passphrase, {
        ...common,
        kind: 'passphrase',
        userId: input.passphraseFor.userId,
      })
    : null;
  let recoverySlot: KeySlot | null = null;
  if (input.recoveryKey !== undefined) {
    const compact = normaliseRecoveryKey(input.recoveryKey);
    if (compact === null) throw new Error('The new recovery key failed its own format check.');
    recoverySlot = await wrapDataKey(input.dataKey, compact, { ...common, kind: 'recovery', userId: null });
  }
  const written = rewriteSlots(
    paths,
    (file) => {
      if (file.fileId !== fileId) throw new KeySlotFileError('The key file was replaced while it was being changed.', 'malformed');
      let slots: KeySlot[] = file.slots;
      if (passphraseSlot && input.passphraseFor) {
        const { userId } = input.passphraseFor;
        slots = [...slots.filter((existing) => !(existing.kind === 'passphrase' && existing.userId === userId)), passphraseSlot];
      }
      if (input.removeUser !== undefined) {
        const removed = input.removeUser;
        slots = slots.filter((existing) => !(existing.kind === 'passphrase' && existing.userId === removed));
      }
      if (recoverySlot) slots = [...slots.filter((existing) => existing.kind !== 'recovery'), recoverySlot];
      return { ...file, slots };
    },
    input.now,
  );
  return { fileId, recoverySlotId: written.slots.find((slot) => slot.kind === 'recovery')?.id ?? null };
}

/** The id of the recovery slot in the key file in use, or null if it has none. */
export function recoverySlotId(paths: DataPaths): string | null {
  return requireSlotFile(paths).slots.find((slot) => slot.kind === 'recovery')?.id ?? null;
}

export function readFileId(paths: DataPaths): string {
  return requireSlotFile(paths).fileId;
}
