import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  scrypt as scryptCallback,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { z } from 'zod';

// Key slots: the database is keyed by a random 256-bit data key, never by a passphrase. Slots live
// in a small sidecar JSON file beside the database, written atomically so a crash leaves the old or
// the new file, never half of one.
//
// Each person (and the recovery key) has a slot holding their own X25519 key pair. The private key
// is sealed with AES-256-GCM under a key-encryption key that scrypt derives from the passphrase; the
// data key is sealed to the public key (ECIES: an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM).
// That split is what lets the data key be replaced (rotated) when someone is removed: a new data key
// is sealed to every remaining person's public key without knowing anyone's passphrase, and the
// removed person's private key opens nothing new. The slots of a Designated Safeguarding Lead and
// the recovery slot also seal the **seal key**, which signs the list of who may open the file
// (db/access-seal.ts): only those slots can make or check that seal.
//
// What each AES-GCM seal authenticates (its associated data): the file id, the slot id, its kind and
// person, and its public key; the data key's seal also the key generation. A slot's fields can't be
// swapped between slots, re-labelled to another person, or moved to another file or generation.
// A short key check (HMAC of the derived key) tells "wrong passphrase" apart from "right passphrase,
// altered slot", so tampering is named as tampering.
//
// Older key files (versions 1 and 2) hold "legacy" slots: the data key sealed straight under the
// passphrase's key. They still open; each is upgraded to the new form when its owner next unlocks.

export const DATA_KEY_BYTES = 32;
const SEAL_KEY_BYTES = 32;
const KEY_FILE_VERSION = 3;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

/**
 * The limits a key file's scrypt cost must keep to. A cost is read from the file, so without a cap
 * a tampered file could ask for N = 2^22 and hang (or exhaust the memory of) every unlock. The caps
 * are the most calibration can ever choose: N ≤ 2^19 (512 MiB with r = 8), r ≤ 8, p ≤ 4.
 */
export const KDF_LIMITS = { minN: 2 ** 10, maxN: 2 ** 19, maxR: 8, maxP: 4 } as const;

/** The least the app ever uses (set-up calibrates upward from here): N = 2^18, r = 8 (256 MiB). */
export const MINIMUM_KDF: KdfCost = { N: 2 ** 18, r: 8, p: 1 };
/** Used for new slots in a key file that has no calibrated cost recorded (one from before calibration). */
export const DEFAULT_KDF: KdfCost = MINIMUM_KDF;

/** Base64 of exactly one of the given byte lengths, in its canonical spelling. */
function base64Bytes(...lengths: number[]) {
  return z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => {
      const bytes = Buffer.from(text, 'base64');
      return lengths.includes(bytes.length) && bytes.toString('base64') === text;
    });
}

const kdfCostSchema = z.object({
  N: z
    .number()
    .int()
    .min(KDF_LIMITS.minN)
    .max(KDF_LIMITS.maxN)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(KDF_LIMITS.maxR),
  p: z.number().int().min(1).max(KDF_LIMITS.maxP),
});

const kdfSchema = kdfCostSchema.extend({ name: z.literal('scrypt'), salt: base64Bytes(16) });

const slotIdentity = {
  id: z.uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  userId: z.uuid().nullable(),
  createdAt: z.string().max(40),
  kdf: kdfSchema,
};

/** A slot of a version 1 or 2 key file: the data key sealed straight under the passphrase's key. */
const legacySlotSchema = z.object({
  ...slotIdentity,
  cipher: z.literal('aes-256-gcm'),
  iv: base64Bytes(12),
  tag: base64Bytes(16),
  wrappedKey: base64Bytes(DATA_KEY_BYTES),
});

/** A slot of a version 3 key file: the person's key pair, and the data key sealed to its public key. */
const slotSchema = z.object({
  ...slotIdentity,
  publicKey: base64Bytes(32),
  secret: z.object({
    check: base64Bytes(16),
    iv: base64Bytes(12),
    tag: base64Bytes(16),
    /** The private key (32 bytes), followed by the seal key (32 bytes) in a DSL's or the recovery slot. */
    sealed: base64Bytes(32, 64),
  }),
  wrap: z.object({
    ephemeralKey: base64Bytes(32),
    iv: base64Bytes(12),
    tag: base64Bytes(16),
    wrappedKey: base64Bytes(DATA_KEY_BYTES),
  }),
});

