import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { isoInLondon, type Calendar } from '../../../shared/deadlines';
import type { SessionUser } from '../../../shared/schemas/session';
import { ApiFailure } from '../../../shared/result';
import { appendAudit } from '../../../db/queries/audit-log';
import type { Executor, ReadExecutor } from '../../../db/queries/executor';
import type { Session } from '../session/session';
import type { DocumentJob } from '../documents/jobs';
import type { CheckPortion } from './records-check';
import type { RecordsMemory } from '../session/records-memory';

// What every signed-in service call gets. Services are plain functions of a context, so tests can
// call them without any transport, and nothing in services/ needs the dispatcher.
// - ReadContext: for the API's `read` methods. Its database can only build SELECTs; the one write
//   a read may make is an entry in the audit log saying what was looked at (logAccess).
// - ServiceContext: for `write` and `dsl` methods on records.
// - SessionContext: for the few services that change who can open the file (people, passphrases,
//   the recovery key): they also get the session, which holds the data key.

export type Clock = () => Date;

interface CallerContext {
  user: SessionUser;
  clock: Clock;
  /** Absolute path of the PDF fonts folder. */
  fontsDir: string;
  /**
   * Renders a document to PDF bytes (in the render thread, in the app). Call it only from the work
   * a handler hands back as OutsideQueue, never inside the queue: it can take seconds.
   */
  renderDocument: (job: DocumentJob) => Promise<Buffer>;
  /** The setting's calendar (region and closure days), read once per call when first asked for. */
  calendar: () => Promise<Calendar>;
  /**
   * What the records check verified in this unlocked session (session/records-memory.ts), so the
   * next check reads only what is new. Absent (a test's or a bench's own context): it checks everything.
   */
  recordsMemory?: RecordsMemory;
  /** How much the records check reads in one turn on the queue (the default, or a test's smaller one). */
  recordsCheckPortion?: CheckPortion;
}

export interface ReadContext extends CallerContext {
  db: ReadExecutor;
  /** Records in the audit log that the caller looked at something (e.g. opened a stored document). */
  logAccess: (action: string, entity: { type: string; id: string } | null, summary: string) => Promise<void>;
}

export interface ServiceContext extends ReadContext {
  db: Kysely<DB>;
}

export interface SessionContext extends ServiceContext {
  session: Session;
}

/** Now, as an ISO instant with the London offset (how every time is stored). */
export function nowIso(clock: Clock): string {
  const ms = clock().getTime();
  if (!Number.isFinite(ms)) throw new Error('The clock gave an invalid time.');
  return isoInLondon(ms);
}

export function notFound(what: string): ApiFailure {
  return new ApiFailure('not_found', `${what} could not be found. It may have been removed, or the link is out of date.`);
}

/** Appends to the hash-chained audit log inside the caller's transaction. */
export async function audit(
  db: Executor,
  ctx: { user: SessionUser | null; clock: Clock },
  action: string,
  entity: { type: string; id: string } | null,
  summary: string,
  /** A digest the chain then covers: a stored document's SHA-256, a seal's MAC. */
  digest: string | null = null,
): Promise<void> {
  await appendAudit(db, {
    at: nowIso(ctx.clock),
    actorId: ctx.user?.id ?? null,
    action,
    entityType: entity?.type ?? null,
    entityId: entity?.id ?? null,
    summary,
    digest,
  });
}
