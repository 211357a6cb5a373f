import type { RecordsCheck } from '../../../shared/termly-audit/types';
import type { FileStamp, RecordsMemory, VerifiedRecords } from '../session/records-memory';
import {
  alteredTriggers,
  checkDocumentBytes,
  DOCUMENT_CHUNK,
  MAX_BREAKS,
  sortByCreated,
  storedDocumentSizes,
  verifyAuditChain,
  type ChainBreak,
  type ChainPoint,
  type DocumentNamed,
} from '../../../db/queries/audit-log';
import { InTurns, type Turn } from '../outside-queue';
import { nowIso, type ReadContext } from './context';
import { breakWords, notInChainWords, notMatchingWords, triggerWords } from './integrity';

// The termly audit's records check, its own API call (the Audit screen shows the figures first and
// this result when it comes) and part of the governors' PDF: the audit log's hash chain, the
// protections that keep it and stored documents permanent, and every stored document's bytes
// against its fingerprint. At a hundred times a large school's volume that is seconds of reading
// (hundreds of thousands of log entries, hundreds of megabytes of PDFs), so what one check verified
// is remembered for the rest of the unlocked session and the next check reads only what is new
// (session/records-memory.ts says what that trusts). Read-only users run it, so it does not use
// the key file or the seal key (the checks at unlock do).
//
// Those seconds would hold the core's one queue, and a Lock pressed meanwhile must not wait for
// them (issue 9). So the API call reads in bounded portions, each a turn of its own on the queue
// (InTurns, outside-queue.ts): a few thousand log entries, or a few megabytes of documents. Between
// two turns other calls run, so before each portion `PRAGMA data_version` is read again: if
// another connection committed meanwhile, the check starts over (what it had read may be stale).
// The app's own writes in between only append to the log and add documents, so the walk simply
// goes on to them. Nothing is remembered until the last turn: a check cut short by a lock (the
// dispatcher never runs its next turn) records nothing as verified.

/** How much one turn reads at most. */
export interface CheckPortion {
  /** Audit log entries hashed in one turn. */
  auditRows: number;
  /** Document bytes read in one turn (always at least one document, however large). */
  documentBytes: number;
}

/** About 20-40 ms of reading each on the 100× data set, so a Lock waits no longer than that. */
export const DEFAULT_PORTION: CheckPortion = { auditRows: 5_000, documentBytes: 8 * 1024 * 1024 };

/** Another program committing again and again: after this many fresh starts the check finishes, but remembers nothing. */
const MAX_FRESH_STARTS = 3;

const LOCKED_WHILE_CHECKING =
  'Escalation Log was locked while the records were being checked, so the check stopped. Unlock and check again.';

/** One check's progress from turn to turn. Only its last turn tells the session's memory anything. */
export class RecordsCheckRun {
  private stamp: FileStamp | null = null;
  private known: VerifiedRecords = { chain: null, documents: new Set() };
  private freshStarts = 0;
  private started = false;
  // The chain walked so far: where the next portion resumes, how many rows in all, what broke.
  private chainAt: ChainPoint | undefined;
  private chainRows = 0;
  private chainDone = false;
  private breaks: ChainBreak[] = [];
  // The documents: still to read (id and size), read this time, and what they showed.
  private pending: { id: string; bytes: number }[] | null = null;
  private seen = new Set<string>();
  private documents = { notInChain: [] as DocumentNamed[], notMatching: [] as DocumentNamed[], verified: [] as string[], read: 0 };
  private hashed = 0;

  constructor(
    private readonly memory: RecordsMemory | null,
    private readonly portion: CheckPortion = DEFAULT_PORTION,
  ) {}

  /** What this check has read itself so far (for tests: each turn reads at most one portion). */
  get read(): { auditEntries: number; documents: number } {
    return { auditEntries: this.hashed, documents: this.documents.read };
  }

