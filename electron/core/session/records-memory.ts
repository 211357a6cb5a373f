import type { SqliteDatabase } from '../../../db/connection';
import type { ChainPoint } from '../../../db/queries/audit-log';
import { dataVersion } from '../../../db/queries/integrity';

// What the records check has verified in this unlocked session, so the next check reads only what
// is new: the audit log's chain up to a row (its sequence number and hash), and each stored document
// whose bytes matched both the hash stored beside them and the digest the chain recorded for it.
//
// What this trusts, and why:
// - Escalation Log's own writes. Through this connection the audit log is only ever appended to
//   (appendAudit; triggers refuse UPDATE and DELETE), and a stored document can't be changed (a
//   trigger), only added, with its hash taken from its bytes as it is stored, or removed by a
//   reviewed disposal. So what was verified stays as it was, and only rows after the remembered
//   one and documents not yet verified need reading.
// - SQLite's `PRAGMA data_version` for everyone else: it changes, as this connection sees it,
//   whenever another connection (another program, e.g. someone who opened the file with a
//   passphrase's key in a SQLite tool) commits a change. The value is read before a check reads
//   anything, and the memory is used only while it is the same and the connection is the same one
//   (replacing the records' key reopens the file: a new connection, so everything is checked again).
//   A change committed while a check runs makes the value differ at the next check, which then
//   checks everything.
// - Not trusted, and not needed: anything while locked. The memory goes with the open file at lock,
//   so the first check of each session checks everything (unlock itself walks the whole chain:
//   open-file.ts seeds the memory with the chain's head from that walk, read under the same rule).
// What it cannot see: bytes written into the file by something that bypasses SQLite altogether
// while Escalation Log has it open (not another connection's commit, so data_version stays). The
// file is encrypted with an authenticated cipher, so such a write without the key is damage, found
// page by page at the next unlock; a check after the next unlock reads everything again.

/** Which connection, and what it had seen of other connections' commits, when a check began. */
export interface FileStamp {
  connection: SqliteDatabase;
  dataVersion: number;
}

/** What a check may skip: verified earlier in this session and trusted not to have changed. */
export interface VerifiedRecords {
  /** The chain is intact up to this row (from the first), or null: walk it all. */
  chain: ChainPoint | null;
  documents: ReadonlySet<string>;
}

const NOTHING: VerifiedRecords = { chain: null, documents: new Set() };

export class RecordsMemory {
  private remembered: { stamp: FileStamp; chain: ChainPoint | null; documents: Set<string> } | null = null;

  /** `connection`: the open file's connection as it is now (a key replacement swaps it). */
  constructor(private readonly connection: () => SqliteDatabase) {}

  /** Read before a check reads anything, so a commit by another connection during the check is seen at the next one. */
  stamp(): FileStamp {
    const connection = this.connection();
    return { connection, dataVersion: dataVersion(connection) };
  }

  /** What was verified, if nothing but this connection has committed to the file since (else nothing: check everything). */
  trusted(stamp: FileStamp): VerifiedRecords {
    const last = this.remembered;
    if (!last || last.stamp.connection !== stamp.connection || last.stamp.dataVersion !== stamp.dataVersion) return NOTHING;
    return { chain: last.chain, documents: last.documents };
  }

  /**
   * What a check begun at `stamp` (skipping what `trusted(stamp)` gave) found intact. Added to what
   * was remembered if that was trusted at `stamp`; otherwise the check checked everything, and
   * its result replaces the memory. A chain found broken drops everything: the documents' digests
   * are read from that same log.
   */
  remember(stamp: FileStamp, found: { chain: ChainPoint | null; documents: readonly string[] }): void {
    if (found.chain === null) {
      this.remembered = null;
      return;
    }
    const last = this.remembered;
    const carried = last && last.stamp.connection === stamp.connection && last.stamp.dataVersion === stamp.dataVersion;
    const documents = carried ? last.documents : new Set<string>();
    for (const id of found.documents) documents.add(id);
    this.remembered = { stamp, chain: found.chain, documents };
  }

  /** At lock (and whenever a caller can no longer vouch for what was verified). */
  forget(): void {
    this.remembered = null;
  }
}