export type LegacyKeySlot = z.infer<typeof legacySlotSchema>;
export type CurrentKeySlot = z.infer<typeof slotSchema>;
export type KeySlot = CurrentKeySlot | LegacyKeySlot;

export function isLegacySlot(slot: KeySlot): slot is LegacyKeySlot {
  return !('secret' in slot);
}

const anySlotSchema = z
  .union([slotSchema, legacySlotSchema])
  .refine((slot) => (slot.kind === 'recovery') === (slot.userId === null), 'a recovery slot has no person; a passphrase slot has one');

const auditHeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type AuditHead = z.infer<typeof auditHeadSchema>;

/** The audit log's end as a DSL's session last left it, signed with the seal key (which only DSLs and the recovery key hold). */
const sealedAuditHeadSchema = auditHeadSchema.extend({ mac: z.string().regex(/^[0-9a-f]{64}$/) });
export type SealedAuditHead = z.infer<typeof sealedAuditHeadSchema>;

function uniqueSlotIds(slots: { id: string }[]): boolean {
  return new Set(slots.map((slot) => slot.id)).size === slots.length;
}

const slotFileV1Schema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(1),
  fileId: z.uuid(),
  slots: z.array(legacySlotSchema).min(1).max(200),
});

const slotFileV2Schema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(2),
  fileId: z.uuid(),
  generation: z.number().int().min(1),
  revision: z.number().int().min(1),
  writtenAt: z.string(),
  auditHead: auditHeadSchema.optional(),
  slots: z.array(legacySlotSchema).min(1).max(200),
});

/**
 * The key file, format version 3: the data key's `generation` (1 until the first rotation; the
 * records file keeps its own copy, so after a crash the two can be matched), a `revision` counting
 * every write of this file, the scrypt cost calibrated on this computer at set-up (`kdf`, for new
 * slots and for upgrading old ones), the audit log's end (`auditHead`, and `sealedAuditHead` as a
 * DSL last left it) for the truncation check, and the slots. A SHA-256 `checksum` over the rest
 * tells a damaged file apart from a wrong passphrase: a damaged file is never counted as a failed
 * attempt. Versions 1 and 2 are still read, and rewritten as version 3 at the next write.
 */
const slotFileSchema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(KEY_FILE_VERSION),
  fileId: z.uuid(),
  generation: z.number().int().min(1),
  revision: z.number().int().min(1),
  writtenAt: z.string(),
  kdf: kdfCostSchema.optional(),
  auditHead: auditHeadSchema.optional(),
  sealedAuditHead: sealedAuditHeadSchema.optional(),
  slots: z.array(anySlotSchema).min(1).max(200).refine(uniqueSlotIds, 'slot ids are unique'),
});
export type KeySlotFile = z.infer<typeof slotFileSchema>;

/** Why a key file could not be used: each gets its own words, and none is a wrong passphrase. */
export type KeyFileProblem = 'missing' | 'empty' | 'not-json' | 'checksum' | 'unknown-version' | 'malformed';

export const keyFileProblemWords: Record<KeyFileProblem, string> = {
  missing: 'is missing',
  empty: 'is empty (it was cut short)',
  'not-json': 'is damaged (it is cut short or has changed characters)',
  checksum: 'is damaged (its contents no longer match its checksum)',
  'unknown-version': 'is from a newer version of Escalation Log, or is not a key file',
  malformed: 'is damaged or has been altered (parts of it are missing or not as Escalation Log writes them)',
};

export class KeySlotFileError extends Error {
  constructor(
    message: string,
    readonly problem: KeyFileProblem = 'malformed',
  ) {
    super(message);
    this.name = 'KeySlotFileError';
  }
}

