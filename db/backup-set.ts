import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fsyncDirectory, parseKeySlotFile, writeFileAtomic } from './keyslots';

// A backup set on disk: one folder holding a consistent encrypted copy of the records file, the
// key file (and its previous generation), and a manifest that says what the set holds and lets a
// restore check every byte. The folder is built under a hidden `.partial` name and renamed when
// complete, so a set either exists whole or not at all (a killed backup leaves only a partial folder,
// which is ignored and removed later).

export const SET_FILES = {
  database: 'escalation-log.db',
  keys: 'escalation-log.keys.json',
  previousKeys: 'escalation-log.keys.previous.json',
  manifest: 'manifest.json',
} as const;

const PARTIAL_PREFIX = '.escalation-log-partial-';
const REMOVING_PREFIX = '.escalation-log-removing-';
const MANIFEST_FORMAT = 'escalation-log-backup';
const MANIFEST_VERSION = 1;

const fileEntry = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });

/**
 * Version 1 of the manifest. `keyGeneration` is the data key's generation (1 until keys are
 * rotated); `auditHead` the audit chain's last sequence and hash, so a restore can tell the set's
 * records were not cut short after the manifest was written.
 */
const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  fileId: z.uuid(),
  keyGeneration: z.number().int().min(1),
  madeAt: z.string(),
  reason: z.enum(['manual', 'lock', 'quit', 'daily']),
  appVersion: z.string(),
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  integrityCheck: z.literal('ok'),
  files: z.record(z.string(), fileEntry),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export class BackupSetError extends Error {
  constructor(
    message: string,
    readonly reason: 'damaged' | 'newer' | 'not-a-set',
  ) {
    super(message);
    this.name = 'BackupSetError';
  }
}

export function sha256File(path: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const bytes = readFileSync(path);
  hash.update(bytes);
  return { sha256: hash.digest('hex'), bytes: bytes.length };
}

function checksumOf(body: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
}

export function serialiseManifest(manifest: BackupManifest): string {
  const body = manifestSchema.parse(manifest);
  return `${JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2)}\n`;
}

/** Reads a set's manifest; throws BackupSetError saying what is wrong with it. */
export function readManifest(setDir: string): BackupManifest {
  let text: string;
  try {
    text = readFileSync(join(setDir, SET_FILES.manifest), 'utf8');
  } catch {
    throw new BackupSetError('This folder is not an Escalation Log backup set (it has no manifest).', 'not-a-set');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupSetError("The backup set's manifest is damaged (it is cut short or has changed characters).", 'damaged');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BackupSetError("The backup set's manifest is damaged.", 'damaged');
  }
  const { checksum, ...body } = parsed as Record<string, unknown>;
  if (body.format !== MANIFEST_FORMAT) throw new BackupSetError('This folder is not an Escalation Log backup set.', 'not-a-set');
  if (typeof body.version === 'number' && body.version > MANIFEST_VERSION) {
    throw new BackupSetError(
      'This backup set was made by a newer version of Escalation Log. Install the newer version to restore it.',
      'newer',
    );
  }
  if (checksum !== checksumOf(body))
    throw new BackupSetError("The backup set's manifest is damaged (its checksum does not match).", 'damaged');
  const result = manifestSchema.safeParse(body);
  if (!result.success) throw new BackupSetError("The backup set's manifest is damaged (parts of it are missing).", 'damaged');
  return result.data;
}

/** Checks every file the manifest lists against its size and SHA-256; throws BackupSetError naming the first that differs. */
export function verifySetFiles(setDir: string, manifest: BackupManifest): void {
  for (const required of [SET_FILES.database, SET_FILES.keys]) {
    if (!manifest.files[required]) throw new BackupSetError(`The backup set's manifest does not list ${required}.`, 'damaged');
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const path = join(setDir, name);
    if (!/^[a-z0-9.-]+$/.test(name) || !existsSync(path)) {
      throw new BackupSetError(`The backup set is incomplete: ${name} is missing.`, 'damaged');
    }
    const found = sha256File(path);
    if (found.bytes !== expected.bytes) {
      throw new BackupSetError(
        `The backup set is damaged: ${name} is ${found.bytes < expected.bytes ? 'cut short' : 'longer than it should be'}.`,
        'damaged',
      );
    }
    if (found.sha256 !== expected.sha256)
      throw new BackupSetError(`The backup set is damaged: ${name} has changed since the backup was made.`, 'damaged');
  }
}

