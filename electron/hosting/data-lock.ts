import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';

// One writer per data folder. Two processes on one folder (browser mode twice, or browser mode
// beside the desktop app) would both set up, or both write and fail each other's transactions.
// So each host takes a lock file in the data folder at start, holds it for its whole life, and
// writes into it who holds it and since when. A second process finds it and refuses, naming the
// folder and the holder. A lock left by a process that died (a crash, a power cut) is stale: on the
// same computer its process is gone, or the computer has restarted since. A stale lock is taken over
// by moving it aside under a unique name and checking that what was moved is the stale one, so two
// processes taking over at once cannot both win. The lock is removed at a normal exit.

export const LOCK_FILE_NAME = 'escalation-log.lock';

export interface LockHolder {
  pid: number;
  host: string;
  app: 'desktop' | 'browser' | 'test';
  startedAt: string;
  /** This boot of the computer: a lock from before a restart is stale whatever its pid. */
  boot: string;
  token: string;
}

export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `${holder.app === 'desktop' ? 'the Escalation Log desktop app' : holder.app === 'browser' ? 'Escalation Log in browser mode' : 'another Escalation Log'} (process ${holder.pid} on ${holder.host}, since ${holder.startedAt})`
      : 'another Escalation Log that is just starting';
    super(
      `The data folder ${folder} is already in use by ${who}. Only one Escalation Log can use a data folder at a time, so this one will not start. Use the one that is already open, or close it and start again.`,
    );
    this.name = 'FolderInUseError';
  }
}

export interface DataFolderLock {
  path: string;
  holder: LockHolder;
  /** True if a stale lock (a process that died) was found and taken over. */
  tookOverStale: boolean;
  release(): void;
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // Elsewhere: the boot time to the minute (uptime moves with the clock, so allow for rounding below).
    return `booted ${Math.round((Date.now() - uptime() * 1000) / 60_000)}`;
  }
}

function sameBoot(a: string, b: string): boolean {
  if (a === b) return true;
  const minutes = (text: string) => (text.startsWith('booted ') ? Number(text.slice(7)) : NaN);
  return Math.abs(minutes(a) - minutes(b)) <= 1;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.token !== 'string') return null;
    return parsed as LockHolder;
  } catch {
    return null;
  }
}

/** Whether the lock at `path` (held by `holder`, or unreadable) belongs to a process that is gone. */
function isStale(path: string, holder: LockHolder | null, now: number): boolean {
  if (holder === null) {
    // Created but never written: its writer died in between, unless it is only just being written.
    try {
      return now - statSync(path).mtimeMs > 10_000;
    } catch {
      return true;
    }
  }
  // A lock from another computer (a network folder) cannot be checked from here: it is never taken over.
  if (holder.host !== hostname()) return false;
  if (!sameBoot(holder.boot, bootId())) return true;
  if (holder.pid === process.pid) return false;
  return !processAlive(holder.pid);
}

function writeNew(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the data folder's lock for this process, or throws FolderInUseError. */
export function acquireDataFolderLock(dir: string, app: LockHolder['app'], now = () => Date.now()): DataFolderLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    app,
    startedAt: new Date(now()).toISOString(),
    boot: bootId(),
    token: randomBytes(16).toString('hex'),
  };
  let tookOverStale = false;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (writeNew(path, holder)) return held(path, holder, tookOverStale);
    const found = readHolder(path);
    if (!isStale(path, found, now())) throw new FolderInUseError(dir, found);
    // Move the stale lock aside, then make sure what was moved is the one judged stale: another
    // process may have taken it over (and made its own) in between.
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if ((moved?.token ?? null) !== (found?.token ?? null)) {
      // We moved a live lock: put it back (link fails if yet another lock appeared meanwhile).
      try {
        linkSync(aside, path);
      } catch {
        // Left aside; its owner still holds the folder in its own eyes, so we must not start.
      }
      rmSync(aside, { force: true });
      throw new FolderInUseError(dir, moved);
    }
    rmSync(aside, { force: true });
    tookOverStale = true;
  }
  throw new FolderInUseError(dir, readHolder(path));
}

function held(path: string, holder: LockHolder, tookOverStale: boolean): DataFolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock is removed.
    if (readHolder(path)?.token === holder.token) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, holder, tookOverStale, release };
}
