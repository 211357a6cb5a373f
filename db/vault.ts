import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  DEFAULT_KDF,
  deriveKek,
  derivationKey,
  disposeSecret,
  generateDataKey,
  fsyncDirectory,
  isLegacySlot,
  KeySlotFileError,
  makeSlot,
  newKeySlotFile,
  newSealKey,
  newSlotSecret,
  openSlotWithKek,
  parseKeySlotFile,
  readKeySlotFile,
  unwrapFromSlot,
  weakerThan,
  wrapForSlot,
  writeFileAtomic,
  writeKeySlotFileAtomic,
  type AuditHead,
  type CurrentKeySlot,
  type KdfCost,
  type KeyFileProblem,
  type KeySlot,
  type KeySlotFile,
  type SealedAuditHead,
  type SlotSecret,
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
  /**
   * The key file of a data-key rotation under way (the next generation): written before the records
   * file is replaced by its re-encrypted copy, promoted to `keySlots` after (db/rotation.ts).
   */
  nextKeySlots: string;
  /** The re-encrypted copy of the records file a rotation is making. */
  rotatingDatabase: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    database: join(dir, 'escalation-log.db'),
    keySlots: join(dir, 'escalation-log.keys.json'),
    previousKeySlots: join(dir, 'escalation-log.keys.previous.json'),
    setupKeySlots: join(dir, 'escalation-log.keys.json.setup'),
    nextKeySlots: join(dir, 'escalation-log.keys.next.json'),
    rotatingDatabase: join(dir, 'escalation-log.db.rotating'),
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
  const keys = existsSync(paths.keySlots) || existsSync(paths.previousKeySlots) || existsSync(paths.nextKeySlots);
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
  /**
   * The next generation's key file, when a rotation was interrupted after writing it: whichever of
   * the two opens the records file is the one that applies (db/rotation.ts settles it at unlock).
   */
  next?: KeySlotFile;
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
  const pending = problemOf(paths.nextKeySlots);
  const next = 'file' in pending ? { next: pending.file } : {};
  const current = problemOf(paths.keySlots);
  if ('file' in current) return { file: current.file, from: 'current', ...next };
  const previous = problemOf(paths.previousKeySlots);
  if ('file' in previous) return { file: previous.file, from: 'previous', currentProblem: current.problem, ...next };
  if (next.next) return { file: next.next, from: 'previous', currentProblem: current.problem };
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
  /** The seal key: in the DSL's slot and the recovery slot only (db/access-seal.ts). */
  sealKey: Buffer;
}

/**
 * Makes a new data key, a seal key and the two first slots (the DSL's passphrase and the recovery
 * key, both holding the seal key), with the scrypt cost calibrated for this computer recorded in
 * the key file for every later slot. Writes nothing.
 */
export async function prepareNewVault(input: { passphrase: string; userId: string; now: string; cost: KdfCost }): Promise<NewVault> {
  const dataKey = generateDataKey();
  const sealKey = newSealKey();
  const fileId = randomUUID();
  const recoveryKey = generateRecoveryKey();
  const compactRecovery = normaliseRecoveryKey(recoveryKey);
  if (compactRecovery === null) throw new Error('Generated recovery key failed its own format check.');
  const dslSecret = newSlotSecret(sealKey);
  const recoverySecret = newSlotSecret(sealKey);
  try {
    const common = { dataKey, fileId, generation: 1, now: input.now, cost: input.cost };
    const [passphraseSlot, recoverySlot] = await Promise.all([
      makeSlot({ ...common, text: input.passphrase, secret: dslSecret, kind: 'passphrase', userId: input.userId }),
      makeSlot({ ...common, text: compactRecovery, secret: recoverySecret, kind: 'recovery', userId: null }),
    ]);
    return {
      dataKey,
      fileId,
      recoveryKey,
      sealKey,
      slots: newKeySlotFile([passphraseSlot, recoverySlot], fileId, { writtenAt: input.now, kdf: input.cost }),
    };
  } catch (error) {
    dataKey.fill(0);
    sealKey.fill(0);
    throw error;
  } finally {
    disposeSecret(dslSecret);
    disposeSecret(recoverySecret);
  }
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
  const written: KeySlotFile = { ...next, version: 3, revision: loaded.file.revision + 1, writtenAt: now };
  writeKeySlotFileAtomic(paths.keySlots, written);
  return written;
}

