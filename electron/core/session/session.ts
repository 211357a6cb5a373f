import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { SqliteDatabase } from '../../../db/connection';
import { dataPaths, type DataPaths } from '../../../db/vault';
import type { KdfCost } from '../../../db/keyslots';
import type { SessionUser } from '../../../shared/schemas/session';
import { ApiFailure } from '../../../shared/result';
import type { Clock } from '../services/context';
import { UnlockThrottle } from './unlock-throttle';

// The session: which data folder, whether the records file is open and for whom, the recovery key
// waiting to be confirmed, and the unlock throttle. The one place that holds the data key; nothing
// else keeps a reference to the open file between calls.

export interface SessionOptions {
  dataDir: string;
  /** Absolute path of the folder holding the PDF fonts (the only local files pdfmake may read). */
  fontsDir: string;
  clock?: Clock;
  /** Lower scrypt cost for tests only; the app always uses the default. */
  kdfCost?: KdfCost;
}

export interface OpenFile {
  sqlite: SqliteDatabase;
  db: Kysely<DB>;
  dataKey: Buffer;
  fileId: string;
  user: SessionUser;
  lastActivityAt: number;
  idleLockMinutes: number;
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

const LOCKED_MESSAGE = 'Escalation Log is locked. Unlock it with your passphrase to continue.';

export class Session {
  readonly paths: DataPaths;
  readonly fontsDir: string;
  readonly clock: Clock;
  readonly kdfCost: KdfCost | undefined;
  readonly throttle: UnlockThrottle;
  /** A recovery key just made, held in memory only until the DSL confirms it is stored (or the file locks). */
  pendingRecoveryKey: PendingRecoveryKey | null = null;
  private file: OpenFile | null = null;

  constructor(options: SessionOptions) {
    this.paths = dataPaths(options.dataDir);
    this.fontsDir = options.fontsDir;
    this.clock = options.clock ?? (() => new Date());
    this.kdfCost = options.kdfCost;
    this.throttle = new UnlockThrottle(() => this.clock().getTime());
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

  /** Closes the database and drops the key and any pending recovery key from memory. */
  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    this.pendingRecoveryKey = null;
    if (!file) return;
    file.dataKey.fill(0);
    await file.db.destroy();
    if (file.sqlite.open) file.sqlite.close();
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
