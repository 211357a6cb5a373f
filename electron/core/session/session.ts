import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { SqliteDatabase } from '../../../db/connection';
import { dataPaths, type DataPaths } from '../../../db/vault';
import { removeLeftoverTempFiles, type KdfCost } from '../../../db/keyslots';
import { finishInterruptedRestore } from '../../../db/restore-swap';
import { removeUnfinishedRotationCopy } from '../../../db/rotation';
import type { SessionUser } from '../../../shared/schemas/session';
import type { CheckPortion } from '../services/records-check';
import { ApiFailure } from '../../../shared/result';
import type { Clock } from '../services/context';
import { UnlockThrottle } from './unlock-throttle';
import type { IntegrityReport } from '../services/integrity';
import type { RecordsMemory } from './records-memory';

// The session: which data folder, whether the records file is open and for whom, the recovery key
// waiting to be confirmed, and the unlock throttle. The one place that holds the data key; nothing
// else keeps a reference to the open file between calls.

export interface SessionOptions {
  dataDir: string;
  /** Absolute path of the folder holding the PDF fonts (the only local files pdfmake may read). */
  fontsDir: string;
  clock?: Clock;
  /** Lower scrypt cost for tests only; the app calibrates its own at set-up (about a second here). */
  kdfCost?: KdfCost;
  /** How much the termly audit's records check reads in one turn on the queue (tests make it small). */
  recordsCheckPortion?: CheckPortion;
}

export interface OpenFile {
  sqlite: SqliteDatabase;
  db: Kysely<DB>;
  dataKey: Buffer;
  fileId: string;
  /** The data key's generation (the key file's and the records file's). */
  generation: number;
  /**
   * The seal key, in a DSL's session (or one opened with the recovery key): it signs the list of who
   * may open the records and the audit log's end. Null for everyone else. Zeroed at lock.
   */
  sealKey: Buffer | null;
  user: SessionUser;
  lastActivityAt: number;
  idleLockMinutes: number;
  /** Said to the person at unlock and while the file is open: a key file repaired, a recovery slot that no longer matches. */
  warnings: string[];
  /** What the records check has verified in this session (records-memory.ts): forgotten at lock. */
  recordsMemory: RecordsMemory;
}

export interface PendingRecoveryKey {
  recoveryKey: string;
  fileId: string;
  createdAt: string;
  /**
   * True when the key is not in the key file yet: it replaces the current one only once the DSL
   * confirms the new sheet is stored, so a reload or a lock before then never leaves the setting
   * without a recovery key it holds.
   */
  replacesCurrent: boolean;
}

/** A backup set that has been unlocked and checked, staged beside the live files, waiting for the DSL's confirmation. */
export interface PendingRestore {
  folder: string;
  setName: string;
  madeAt: string;
  dataKey: Buffer;
  /** Zeroes the key and removes the staged copies. */
  dispose: () => void;
}

const LOCKED_MESSAGE = 'Escalation Log is locked. Unlock it with your passphrase to continue.';

export class Session {
  readonly paths: DataPaths;
  readonly fontsDir: string;
  readonly clock: Clock;
  readonly recordsCheckPortion: CheckPortion | undefined;
  readonly kdfCost: KdfCost | undefined;
  readonly throttle: UnlockThrottle;
  /** A recovery key just made, held in memory only until the DSL confirms it is stored (or the file locks). */
  pendingRecoveryKey: PendingRecoveryKey | null = null;
  /**
   * What went wrong on the way to the last lock (a full disk, a failed backup): the file is locked
   * whatever happened, and this is shown on the unlock screen until the next unlock.
   */
  lockNotice: string | null = null;
  /** A backup set unlocked and checked, waiting for the DSL to confirm the restore (see session/restore.ts). */
  pendingRestore: PendingRestore | null = null;
  /**
   * Failed unlock attempts since the last successful unlock (when each was made), kept in memory
   * only (a locked file can't be written) and written to the audit log at the next unlock.
   */
  failedUnlocks: string[] = [];
  /** What the checks at the last unlock found (shown in Settings, Security, with when they ran and how long they took). */
  lastIntegrity: (IntegrityReport & { at: string }) | null = null;
  private file: OpenFile | null = null;

  constructor(options: SessionOptions) {
    this.paths = dataPaths(options.dataDir);
    this.fontsDir = options.fontsDir;
    this.clock = options.clock ?? (() => new Date());
    this.recordsCheckPortion = options.recordsCheckPortion;
    this.kdfCost = options.kdfCost;
    this.throttle = new UnlockThrottle(() => this.clock().getTime());
    // At start, with the folder held by this process: temp copies of key files left by a killed
    // write are removed (they hold old key slots), and a restore killed half-way is finished (or,
    // if it never reached its commit point, its staged copies removed).
    removeLeftoverTempFiles(this.paths.dir);
    try {
      finishInterruptedRestore(this.paths);
      // A re-encrypted copy a killed rotation never put in place (its key file is settled at unlock).
      removeUnfinishedRotationCopy(this.paths);
    } catch {
      // A read-only folder: the unlock will say so.
    }
  }

  /** The open file, or null while locked. */
  get current(): OpenFile | null {
    return this.file;
  }

  /** The open file; answers `locked` when there is none. */
  requireOpen(): OpenFile {
    if (!this.file) throw new ApiFailure('locked', LOCKED_MESSAGE);
    return this.file;
  }

  /** Takes charge of a file just unlocked. There is never more than one open file. */
  open(file: OpenFile): void {
    if (this.file) throw new ApiFailure('conflict', 'Escalation Log is already unlocked.');
    this.file = file;
  }

  /**
   * Closes the database and drops the key and any pending recovery key from memory. Whatever fails
   * on the way, the session ends locked: the key is zeroed first, and the connection is closed even
   * if Kysely's teardown throws (SQLite's own copy of the key goes with the connection). The first
   * failure is rethrown after, for the caller to report.
   */
  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    this.pendingRecoveryKey = null;
    this.lastIntegrity = null;
    this.disposePendingRestore();
    if (!file) return;
    file.dataKey.fill(0);
    file.sealKey?.fill(0);
    file.recordsMemory.forget();
    let failure: unknown = null;
    try {
      await file.db.destroy();
    } catch (error) {
      failure = error;
    }
    try {
      if (file.sqlite.open) file.sqlite.close();
    } catch (error) {
      failure ??= error;
    }
    if (failure !== null) throw failure;
  }

  /** Forgets a backup set that was unlocked for a restore but not restored (its key is zeroed). */
  disposePendingRestore(): void {
    const pending = this.pendingRestore;
    this.pendingRestore = null;
    pending?.dispose();
  }

  /** A wrong passphrase or recovery key: counted (at most the last thousand are kept) for the next unlock to record. */
  noteFailedUnlock(): void {
    this.failedUnlocks.push(this.clock().toISOString());
    if (this.failedUnlocks.length > 1000) this.failedUnlocks.splice(0, this.failedUnlocks.length - 1000);
  }

  /** Something was asked of the session: the idle period starts again. */
  touch(): void {
    if (this.file) this.file.lastActivityAt = this.clock().getTime();
  }

  /** True when the file is open and nothing has been asked of it for the idle-lock period. */
  idleExpired(): boolean {
    const file = this.file;
    return file !== null && this.clock().getTime() - file.lastActivityAt >= file.idleLockMinutes * 60_000;
  }
}