export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function newKeySlotFile(
  slots: KeySlot[],
  fileId: string,
  options: { writtenAt?: string; kdf?: KdfCost; generation?: number } = {},
): KeySlotFile {
  return {
    format: 'escalation-log-key-slots',
    version: KEY_FILE_VERSION,
    fileId,
    generation: options.generation ?? 1,
    revision: 1,
    writtenAt: options.writtenAt ?? new Date().toISOString(),
    ...(options.kdf ? { kdf: { N: options.kdf.N, r: options.kdf.r, p: options.kdf.p } } : {}),
    slots,
  };
}

/** SHA-256 over the file's fields other than the checksum, in the order they were written. */
function checksumOf(body: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
}

/** The text of a key file: its fields, then their checksum. */
export function serialiseKeySlotFile(file: KeySlotFile): string {
  const body = slotFileSchema.parse(file);
  return `${JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2)}\n`;
}

const MALFORMED =
  'The key file beside the records file is damaged or has been altered (parts of it are not as Escalation Log writes them).';

/** Parses a key file's text; throws KeySlotFileError naming what is wrong with it. */
export function parseKeySlotFile(text: string): KeySlotFile {
  if (text.trim() === '') throw new KeySlotFileError('The key file is empty.', 'empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeySlotFileError('The key file beside the records file is damaged (it is not valid JSON).', 'not-json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KeySlotFileError('The key file beside the records file is damaged.', 'malformed');
  }
  const record = parsed as Record<string, unknown>;
  if (record.version === 1) {
    const v1 = slotFileV1Schema.safeParse(record);
    if (!v1.success || !uniqueSlotIds(v1.data.slots)) throw new KeySlotFileError(MALFORMED, 'malformed');
    return newKeySlotFile(v1.data.slots, v1.data.fileId, { writtenAt: '' });
  }
  if (record.format !== undefined && record.format !== 'escalation-log-key-slots') {
    throw new KeySlotFileError('This is not an Escalation Log key file.', 'unknown-version');
  }
  if (typeof record.version === 'number' && record.version > KEY_FILE_VERSION) {
    throw new KeySlotFileError('The key file is from a newer version of Escalation Log.', 'unknown-version');
  }
  const { checksum, ...body } = record;
  if (typeof checksum !== 'string' || checksum !== checksumOf(body)) {
    // A file with no checksum at all (e.g. `{}`) is as damaged as one whose checksum is wrong.
    throw new KeySlotFileError('The key file beside the records file is damaged (its checksum does not match).', 'checksum');
  }
  if (body.version === 2) {
    const v2 = slotFileV2Schema.safeParse(body);
    if (!v2.success || !uniqueSlotIds(v2.data.slots)) throw new KeySlotFileError(MALFORMED, 'malformed');
    const { version: _version, ...rest } = v2.data;
    return { ...rest, version: KEY_FILE_VERSION };
  }
  const result = slotFileSchema.safeParse(body);
  if (!result.success) throw new KeySlotFileError(MALFORMED, 'malformed');
  return result.data;
}

/** The key file at `path`, or null if there is none. Throws KeySlotFileError if it is there but unusable. */
export function readKeySlotFile(path: string): KeySlotFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseKeySlotFile(text);
}

/** Writes `text` to a temporary file in the same folder, fsyncs it, renames it over `path`, fsyncs the folder. */
export function writeFileAtomic(path: string, text: string | Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    renamed = true;
  } finally {
    // A failed write (a full disk, a read-only folder) leaves no temp copy behind.
    if (!renamed) rmSync(temp, { force: true });
  }
  fsyncDirectory(dirname(path));
}

/** Write to a temporary file in the same folder, fsync it, rename over the old one, fsync the folder. */
export function writeKeySlotFileAtomic(path: string, file: KeySlotFile): void {
  writeFileAtomic(path, serialiseKeySlotFile(file));
}

/**
 * Temp copies of key files left by a write that was killed half-way (`.escalation-log.keys.json.*.tmp`).
 * They hold old key slots, so they are removed at the next start, while this process holds the folder.
 */
export function removeLeftoverTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (/^\.escalation-log\..+\.tmp$/.test(name)) {
      try {
        rmSync(join(dir, name), { force: true });
        removed.push(name);
      } catch {
        // A read-only folder: nothing can be removed, and nothing else will be written either.
      }
    }
  }
  return removed;
}

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; there the rename itself is the durability point.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// Key derivation