/**
 * Records the audit log's end in the current key file (and, from a DSL's session, the same end
 * signed with the seal key), so a records file whose log was cut short is noticed at the next unlock.
 * Only the current file changes: its previous generation is kept as it was. Returns false (and
 * writes nothing) when the current key file is not intact: it is repaired at the next unlock instead.
 */
export function recordAuditHead(paths: DataPaths, head: AuditHead, sealed: SealedAuditHead | null, now: string): boolean {
  const loaded = loadKeySlots(paths);
  if (loaded.from !== 'current') return false;
  const file = loaded.file;
  const same =
    file.auditHead?.seq === head.seq &&
    file.auditHead.hash === head.hash &&
    (sealed === null || (file.sealedAuditHead?.seq === sealed.seq && file.sealedAuditHead.mac === sealed.mac));
  if (same) return true;
  writeKeySlotFileAtomic(paths.keySlots, {
    ...file,
    revision: file.revision + 1,
    writtenAt: now,
    auditHead: { seq: head.seq, hash: head.hash },
    ...(sealed ? { sealedAuditHead: sealed } : {}),
  });
  return true;
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

// ---------------------------------------------------------------------------------------------
// Opening slots

/** A passphrase was right for a slot whose contents were changed after Escalation Log wrote it. */
export class SlotAlteredError extends Error {
  constructor(readonly slotId: string) {
    super('A key slot has been altered outside Escalation Log: the passphrase is right, but the slot no longer matches it.');
    this.name = 'SlotAlteredError';
  }
}

export type KeyFileSource = 'current' | 'previous' | 'next';

/** One key file's answer for the slot that opened: its data key, for its generation. */
export interface CandidateKey {
  file: KeySlotFile;
  source: KeyFileSource;
  dataKey: Buffer;
}

/**
 * A slot opened by a passphrase or the recovery key: whose it is, its unsealed secret (null for a
 * legacy slot), and the data key each key file in play seals for it (one, or two while a rotation
 * is being settled). The caller zeroes everything with disposeOpened.
 */
export interface OpenedSlot {
  slot: KeySlot;
  userId: string | null;
  secret: SlotSecret | null;
  candidates: CandidateKey[];
}

export function disposeOpened(opened: OpenedSlot | null | undefined, keep?: Buffer): void {
  if (!opened) return;
  disposeSecret(opened.secret);
  for (const candidate of opened.candidates) if (candidate.dataKey !== keep) candidate.dataKey.fill(0);
}

/** Key derivations run two at a time (a two-core office PC; each takes ~256 MiB at the minimum cost). */
const DERIVATIONS_AT_ONCE = 2;

/**
 * Tries `text` on every slot of `kind` (optionally only one person's) in the given key files.
 * Each distinct salt is derived once, two at a time; the key check says which slot the text is for
 * without trying every one. Returns null when no slot is this text's; throws SlotAlteredError when
 * the text is right for a slot that was altered (tampering, never counted as a wrong passphrase).
 */
export async function openSlots(
  files: { file: KeySlotFile; source: KeyFileSource }[],
  text: string,
  filter: { kind: KeySlot['kind']; userId?: string },
): Promise<OpenedSlot | null> {
  const wanted = (slot: KeySlot) => slot.kind === filter.kind && (filter.userId === undefined || slot.userId === filter.userId);
  const derivations: KeySlot[] = [];
  const seen = new Set<string>();
  for (const { file } of files) {
    for (const slot of file.slots) {
      if (!wanted(slot) || seen.has(derivationKey(slot))) continue;
      seen.add(derivationKey(slot));
      derivations.push(slot);
    }
  }
  let altered: string | null = null;
  for (let start = 0; start < derivations.length; start += DERIVATIONS_AT_ONCE) {
    const batch = derivations.slice(start, start + DERIVATIONS_AT_ONCE);
    const keks = await Promise.all(batch.map((slot) => deriveKek(text, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf)));
    try {
      for (const [index, slot] of batch.entries()) {
        const kek = keks[index];
        if (!kek) continue;
        const opened = openInFiles(files, slot, kek);
        if (opened === 'altered') altered ??= slot.id;
        else if (opened) return opened;
      }
    } finally {
      for (const kek of keks) kek.fill(0);
    }
  }
  if (altered !== null) throw new SlotAlteredError(altered);
  return null;
}

/** With the key derived for `slot`, the slot opened in every file that holds it (same id and salt). */
function openInFiles(files: { file: KeySlotFile; source: KeyFileSource }[], slot: KeySlot, kek: Buffer): OpenedSlot | 'altered' | null {
  const first = openSlotWithKek(slot, kek, fileIdOf(files, slot));
  if (first.result === 'no') return null;
  if (first.result === 'altered') return 'altered';
  const candidates: CandidateKey[] = [];
  for (const { file, source } of files) {
    const same = file.slots.find((candidate) => candidate.id === slot.id && derivationKey(candidate) === derivationKey(slot));
    if (!same) continue;
    let dataKey: Buffer | null = null;
    if (first.secret && !isLegacySlot(same)) {
      dataKey = unwrapFromSlot(same, first.secret, file.fileId, file.generation);
    } else if (isLegacySlot(same)) {
      const opening = openSlotWithKek(same, kek, file.fileId);
      if (opening.result === 'opened') {
        dataKey = opening.dataKey;
        disposeSecret(opening.secret);
      }
    }
    if (dataKey) candidates.push({ file, source, dataKey });
  }
  first.dataKey?.fill(0);
  if (candidates.length === 0) {
    disposeSecret(first.secret);
    return 'altered';
  }
  return { slot, userId: slot.userId, secret: first.secret, candidates };
}

function fileIdOf(files: { file: KeySlotFile }[], slot: KeySlot): string {
  const holder = files.find(({ file }) => file.slots.includes(slot));
  if (!holder) throw new Error('The slot is in none of the key files.');
  return holder.file.fileId;
}

/** The key files to try, current (or previous) first, then a rotation's next generation if one was left. */
export function keyFilesInPlay(keys: LoadedKeySlots): { file: KeySlotFile; source: KeyFileSource }[] {
  const files: { file: KeySlotFile; source: KeyFileSource }[] = [{ file: keys.file, source: keys.from }];
  if (keys.next && keys.next.fileId === keys.file.fileId) files.push({ file: keys.next, source: 'next' });
  return files;
}

/**
 * Tries a passphrase on every passphrase slot of one key file; returns the data key and whose slot
 * opened. Writes nothing. (The app's unlock settles rotations too: session/open-file.ts.)
 */
export async function unlockWithPassphrase(
  paths: DataPaths,
  passphrase: string,
  keys: LoadedKeySlots = loadKeySlots(paths),
): Promise<{ dataKey: Buffer; userId: string; fileId: string; keys: LoadedKeySlots } | null> {
  const opened = await openSlots([{ file: keys.file, source: keys.from }], passphrase, { kind: 'passphrase' });
  if (!opened) return null;
  const candidate = opened.candidates[0];
  if (!candidate || opened.userId === null) {
    disposeOpened(opened);
    return null;
  }
  disposeOpened(opened, candidate.dataKey);
  return { dataKey: candidate.dataKey, userId: opened.userId, fileId: keys.file.fileId, keys };
}

/** Returns the data key if the typed recovery key opens the recovery slot of one key file. Writes nothing. */
export async function unlockWithRecoveryKey(
  paths: DataPaths,
  typed: string,
  keys?: LoadedKeySlots,
): Promise<{ dataKey: Buffer; fileId: string; keys: LoadedKeySlots } | 'malformed' | null> {
  const compact = normaliseRecoveryKey(typed);
  if (compact === null) return 'malformed';
  const loaded = keys ?? loadKeySlots(paths);
  const opened = await openSlots([{ file: loaded.file, source: loaded.from }], compact, { kind: 'recovery' });
  const candidate = opened?.candidates[0];
  if (!opened || !candidate) {
    disposeOpened(opened);
    return null;
  }
  disposeOpened(opened, candidate.dataKey);
  return { dataKey: candidate.dataKey, fileId: loaded.file.fileId, keys: loaded };
}

/** One person's slot opened with their passphrase (to change it): null when it is not their passphrase. */
export async function verifyPassphrase(paths: DataPaths, userId: string, passphrase: string): Promise<OpenedSlot | null> {
  const keys = loadKeySlots(paths);
  return openSlots([{ file: keys.file, source: keys.from }], passphrase, { kind: 'passphrase', userId });
}

/** A slot to put in the key file: made with its passphrase (slow), sealed to the data key when written (fast). */
export interface PreparedSlot {
  slot: Omit<CurrentKeySlot, 'wrap'>;
}

/**
 * Seals a slot's secret under its passphrase or recovery key: the slow part of a key change, done
 * before the key file is read so that no other change can be lost in between. `keep` carries over
 * the person's own key pair and slot id (a passphrase changed or a slot upgraded, so the seal over
 * who has access does not change); otherwise the slot gets a new key pair and id.
 */
export async function prepareSlot(input: {
  dataKey: Buffer;
  text: string;
  kind: KeySlot['kind'];
  userId: string | null;
  fileId: string;
  now: string;
  cost: KdfCost;
  keep?: { id: string; secret: SlotSecret };
  /** Keep only the slot's id (a legacy slot upgraded: it gets a new key pair). */
  id?: string;
  /** For a DSL's slot and the recovery slot: the seal key, sealed with the private key. */
  sealKey: Buffer | null;
}): Promise<PreparedSlot> {
  const secret = input.keep
    ? { privateKey: input.keep.secret.privateKey, publicKey: input.keep.secret.publicKey, sealKey: input.sealKey }
    : newSlotSecret(input.sealKey);
  try {
    const made = await makeSlot({
      dataKey: input.dataKey,
      text: input.text,
      secret,
      kind: input.kind,
      userId: input.userId,
      fileId: input.fileId,
      generation: 1,
      now: input.now,
      cost: input.cost,
      ...(input.keep ? { id: input.keep.id } : input.id ? { id: input.id } : {}),
    });
    const { wrap: _wrap, ...slot } = made;
    return { slot };
  } finally {
    if (!input.keep) disposeSecret(secret);
  }
}

/** The prepared slot with the data key sealed to it for the file's generation. */
function finishSlot(prepared: PreparedSlot, dataKey: Buffer, file: KeySlotFile): CurrentKeySlot {
  return { ...prepared.slot, wrap: wrapForSlot(dataKey, prepared.slot, file.fileId, file.generation) };
}

/** The cost for new slots in this key file: the session's (tests), else the one calibrated at set-up. */
export function costFor(file: KeySlotFile, override?: KdfCost): KdfCost {
  return override ?? file.kdf ?? DEFAULT_KDF;
}

/**
 * Rewrites the key slots in one atomic write: slots put in (replacing any with the same id, and a
 * person's other passphrase slots), and people's passphrase slots removed. The database itself is
 * never touched. The data key must be the one of the key file's generation.
 */
export interface SlotChange {
  add?: PreparedSlot[];
  /** People who no longer have access: their passphrase slots are removed. */
  removeUsers?: string[];
  /** Replace the recovery slot (the old recovery key stops working). */
  replacesRecovery?: boolean;
  /** Slots to take out by id (left by a change that never finished). */
  dropSlotIds?: string[];
}

/** The slots a change leaves: added ones replace any with the same id (and the person's other passphrase slots, or the recovery slot). */
function changedSlots<T extends Pick<KeySlot, 'id' | 'kind' | 'userId'>>(
  slots: readonly T[],
  change: SlotChange,
  finish: (prepared: PreparedSlot) => T,
): T[] {
  let result: T[] = [...slots];
  for (const prepared of change.add ?? []) {
    const { id, kind, userId } = prepared.slot;
    result = result.filter(
      (existing) =>
        existing.id !== id &&
        !(kind === 'passphrase' && existing.kind === 'passphrase' && existing.userId === userId) &&
        !(kind === 'recovery' && change.replacesRecovery && existing.kind === 'recovery'),
    );
    result.push(finish(prepared));
  }
  const removed = new Set(change.removeUsers ?? []);
  const dropped = new Set(change.dropSlotIds ?? []);
  return result.filter(
    (existing) =>
      !dropped.has(existing.id) && !(existing.kind === 'passphrase' && existing.userId !== null && removed.has(existing.userId)),
  );
}

/**
 * The slots a change will leave, as the seal over who has access covers them (no data key needed):
 * sealed before the key file is written, so a crash in between leaves the key file as the seal
 * before said (services/integrity.ts allows for that).
 */
export function plannedSlots(file: KeySlotFile, change: SlotChange): (Pick<KeySlot, 'id' | 'kind' | 'userId'> & { publicKey?: string })[] {
  return changedSlots<Pick<KeySlot, 'id' | 'kind' | 'userId'> & { publicKey?: string }>(
    file.slots.map((slot) => ({
      id: slot.id,
      kind: slot.kind,
      userId: slot.userId,
      ...('publicKey' in slot ? { publicKey: slot.publicKey } : {}),
    })),
    change,
    (prepared) => ({ id: prepared.slot.id, kind: prepared.slot.kind, userId: prepared.slot.userId, publicKey: prepared.slot.publicKey }),
  );
}

/**
 * Rewrites the key slots in one atomic write: slots put in (replacing any with the same id, and a
 * person's other passphrase slots), people's passphrase slots removed. The database itself is
 * never touched. The data key must be the one of the key file's generation.
 */
export function putSlots(paths: DataPaths, input: SlotChange & { dataKey: Buffer; now: string; fileId: string }): KeySlotFile {
  return rewriteSlots(
    paths,
    (file) => {
      if (file.fileId !== input.fileId) throw new KeySlotFileError('The key file was replaced while it was being changed.', 'malformed');
      const slots = changedSlots<KeySlot>(file.slots, input, (prepared) => finishSlot(prepared, input.dataKey, file));
      if (slots.length === 0) throw new KeySlotFileError('A key file must keep at least one slot.', 'malformed');
      return { ...file, slots };
    },
    input.now,
  );
}

/**
 * The older convenience form (used by tests and the simplest callers): a person's passphrase slot
 * made and put in, or the recovery slot replaced, or a person's slot removed.
 */
export async function updateSlots(
  paths: DataPaths,
  input: {
    dataKey: Buffer;
    now: string;
    cost?: KdfCost;
    passphraseFor?: { userId: string; passphrase: string; keep?: { id: string; secret: SlotSecret }; sealKey?: Buffer | null };
    /** A recovery key (already shown to the DSL) to replace the current one with, and the seal key it holds. */
    recoveryKey?: string;
    sealKey?: Buffer | null;
    /** A person who no longer has access: their passphrase slot is removed. */
    removeUser?: string;
  },
): Promise<{ fileId: string; recoverySlotId: string | null; file: KeySlotFile }> {
  const current = requireSlotFile(paths);
  const fileId = current.fileId;
  const cost = costFor(current, input.cost);
  const add: PreparedSlot[] = [];
  if (input.passphraseFor) {
    add.push(
      await prepareSlot({
        dataKey: input.dataKey,
        text: input.passphraseFor.passphrase,
        kind: 'passphrase',
        userId: input.passphraseFor.userId,
        fileId,
        now: input.now,
        cost,
        sealKey: input.passphraseFor.sealKey ?? input.passphraseFor.keep?.secret.sealKey ?? null,
        ...(input.passphraseFor.keep ? { keep: input.passphraseFor.keep } : {}),
      }),
    );
  }
  if (input.recoveryKey !== undefined) {
    const compact = normaliseRecoveryKey(input.recoveryKey);
    if (compact === null) throw new Error('The new recovery key failed its own format check.');
    add.push(
      await prepareSlot({
        dataKey: input.dataKey,
        text: compact,
        kind: 'recovery',
        userId: null,
        fileId,
        now: input.now,
        cost,
        sealKey: input.sealKey ?? null,
      }),
    );
  }
  const written = putSlots(paths, {
    dataKey: input.dataKey,
    now: input.now,
    fileId,
    add,
    replacesRecovery: input.recoveryKey !== undefined,
    ...(input.removeUser !== undefined ? { removeUsers: [input.removeUser] } : {}),
  });
  return { fileId, recoverySlotId: written.slots.find((slot) => slot.kind === 'recovery')?.id ?? null, file: written };
}

/** A slot that should be upgraded at its owner's unlock: a legacy slot, or one cheaper than the file's calibrated cost. */
export function needsUpgrade(slot: KeySlot, file: KeySlotFile, override?: KdfCost): boolean {
  return isLegacySlot(slot) || weakerThan(slot.kdf, costFor(file, override));
}

/** The id of the recovery slot in the key file in use, or null if it has none. */
export function recoverySlotId(paths: DataPaths): string | null {
  return requireSlotFile(paths).slots.find((slot) => slot.kind === 'recovery')?.id ?? null;
}

export function readFileId(paths: DataPaths): string {
  return requireSlotFile(paths).fileId;
}
