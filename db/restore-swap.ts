import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { SET_FILES, sha256File, type BackupManifest } from './backup-set';
import { fsyncDirectory, writeFileAtomic } from './keyslots';
import type { DataPaths } from './vault';

// Putting a backup set in place of the live files, crash-safely. First the set's files are copied
// into the data folder under `.restoring` names and checked byte for byte against the manifest:
// until then the live files are untouched, and a killed restore leaves them as they were (the
// staged copies are removed at the next start). The commit point is a small journal file naming
// the folder the live files go aside to; from then on the swap is rolled forward, at once or at
// the next start if the process dies half-way: each staged file moves the live one (and, for the
// records file, its -wal, -shm and -journal companions, which must never meet another file) aside,
// then takes its name. The live files are never deleted: they are kept in the named folder.

const journalSchema = z.object({ aside: z.string().regex(/^[^/\\]+$/), at: z.string() });

export interface RestorePaths {
  journal: string;
  database: string;
  keys: string;
  previousKeys: string;
}

export function restorePaths(paths: DataPaths): RestorePaths {
  return {
    journal: join(paths.dir, 'escalation-log.restore.json'),
    database: `${paths.database}.restoring`,
    keys: `${paths.keySlots}.restoring`,
    previousKeys: `${paths.previousKeySlots}.restoring`,
  };
}

/** Copies the set's records file and key files into the data folder under `.restoring` names, checking each copy against the manifest. */
export function stageRestore(paths: DataPaths, setDir: string, manifest: BackupManifest): RestorePaths {
  const staged = restorePaths(paths);
  discardStaged(paths);
  const pairs: [string, string][] = [
    [SET_FILES.database, staged.database],
    [SET_FILES.keys, staged.keys],
  ];
  if (manifest.files[SET_FILES.previousKeys]) pairs.push([SET_FILES.previousKeys, staged.previousKeys]);
  try {
    for (const [name, target] of pairs) {
      copyFileSync(join(setDir, name), target);
      const copied = sha256File(target);
      const expected = manifest.files[name];
      if (!expected || copied.sha256 !== expected.sha256) throw new Error(`The copy of ${name} did not match the backup set.`);
    }
    fsyncDirectory(paths.dir);
  } catch (error) {
    discardStaged(paths);
    throw error;
  }
  return staged;
}

/** Removes staged copies of a restore that was never committed. */
export function discardStaged(paths: DataPaths): void {
  const staged = restorePaths(paths);
  if (existsSync(staged.journal)) return;
  for (const file of [staged.database, staged.keys, staged.previousKeys]) rmSync(file, { force: true });
}

/** The commit point: writes the journal, then swaps. Returns the folder the live files were moved to. */
export function commitRestore(paths: DataPaths, asideName: string, now: string): string {
  const staged = restorePaths(paths);
  writeFileAtomic(staged.journal, JSON.stringify({ aside: asideName, at: now }));
  rollForward(paths);
  return join(paths.dir, asideName);
}

/** Finishes a committed restore (its journal is there). Returns the folder the live files went to, or null if there was none to finish. */
function rollForward(paths: DataPaths): string | null {
  const staged = restorePaths(paths);
  if (!existsSync(staged.journal)) return null;
  const parsed = journalSchema.safeParse(safeJson(readFileSync(staged.journal, 'utf8')));
  if (!parsed.success) {
    // A journal that cannot be read was never completely written (it is written atomically), so the
    // commit point was not reached: the live files are untouched.
    rmSync(staged.journal, { force: true });
    discardStaged(paths);
    return null;
  }
  const asideDir = join(paths.dir, parsed.data.aside);
  mkdirSync(asideDir, { recursive: true });
  const moveAside = (file: string) => {
    if (!existsSync(file)) return;
    let target = join(asideDir, basename(file));
    for (let n = 2; existsSync(target); n += 1) target = join(asideDir, `${basename(file)}.${n}`);
    renameSync(file, target);
  };
  if (existsSync(staged.database)) {
    // The companions first: a -wal left beside the restored file would be replayed into it.
    for (const suffix of ['-wal', '-shm', '-journal', '']) moveAside(`${paths.database}${suffix}`);
    renameSync(staged.database, paths.database);
  }
  if (existsSync(staged.keys)) {
    moveAside(paths.keySlots);
    moveAside(paths.previousKeySlots);
    renameSync(staged.keys, paths.keySlots);
  }
  if (existsSync(staged.previousKeys)) {
    moveAside(paths.previousKeySlots);
    renameSync(staged.previousKeys, paths.previousKeySlots);
  }
  fsyncDirectory(paths.dir);
  rmSync(staged.journal, { force: true });
  fsyncDirectory(paths.dir);
  return asideDir;
}

/** At start: a committed restore is finished; staged copies of one never committed are removed. */
export function finishInterruptedRestore(paths: DataPaths): string | null {
  const finished = rollForward(paths);
  discardStaged(paths);
  return finished;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