/** scrypt within the caps above (a cost outside them never reaches scrypt: the file is refused first). */
export function deriveKek(secret: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  const checked = kdfCostSchema.safeParse({ N: cost.N, r: cost.r, p: cost.p });
  if (!checked.success) return Promise.reject(new KeySlotFileError(MALFORMED, 'malformed'));
  return new Promise((resolve, reject) => {
    scryptCallback(
      secret.normalize('NFC'),
      salt,
      32,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 2 ** 20 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** How long one key derivation of this cost takes here, in milliseconds. */
export async function timeKdf(cost: KdfCost): Promise<number> {
  const started = performance.now();
  const key = await deriveKek('calibration', randomBytes(16), cost);
  key.fill(0);
  return performance.now() - started;
}

/**
 * The scrypt cost for this computer: about `targetMs` per derivation, never below MINIMUM_KDF and
 * never above the caps. Measured with a small cost and scaled (scrypt's time grows in proportion to
 * N·p): N is raised first (memory is what makes guessing expensive on graphics cards), up to 2^19,
 * then p. On a slow computer the minimum is kept even if it takes longer than the target.
 */
export async function calibrateKdf(targetMs = 1000): Promise<{ cost: KdfCost; estimatedMs: number }> {
  const probe: KdfCost = { N: 2 ** 14, r: 8, p: 1 };
  await timeKdf(probe); // warm up
  const perUnit = (await timeKdf(probe)) / probe.N;
  let N = MINIMUM_KDF.N;
  while (N < KDF_LIMITS.maxN && perUnit * N * 2 <= targetMs) N *= 2;
  const p = Math.max(1, Math.min(KDF_LIMITS.maxP, Math.floor(targetMs / (perUnit * N))));
  return { cost: { N, r: 8, p }, estimatedMs: Math.round(perUnit * N * p) };
}

/** True when a slot's cost is below the file's calibrated cost (it is upgraded at its owner's next unlock). */
export function weakerThan(slot: KdfCost, target: KdfCost): boolean {
  return slot.N * slot.r * slot.p < target.N * target.r * target.p || slot.N < target.N;
}

// ---------------------------------------------------------------------------------------------
// X25519 key pairs and sealing the data key to a public key

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

function privateKeyObject(raw: Buffer): KeyObject {
  const der = Buffer.concat([PKCS8_X25519, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  return Buffer.from(publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length));
}

function rawPrivateKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  try {
    return Buffer.from(der.subarray(PKCS8_X25519.length));
  } finally {
    der.fill(0);
  }
}

/** What a slot's passphrase (or recovery key) unseals: its private key, and the seal key if it holds one. Zero it with disposeSecret. */
export interface SlotSecret {
  privateKey: Buffer;
  publicKey: Buffer;
  sealKey: Buffer | null;
}

export function disposeSecret(secret: SlotSecret | null | undefined): void {
  if (!secret) return;
  secret.privateKey.fill(0);
  secret.sealKey?.fill(0);
}

/** A new key pair for a slot; `sealKey` (copied) when the slot is a DSL's or the recovery slot. */
export function newSlotSecret(sealKey: Buffer | null): SlotSecret {
  const pair = generateKeyPairSync('x25519');
  return {
    privateKey: rawPrivateKey(pair.privateKey),
    publicKey: rawPublicKey(pair.publicKey),
    sealKey: sealKey ? Buffer.from(sealKey) : null,
  };
}

export function newSealKey(): Buffer {
  return randomBytes(SEAL_KEY_BYTES);
}

type SlotLabel = Pick<KeySlot, 'id' | 'kind' | 'userId'>;

/** Binds the sealed private key to its file, slot, kind, person and public key. */
function secretAad(fileId: string, slot: SlotLabel, publicKey: string): Buffer {
  return Buffer.from(`escalation-log:v3:secret:${fileId}:${slot.id}:${slot.kind}:${slot.userId ?? ''}:${publicKey}`, 'utf8');
}

/** Binds the sealed data key to its file, key generation, slot, kind, person and public key. */
function wrapAad(fileId: string, generation: number, slot: SlotLabel, publicKey: string): Buffer {
  return Buffer.from(
    `escalation-log:v3:data-key:${fileId}:${generation}:${slot.id}:${slot.kind}:${slot.userId ?? ''}:${publicKey}`,
    'utf8',
  );
}

/** A legacy slot's associated data (versions 1 and 2). */
function legacyAad(fileId: string, slot: SlotLabel): Buffer {
  return Buffer.from(`escalation-log:${fileId}:${slot.id}:${slot.kind}:${slot.userId ?? ''}`, 'utf8');
}

function keyCheck(kek: Buffer): Buffer {
  return createHmac('sha256', kek).update('escalation-log:v3:key-check').digest().subarray(0, 16);
}

function seal(key: Buffer, plain: Buffer, aad: Buffer): { iv: string; tag: string; sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

/** AES-256-GCM open with a full 16-byte tag (a shorter tag is refused, never accepted as a weaker check); null if it does not authenticate. */
function open(key: Buffer, sealed: { iv: string; tag: string; data: string }, aad: Buffer): Buffer | null {
  const tag = Buffer.from(sealed.tag, 'base64');
  if (tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * The key that seals a data key to a recipient: HKDF-SHA256 over an X25519 exchange between the
 * ephemeral key pair and the recipient's (either side's private key with the other's public key).
 * Zero it after use.
 */
function exchangeKey(privateKey: KeyObject, peerPublic: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(peerPublic) });
  try {
    return Buffer.from(
      hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), 'escalation-log:v3:data-key-wrap', 32),
    );
  } finally {
    shared.fill(0);
  }
}

/** Seals the data key (of `generation`) to a slot's public key. Needs no passphrase: this is how a rotation rewraps every slot. */
export function wrapForSlot(
  dataKey: Buffer,
  slot: SlotLabel & { publicKey: string },
  fileId: string,
  generation: number,
): CurrentKeySlot['wrap'] {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicKey(ephemeral.publicKey);
  const recipient = Buffer.from(slot.publicKey, 'base64');
  const key = exchangeKey(ephemeral.privateKey, recipient, ephemeralPublic, recipient);
  try {
    const sealed = seal(key, dataKey, wrapAad(fileId, generation, slot, slot.publicKey));
    return { ephemeralKey: ephemeralPublic.toString('base64'), iv: sealed.iv, tag: sealed.tag, wrappedKey: sealed.sealed };
  } finally {
    key.fill(0);
  }
}

/** The data key sealed in a slot, opened with the slot's unsealed private key; null if it does not authenticate. */
export function unwrapFromSlot(slot: CurrentKeySlot, secret: SlotSecret, fileId: string, generation: number): Buffer | null {
  const privateKey = privateKeyObject(secret.privateKey);
  const ephemeralPublic = Buffer.from(slot.wrap.ephemeralKey, 'base64');
  let key: Buffer | null = null;
  try {
    key = exchangeKey(privateKey, ephemeralPublic, ephemeralPublic, Buffer.from(slot.publicKey, 'base64'));
    const dataKey = open(
      key,
      { iv: slot.wrap.iv, tag: slot.wrap.tag, data: slot.wrap.wrappedKey },
      wrapAad(fileId, generation, slot, slot.publicKey),
    );
    if (dataKey && dataKey.length !== DATA_KEY_BYTES) {
      dataKey.fill(0);
      return null;
    }
    return dataKey;
  } catch {
    // A public key that is not a valid X25519 point (an altered slot).
    return null;
  } finally {
    key?.fill(0);
  }
}

/**
 * A slot for `secret` (a new key pair, or the person's own kept across a passphrase change), its
 * private key sealed under `text` (a passphrase or the compact recovery key) and the data key
 * sealed to its public key.
 */
export async function makeSlot(input: {
  dataKey: Buffer;
  text: string;
  secret: SlotSecret;
  kind: KeySlot['kind'];
  userId: string | null;
  fileId: string;
  generation: number;
  now: string;
  cost: KdfCost;
  /** Keep the slot's id (a passphrase changed, a slot upgraded); a new slot gets a new one. */
  id?: string;
}): Promise<CurrentKeySlot> {
  const salt = randomBytes(16);
  const label = { id: input.id ?? randomUUID(), kind: input.kind, userId: input.userId };
  const publicKey = input.secret.publicKey.toString('base64');
  const kek = await deriveKek(input.text, salt, input.cost);
  const plain = input.secret.sealKey
    ? Buffer.concat([input.secret.privateKey, input.secret.sealKey])
    : Buffer.from(input.secret.privateKey);
  try {
    const sealed = seal(kek, plain, secretAad(input.fileId, label, publicKey));
    const slot = {
      ...label,
      createdAt: input.now,
      kdf: { name: 'scrypt' as const, N: input.cost.N, r: input.cost.r, p: input.cost.p, salt: salt.toString('base64') },
      publicKey,
      secret: { check: keyCheck(kek).toString('base64'), ...sealed },
    };
    return { ...slot, wrap: wrapForSlot(input.dataKey, slot, input.fileId, input.generation) };
  } finally {
    kek.fill(0);
    plain.fill(0);
  }
}

/**
 * What a passphrase does to one slot: `no` (not this slot's passphrase), `altered` (the passphrase
 * is right but the slot was changed after it was written: tampering, named as such), or `opened`
 * with the unsealed secret (current slots) or the data key itself (legacy slots).
 */
export type SlotOpening =
  | { result: 'no' }
  | { result: 'altered' }
  | { result: 'opened'; secret: SlotSecret; dataKey: null }
  | { result: 'opened'; secret: null; dataKey: Buffer };

/** Tries a derived key-encryption key on a slot (the derivation is the slow part, done once per salt by the caller). */
export function openSlotWithKek(slot: KeySlot, kek: Buffer, fileId: string): SlotOpening {
  if (isLegacySlot(slot)) {
    const dataKey = open(kek, { iv: slot.iv, tag: slot.tag, data: slot.wrappedKey }, legacyAad(fileId, slot));
    if (!dataKey) return { result: 'no' };
    if (dataKey.length !== DATA_KEY_BYTES) {
      dataKey.fill(0);
      return { result: 'altered' };
    }
    return { result: 'opened', secret: null, dataKey };
  }
  const check = Buffer.from(slot.secret.check, 'base64');
  if (check.length !== 16 || !timingSafeEqual(check, keyCheck(kek))) return { result: 'no' };
  const plain = open(kek, { iv: slot.secret.iv, tag: slot.secret.tag, data: slot.secret.sealed }, secretAad(fileId, slot, slot.publicKey));
  if (!plain) return { result: 'altered' };
  try {
    if (plain.length !== 32 && plain.length !== 64) return { result: 'altered' };
    const privateKey = Buffer.from(plain.subarray(0, 32));
    const publicKey = Buffer.from(slot.publicKey, 'base64');
    // The public key in the file must be this private key's own.
    let derived: Buffer;
    try {
      derived = rawPublicKey(privateKeyObject(privateKey));
    } catch {
      privateKey.fill(0);
      return { result: 'altered' };
    }
    if (!timingSafeEqual(derived, publicKey)) {
      privateKey.fill(0);
      return { result: 'altered' };
    }
    const sealKey = plain.length === 64 ? Buffer.from(plain.subarray(32)) : null;
    return { result: 'opened', secret: { privateKey, publicKey, sealKey }, dataKey: null };
  } finally {
    plain.fill(0);
  }
}

/** The cache key of a slot's derivation: two slots (or one slot in two files) with the same salt and cost share one. */
export function derivationKey(slot: KeySlot): string {
  return `${slot.kdf.salt}:${slot.kdf.N}:${slot.kdf.r}:${slot.kdf.p}`;
}

/** HMAC-SHA256 with the seal key, hex. */
export function sealMac(sealKey: Buffer, text: string): string {
  return createHmac('sha256', sealKey).update(text, 'utf8').digest('hex');
}

/** Compares two hex MACs in constant time. */
export function macEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}