  /** Reads one portion; the last turn answers, and tells the memory what was found intact. */
  async turn(ctx: ReadContext): Promise<Turn<RecordsCheck>> {
    if (this.memory) {
      // Stamped before anything is read, each turn: a commit by another connection since the last
      // turn means what was read may be stale, so everything is read again (while that keeps happening
      // a few times, the check goes on but remembers nothing).
      const stamp = this.memory.stamp();
      const moved = this.stamp && (this.stamp.connection !== stamp.connection || this.stamp.dataVersion !== stamp.dataVersion);
      if (!this.started || (moved && this.freshStarts < MAX_FRESH_STARTS)) {
        if (this.started) this.freshStarts += 1;
        this.startOver(stamp, this.memory.trusted(stamp));
      } else if (moved) {
        this.stamp = null;
      }
    } else if (!this.started) {
      this.startOver(null, { chain: null, documents: new Set() });
    }

    if (!this.chainDone) {
      await this.chainPortion(ctx);
      return { done: false };
    }
    if (this.pending === null || this.pending.length === 0) {
      // The documents as they are now, less those verified or read already; once none are left, the answer.
      const stored = await storedDocumentSizes(ctx.db);
      this.pending = stored.filter((document) => !this.known.documents.has(document.id) && !this.seen.has(document.id));
      if (this.pending.length === 0) return { done: true, value: await this.finish(ctx, stored.length) };
    }
    await this.documentsPortion(ctx, this.pending);
    return { done: false };
  }

  private startOver(stamp: FileStamp | null, known: VerifiedRecords): void {
    this.started = true;
    this.stamp = stamp;
    this.known = known;
    this.chainAt = known.chain ?? undefined;
    this.chainRows = 0;
    this.chainDone = false;
    this.breaks = [];
    this.pending = null;
    this.seen = new Set();
    this.documents = { notInChain: [], notMatching: [], verified: [], read: 0 };
    this.hashed = 0;
  }

  private async chainPortion(ctx: ReadContext): Promise<void> {
    const from = this.chainAt;
    const walked = await verifyAuditChain(ctx.db, from, this.portion.auditRows);
    // Resuming from a row this check (or the memory) found, whose hash is no longer the one seen: the
    // walk went back to the start of the log itself; what earlier portions listed is dropped.
    if (from && from.seq > 0 && !walked.resumed) this.breaks = [];
    this.hashed += walked.hashed;
    this.chainRows = walked.rows;
    this.chainAt = walked.head;
    if (!walked.intact) this.breaks.push(...walked.breaks.slice(0, MAX_BREAKS - this.breaks.length));
    if (walked.hashed < this.portion.auditRows) this.chainDone = true;
  }

  private async documentsPortion(ctx: ReadContext, pending: { id: string; bytes: number }[]): Promise<void> {
    // At least one document, then as many more as fit in the portion's bytes (and in one statement).
    let bytes = 0;
    let count = 0;
    while (count < pending.length && count < DOCUMENT_CHUNK) {
      const next = pending[count];
      if (!next || (count > 0 && bytes + next.bytes > this.portion.documentBytes)) break;
      bytes += next.bytes;
      count += 1;
    }
    const ids = pending.splice(0, count).map((document) => document.id);
    for (const id of ids) this.seen.add(id);
    await checkDocumentBytes(ctx.db, ids, this.documents);
  }

  private async finish(ctx: ReadContext, stored: number): Promise<RecordsCheck> {
    const findings = this.breaks.map(breakWords);
    for (const trigger of await alteredTriggers(ctx.db)) findings.push(triggerWords(trigger));
    sortByCreated(this.documents.notInChain);
    sortByCreated(this.documents.notMatching);
    findings.push(...this.documents.notInChain.map(notInChainWords), ...this.documents.notMatching.map(notMatchingWords));
    const chain = this.breaks.length === 0 ? (this.chainAt ?? { seq: 0, hash: '0'.repeat(64) }) : null;
    if (this.memory && this.stamp) this.memory.remember(this.stamp, { chain, documents: this.documents.verified });
    return {
      auditEntries: this.chainRows,
      documents: stored,
      findings,
      read: this.read,
      checkedAt: nowIso(ctx.clock),
    };
  }
}

/** The API call: the check in turns on the dispatcher's queue, answered 'locked' if the session is locked meanwhile. */
export function recordsCheckInTurns(memory: RecordsMemory | null, portion: CheckPortion = DEFAULT_PORTION): InTurns<RecordsCheck> {
  const run = new RecordsCheckRun(memory, portion);
  return new InTurns(LOCKED_WHILE_CHECKING, (context) => run.turn(context()));
}

/**
 * The check in one go, reading only what `memory` has not verified (everything without one: a
 * test's or a bench's own context), for a caller already inside one turn of the queue (the
 * governors' PDF gathers its record there). What was found intact is remembered for the next check.
 */
export async function checkRecords(
  ctx: ReadContext,
  memory: RecordsMemory | null = ctx.recordsMemory ?? null,
  portion: CheckPortion = DEFAULT_PORTION,
): Promise<RecordsCheck> {
  const run = new RecordsCheckRun(memory, portion);
  for (;;) {
    const turn = await run.turn(ctx);
    if (turn.done) return turn.value;
  }
}