export interface SetListing {
  name: string;
  path: string;
  manifest: BackupManifest | null;
  problem: string | null;
}

/** Every backup set (complete folder with a manifest) directly inside `folder`, newest first; damaged ones listed with their problem. */
export function listSets(folder: string): SetListing[] {
  const listings: SetListing[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    try {
      if (!statSync(path).isDirectory() || !existsSync(join(path, SET_FILES.manifest))) continue;
    } catch {
      continue;
    }
    try {
      listings.push({ name, path, manifest: readManifest(path), problem: null });
    } catch (error) {
      listings.push({ name, path, manifest: null, problem: error instanceof Error ? error.message : 'It cannot be read.' });
    }
  }
  return listings.sort((a, b) => (b.manifest?.madeAt ?? '').localeCompare(a.manifest?.madeAt ?? '') || b.name.localeCompare(a.name));
}

export interface PartialSet {
  dir: string;
  finish(name: string, manifest: Omit<BackupManifest, 'files'>): { path: string; manifest: BackupManifest; bytes: number };
  abandon(): void;
}

/** A new set folder under a hidden partial name; `finish` hashes its files, writes the manifest and gives it its name. */
export function startSet(folder: string): PartialSet {
  const dir = join(folder, `${PARTIAL_PREFIX}${randomBytes(6).toString('hex')}`);
  mkdirSync(dir);
  return {
    dir,
    finish(name, partial) {
      const files: BackupManifest['files'] = {};
      let bytes = 0;
      for (const file of readdirSync(dir).sort()) {
        fsyncFile(join(dir, file));
        files[file] = sha256File(join(dir, file));
        bytes += files[file].bytes;
      }
      const manifest: BackupManifest = { ...partial, files };
      writeFileAtomic(join(dir, SET_FILES.manifest), serialiseManifest(manifest));
      let target = join(folder, name);
      for (let n = 2; existsSync(target); n += 1) target = join(folder, `${name} (${n})`);
      renameSync(dir, target);
      fsyncDirectory(folder);
      return { path: target, manifest, bytes };
    },
    abandon() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies a key file into a set only if it is an intact key file (a damaged one would be no use in a backup). */
export function copyKeyFileInto(source: string, target: string): boolean {
  if (!existsSync(source)) return false;
  try {
    parseKeySlotFile(readFileSync(source, 'utf8'));
  } catch {
    return false;
  }
  copyFileSync(source, target);
  return true;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes this file's oldest complete sets beyond `keep`, and partial folders left by a killed backup over an hour ago. */
export function pruneSets(folder: string, fileId: string, keep: number, now: Date): string[] {
  const removed: string[] = [];
  const ours = listSets(folder).filter((set) => set.manifest?.fileId === fileId);
  for (const set of ours.slice(Math.max(1, keep))) {
    // Out of sight first (one atomic rename), then deleted: a backup killed while deleting leaves a
    // hidden folder, never a set that still has its manifest but has lost its records file.
    const going = join(folder, `${REMOVING_PREFIX}${randomBytes(6).toString('hex')}`);
    renameSync(set.path, going);
    rmSync(going, { recursive: true, force: true });
    removed.push(set.name);
  }
  for (const name of readdirSync(folder)) {
    if (name.startsWith(REMOVING_PREFIX)) {
      rmSync(join(folder, name), { recursive: true, force: true });
      continue;
    }
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    try {
      if (now.getTime() - statSync(join(folder, name)).mtimeMs > 3_600_000) rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // Another computer's backup may be finishing it: leave it.
    }
  }
  return removed;
}
