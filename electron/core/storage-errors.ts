import { ApiFailure, storageMessages } from '../../shared/result';

// Failures of the disk or the file, named for the person at the screen. SQLite's codes (from
// better-sqlite3's SqliteError) and Node's (from fs) are read wherever they sit in the error's
// cause chain, because Kysely and our own wrappers may wrap them. Anything named here is never
// answered "Something went wrong": damage is `damaged_file` with the way out, a full disk is
// `disk_full`, a read-only folder `read_only_folder`, another program holding the file `busy_file`.

export type StorageProblem = 'damaged' | 'disk_full' | 'read_only_folder' | 'busy_file' | 'disk_error';

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** What kind of storage failure this is, or null if it is not one. */
export function storageProblem(error: unknown): StorageProblem | null {
  for (const code of codesOf(error)) {
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only_folder';
    // The -wal or -shm beside the file cannot be made: the folder is read-only, or not ours.
    if (code === 'SQLITE_CANTOPEN') return 'read_only_folder';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy_file';
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'disk_error';
  }
  return null;
}

/** The words for a damaged records file: what happened, and which backup to restore. */
export function damagedMessage(lastBackup: string | null): string {
  const where = lastBackup
    ? ` Restore your last good backup (${lastBackup}): choose "Restore from a backup" on the unlock screen.`
    : ' Restore it from your most recent backup: choose "Restore from a backup" on the unlock screen.';
  return `The records file is damaged: part of it can no longer be read, so Escalation Log will not show it as if it were whole. Nothing more has been written to it.${where}`;
}

/** The failure to answer for a storage error, or null to let the caller treat it as unexpected. */
export function storageFailure(error: unknown, lastBackup: () => string | null): ApiFailure | null {
  if (error instanceof ApiFailure) return null;
  const problem = storageProblem(error);
  if (problem === null) return null;
  if (problem === 'damaged') return new ApiFailure('damaged_file', damagedMessage(lastBackup()));
  return new ApiFailure(problem, storageMessages[problem]);
}
