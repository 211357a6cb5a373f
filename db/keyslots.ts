import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, scrypt as scryptCallback } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { z } from 'zod';

// Key slots: the database is keyed by a random 256-bit data key, never by a passphrase. Each
// passphrase (and the recovery key) wraps that data key in its own slot: scrypt derives a
// key-encryption key, AES-256-GCM seals the data key. Changing a passphrase rewrites one slot; the
// database is never rekeyed (this SQLite build corrupts a WAL-mode file on rekey). Slots live in a
// small sidecar JSON file beside the database, written atomically so a crash leaves the old or the
// new file, never half of one.

export const DATA_KEY_BYTES = 32;
export const KEY_FILE_VERSION = 2;

/** scrypt cost. N = 2^17 with r = 8 takes 128 MiB and about half a second, per OWASP's guidance. */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

const slotSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  userId: z.uuid().nullable(),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: base64,
  tag: base64,
  wrappedKey: base64,
});
export type KeySlot = z.infer<typeof slotSchema>;

/**
 * The key file, format version 2. Room is left for the data-key rotation that comes later: the
 * `generation` of the data key the slots wrap (1 until a rotation), a `revision` counting every
 * write of this file, and an optional `auditHead` (the audit chain's last sequence and hash) for the
 * truncation check. A SHA-256 `checksum` over the rest tells a damaged file apart from a wrong
 * passphrase: a damaged file is never counted as a failed attempt. Version 1 files (no checksum, no
 * generation) are still read, and rewritten as version 2 at the next write.
 */
const auditHeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

const slotFileV1Schema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(1),
  fileId: z.uuid(),
  slots: z.array(slotSchema).min(1),
});

const slotFileSchema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(KEY_FILE_VERSION),
  fileId: z.uuid(),
  generation: z.number().int().min(1),
  revision: z.number().int().min(1),
  writtenAt: z.string(),
  auditHead: auditHeadSchema.optional(),
  slots: z.array(slotSchema).min(1),
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
  malformed: 'is damaged (parts of it are missing)',
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

export function newKeySlotFile(slots: KeySlot[], fileId: string, writtenAt = new Date().toISOString()): KeySlotFile {
  return { format: 'escalation-log-key-slots', version: KEY_FILE_VERSION, fileId, generation: 1, revision: 1, writtenAt, slots };
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
    if (!v1.success) throw new KeySlotFileError('The key file beside the records file is damaged.', 'malformed');
    return { ...newKeySlotFile(v1.data.slots, v1.data.fileId, ''), revision: 1 };
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
  const result = slotFileSchema.safeParse(body);
  if (!result.success)
    throw new KeySlotFileError('The key file beside the records file is damaged or from an unknown version.', 'malformed');
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

function deriveKek(secret: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(
      secret.normalize('NFC'),
      salt,
      32,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Binds a slot's ciphertext to its file, id, kind and user, so slots can't be swapped or re-labelled. */
function associatedData(fileId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId'>): Buffer {
  return Buffer.from(`escalation-log:${fileId}:${slot.id}:${slot.kind}:${slot.userId ?? ''}`, 'utf8');
}

export async function wrapDataKey(
  dataKey: Buffer,
  secret: string,
  slot: { kind: KeySlot['kind']; userId: string | null; fileId: string; now: string; cost?: KdfCost },
): Promise<KeySlot> {
  const cost = slot.cost ?? DEFAULT_KDF;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const id = randomUUID();
  const kek = await deriveKek(secret, salt, cost);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(associatedData(slot.fileId, { id, kind: slot.kind, userId: slot.userId }));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      id,
      kind: slot.kind,
      userId: slot.userId,
      createdAt: slot.now,
      kdf: { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the secret is not the one this slot was sealed with. */
export async function unwrapDataKey(slot: KeySlot, secret: string, fileId: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(associatedData(fileId, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    // GCM authentication failed: the wrong secret (or a tampered slot). Either way, not unlocked.
    return null;
  } finally {
    kek.fill(0);
  }
}
