import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { SessionUser } from '../../../shared/schemas/session';
import { ApiFailure } from '../../../shared/result';
import { appendAudit } from '../../../db/queries/audit-log';
import type { Executor } from '../../../db/queries/executor';

// What every signed-in service call gets: the open file, who is calling, and the clock. Services
// are plain functions of this context so tests can call them without any transport.

export type Clock = () => Date;

export interface ServiceContext {
  db: Kysely<DB>;
  user: SessionUser;
  clock: Clock;
}

/** Now, as an ISO instant with the London offset (how every time is stored). */
export function nowIso(clock: Clock): string {
  const iso = DateTime.fromJSDate(clock()).setZone('Europe/London').toISO();
  if (iso === null) throw new Error('The clock gave an invalid time.');
  return iso;
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
): Promise<void> {
  await appendAudit(db, {
    at: nowIso(ctx.clock),
    actorId: ctx.user?.id ?? null,
    action,
    entityType: entity?.type ?? null,
    entityId: entity?.id ?? null,
    summary,
  });
}
