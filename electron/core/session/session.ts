import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { SqliteDatabase } from '../../../db/connection';
import { dataPaths, type DataPaths } from '../../../db/vault';
import type { KdfCost } from '../../../db/keyslots';
import type { SessionUser } from '../../../shared/schemas/session';
import { ApiFailure } from '../../../shared/result';
import type { Clock, ServiceContext } from '../services/context';
import { UnlockThrottle } from './unlock-throttle';

// The core's state: which data folder, whether the file is open and for whom, and the one queue
// every call goes through so writes are applied in the order they were asked for (and a lock can
// never land in the middle of a write).

export interface CoreOptions {
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

export class Core {
  readonly paths: DataPaths;
  readonly fontsDir: string;
  readonly clock: Clock;
  readonly kdfCost: KdfCost | undefined;
  readonly throttle: UnlockThrottle;
  open: OpenFile | null = null;
  /** A recovery key just made, held in memory only until the DSL confirms it is stored (or the file locks). */
  pendingRecoveryKey: PendingRecoveryKey | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: CoreOptions) {
    this.paths = dataPaths(options.dataDir);
    this.fontsDir = options.fontsDir;
    this.clock = options.clock ?? (() => new Date());
    this.kdfCost = options.kdfCost;
    this.throttle = new UnlockThrottle(() => this.clock().getTime());
  }

  /** Runs calls one at a time, in arrival order. */
  serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  context(): ServiceContext {
    if (!this.open) throw new ApiFailure('locked', 'Escalation Log is locked. Unlock it with your passphrase to continue.');
    return { db: this.open.db, user: this.open.user, clock: this.clock };
  }

  touch(): void {
    if (this.open) this.open.lastActivityAt = this.clock().getTime();
  }

  /** Locks if nothing has been asked of the core for the idle period. */
  async lockIfIdle(): Promise<boolean> {
    return this.serialise(async () => {
      const open = this.open;
      if (!open) return false;
      if (this.clock().getTime() - open.lastActivityAt < open.idleLockMinutes * 60_000) return false;
      await this.closeFile();
      return true;
    });
  }

  /** Closes the database and drops the key and any pending recovery key from memory. */
  async closeFile(): Promise<void> {
    const open = this.open;
    this.open = null;
    this.pendingRecoveryKey = null;
    if (!open) return;
    open.dataKey.fill(0);
    await open.db.destroy();
    if (open.sqlite.open) open.sqlite.close();
  }
}
