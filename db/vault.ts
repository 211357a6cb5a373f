import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  generateDataKey,
  newKeySlotFile,
  readKeySlotFile,
  unwrapDataKey,
  wrapDataKey,
  writeKeySlotFileAtomic,
  type KdfCost,
  type KeySlot,
  type KeySlotFile,
} from './keyslots';

// The data folder: the encrypted records file and its key-slot sidecar. This module knows how
// secrets become the data key; it knows nothing about people, roles or records.

export interface DataPaths {
  dir: string;
  database: string;
  keySlots: string;
}

export function dataPaths(dir: string): DataPaths {
  return { dir, database: join(dir, 'escalation-log.db'), keySlots: join(dir, 'escalation-log.keys.json') };
}

/**
 * - `set-up`: the records file and its key slots are both there;
 * - `keys-missing`: a records file without its key file: it can't be opened, and must never be overwritten;
 * - `empty`: no records file (a key file alone is the leftover of a setup that never finished).
 */
export function dataFolderState(paths: DataPaths): 'set-up' | 'keys-missing' | 'empty' {
  if (!existsSync(paths.database)) return 'empty';
  return existsSync(paths.keySlots) ? 'set-up' : 'keys-missing';
}

function requireSlotFile(paths: DataPaths): KeySlotFile {
  const file = readKeySlotFile(paths.keySlots);
  if (!file) throw new Error('The key file beside the records file is missing.');
  return file;
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

export function writeSlots(paths: DataPaths, slots: KeySlotFile): void {
  writeKeySlotFileAtomic(paths.keySlots, slots);
}

/** Removes a half-made setup (used only when first-run setup fails before it completes). */
export function removeDataFiles(paths: DataPaths): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${paths.database}${suffix}`, { force: true });
  rmSync(paths.keySlots, { force: true });
}

/** Tries every passphrase slot; returns the data key and whose slot opened. Writes nothing. */
export async function unlockWithPassphrase(
  paths: DataPaths,
  passphrase: string,
): Promise<{ dataKey: Buffer; userId: string; fileId: string } | null> {
  const file = requireSlotFile(paths);
  for (const slot of file.slots) {
    if (slot.kind !== 'passphrase' || slot.userId === null) continue;
    const dataKey = await unwrapDataKey(slot, passphrase, file.fileId);
    if (dataKey) return { dataKey, userId: slot.userId, fileId: file.fileId };
  }
  return null;
}

/** Returns the data key if the typed recovery key opens the recovery slot. Writes nothing. */
export async function unlockWithRecoveryKey(
  paths: DataPaths,
  typed: string,
): Promise<{ dataKey: Buffer; fileId: string } | 'malformed' | null> {
  const compact = normaliseRecoveryKey(typed);
  if (compact === null) return 'malformed';
  const file = requireSlotFile(paths);
  for (const slot of file.slots) {
    if (slot.kind !== 'recovery') continue;
    const dataKey = await unwrapDataKey(slot, compact, file.fileId);
    if (dataKey) return { dataKey, fileId: file.fileId };
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
): Promise<{ fileId: string }> {
  const file = requireSlotFile(paths);
  const common = { fileId: file.fileId, now: input.now, ...(input.cost ? { cost: input.cost } : {}) };
  let slots: KeySlot[] = file.slots;
  if (input.passphraseFor) {
    const { userId, passphrase } = input.passphraseFor;
    const slot = await wrapDataKey(input.dataKey, passphrase, { ...common, kind: 'passphrase', userId });
    slots = [...slots.filter((existing) => !(existing.kind === 'passphrase' && existing.userId === userId)), slot];
  }
  if (input.removeUser !== undefined) {
    const removed = input.removeUser;
    slots = slots.filter((existing) => !(existing.kind === 'passphrase' && existing.userId === removed));
  }
  if (input.recoveryKey !== undefined) {
    const compact = normaliseRecoveryKey(input.recoveryKey);
    if (compact === null) throw new Error('The new recovery key failed its own format check.');
    const slot = await wrapDataKey(input.dataKey, compact, { ...common, kind: 'recovery', userId: null });
    slots = [...slots.filter((existing) => existing.kind !== 'recovery'), slot];
  }
  writeSlots(paths, { ...file, slots });
  return { fileId: file.fileId };
}

export function readFileId(paths: DataPaths): string {
  return requireSlotFile(paths).fileId;
}
