import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt as scryptCallback } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { z } from 'zod';

// Key slots: the database is keyed by a random 256-bit data key, never by a passphrase. Each
// passphrase (and the recovery key) wraps that data key in its own slot: scrypt derives a
// key-encryption key, AES-256-GCM seals the data key. Changing a passphrase rewrites one slot; the
// database is never rekeyed (this SQLite build corrupts a WAL-mode file on rekey). Slots live in a
// small sidecar JSON file beside the database, written atomically so a crash leaves the old or the
// new file, never half of one.

export const DATA_KEY_BYTES = 32;

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

const slotFileSchema = z.object({
  format: z.literal('escalation-log-key-slots'),
  version: z.literal(1),
  fileId: z.uuid(),
  slots: z.array(slotSchema).min(1),
});
export type KeySlotFile = z.infer<typeof slotFileSchema>;

export class KeySlotFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeySlotFileError';
  }
}

export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function newKeySlotFile(slots: KeySlot[], fileId: string): KeySlotFile {
  return { format: 'escalation-log-key-slots', version: 1, fileId, slots };
}

export function readKeySlotFile(path: string): KeySlotFile | null {
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new KeySlotFileError('The key file beside the records file is damaged (it is not valid JSON).');
  }
  const result = slotFileSchema.safeParse(parsed);
  if (!result.success) throw new KeySlotFileError('The key file beside the records file is damaged or from an unknown version.');
  return result.data;
}

/** Write to a temporary file in the same folder, fsync it, rename over the old one, fsync the folder. */
export function writeKeySlotFileAtomic(path: string, file: KeySlotFile): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(slotFileSchema.parse(file), null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
  fsyncDirectory(dirname(path));
}

function fsyncDirectory(dir: string): void {
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
