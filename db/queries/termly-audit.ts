import { sql } from 'kysely';
import type { ReadExecutor } from './executor';

// What the termly audit reads: the escalations and referrals that can matter to a window of time,
// with only the columns it uses. Times are stored as ISO 8601 with their offset, so comparing them as
// text is right to within the hour a clock change moves them: the caller widens the window by a day
// each side and the audit filters exactly.
//
// An escalation matters to the window if it was opened before the window ends and had not ended
// before it began, or a learning review or an agreed action of it falls in the window. Its columns
// come from one covering index (escalations_for_audit, migration 0007): each escalation row carries
// its procedure snapshot, and reading any column stored after it from the table means walking the
// snapshot's overflow pages. The snapshots themselves are read once per distinct procedure.
// The records under the escalations found (stages, conversations, actions …) are then read by
// escalation id, a few hundred ids to a statement: stages and actions for every escalation found
// (their deadlines), the rest only for those the audited period itself looks into.

export interface AuditWindow {
  /** ISO instant (or date): the start, already widened. */
  from: string;
  /** ISO instant (or date): the end, already widened. */
  to: string;
}

const CHUNK = 500;

async function byChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await read(ids.slice(start, start + CHUNK))));
  return rows;
}

export async function auditEscalationRows(db: ReadExecutor, window: AuditWindow) {
  const reviewed = db
    .selectFrom('learning_reviews')
    .select('learning_reviews.escalation_id')
    .where('learning_reviews.reviewed_at', '>=', window.from)
    .where('learning_reviews.reviewed_at', '<=', window.to);
  const actionsDue = db
    .selectFrom('escalation_actions')
    .select('escalation_actions.escalation_id')
    .where('escalation_actions.due_date', '>=', window.from.slice(0, 10))
    .where('escalation_actions.due_date', '<=', window.to.slice(0, 10));
  const rows = await db
    .selectFrom('escalations')
    .select([
      'escalations.id',
      'escalations.child_id',
      'escalations.category',
      'escalations.procedure_id',
      'escalations.procedure_version',
      'escalations.track_id',
      'escalations.other_agency_kind',
      'escalations.other_agency_name',
      'escalations.other_professional_name',
      'escalations.other_professional_role',
      'escalations.status',
      'escalations.opened_at',
      'escalations.closed_at',
      // Which snapshot it has: the same procedure, version and size is the same snapshot (a version in
      // use is never changed in place; the size guards against one that was). Indexed, like the rest.
      sql<number>`octet_length(escalations.procedure_snapshot)`.as('snapshot_bytes'),
    ])
    .where('escalations.opened_at', '<=', window.to)
    .where((eb) =>
      eb.or([
        eb('escalations.closed_at', 'is', null),
        eb('escalations.closed_at', '>=', window.from),
        eb('escalations.id', 'in', reviewed),
        eb('escalations.id', 'in', actionsDue),
      ]),
    )
    .execute();
  const names = await childNames(
    db,
    rows.map((row) => row.child_id),
  );
  return rows.map((row) => {
    const child = names.get(row.child_id);
    return { ...row, child_first_name: child?.first_name ?? '', child_last_name: child?.last_name ?? '' };
  });
}

export type AuditEscalationRow = Awaited<ReturnType<typeof auditEscalationRows>>[number];

async function childNames(db: ReadExecutor, ids: readonly string[]) {
  const rows = await byChunks([...new Set(ids)], (chunk) =>
    db.selectFrom('children').select(['id', 'first_name', 'last_name']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export function snapshotKey(row: Pick<AuditEscalationRow, 'procedure_id' | 'procedure_version' | 'snapshot_bytes'>): string {
  return `${row.procedure_id}@${row.procedure_version}/${row.snapshot_bytes}`;
}

/** One procedure snapshot per key, read from the first escalation that has it. */
export async function auditSnapshots(db: ReadExecutor, rows: readonly AuditEscalationRow[]): Promise<Map<string, string>> {
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(snapshotKey(row))) first.set(snapshotKey(row), row.id);
  const snapshots = new Map<string, string>();
  for (const [key, id] of first) {
    const row = await db.selectFrom('escalations').select('procedure_snapshot').where('id', '=', id).executeTakeFirst();
    if (row) snapshots.set(key, row.procedure_snapshot);
  }
  return snapshots;
}

/** Whole stage records, as the escalation model reads them, each escalation's in order. */
export async function auditStageRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('escalation_stages')
      .selectAll()
      .where('escalation_id', 'in', chunk)
      .orderBy('escalation_id')
      .orderBy('sequence')
      .execute(),
  );
}

export async function auditEntryRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('stage_entries')
      .select([
        'id',
        'escalation_id',
        'stage_record_id',
        'occurred_at',
        'rationale',
        'participants',
        'told_of_outcome',
        'original_referrer_told',
      ])
      .where('escalation_id', 'in', chunk)
      .orderBy('occurred_at')
      .execute(),
  );
}

export async function auditActionRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('escalation_actions')
      .select(['id', 'escalation_id', 'description', 'owner_name', 'owner_role', 'due_date', 'done_at', 'withdrawn_at'])
      .where('escalation_id', 'in', chunk)
      .orderBy('due_date')
      .execute(),
  );
}

export async function auditResolutionRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('escalation_resolutions')
      .select(['escalation_id', 'resolved_at', 'outcome_statement'])
      .where('escalation_id', 'in', chunk)
      .execute(),
  );
}

/** The escalations whose learning review was recorded in the window. */
export async function reviewedIn(db: ReadExecutor, window: AuditWindow): Promise<string[]> {
  const rows = await db
    .selectFrom('learning_reviews')
    .select('escalation_id')
    .where('reviewed_at', '>=', window.from)
    .where('reviewed_at', '<=', window.to)
    .execute();
  return rows.map((row) => row.escalation_id);
}

export async function auditLearningReviewRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('learning_reviews')
      .innerJoin('users', 'users.id', 'learning_reviews.reviewed_by')
      .select([
        'learning_reviews.escalation_id',
        'learning_reviews.went_well',
        'learning_reviews.went_badly',
        'learning_reviews.issues_for_partnership',
        'learning_reviews.reported_to_partnership_at',
        'learning_reviews.reviewed_at',
        'users.full_name as reviewed_by_name',
      ])
      .where('learning_reviews.escalation_id', 'in', chunk)
      .execute(),
  );
}

/** Which documents each escalation has had made (kind and when; never their content: the index holds both). */
export async function auditDocumentRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('documents')
      .select(['entity_id', 'kind', 'created_at'])
      .where('entity_type', '=', 'escalation')
      .where('entity_id', 'in', chunk)
      .execute(),
  );
}

/**
 * Referrals whose milestones can fall in the window: made before it ends, and made in it or with
 * something recorded in it (its start is already widened by the longest timescale).
 */
export async function auditReferralRows(db: ReadExecutor, window: AuditWindow) {
  const active = db
    .selectFrom('referral_events')
    .select('referral_events.referral_id')
    .where('referral_events.happened_at', '>=', window.from)
    .where('referral_events.happened_at', '<=', window.to);
  return (
    db
      .selectFrom('referrals')
      .innerJoin('children', 'children.id', 'referrals.child_id')
      // What the milestones and the audit's lines need: not the summary, which can be long.
      .select([
        'referrals.id',
        'referrals.child_id',
        'referrals.made_at',
        'referrals.method',
        'referrals.concern',
        'referrals.category',
        'referrals.referred_to',
        'children.first_name as child_first_name',
        'children.last_name as child_last_name',
      ])
      .where('referrals.made_at', '<=', window.to)
      .where((eb) => eb.or([eb('referrals.made_at', '>=', window.from), eb('referrals.id', 'in', active)]))
      .execute()
  );
}

/** What the milestones model reads of each event (not its note), each referral's in the order they happened. */
export async function auditReferralEventRows(db: ReadExecutor, ids: readonly string[]) {
  return byChunks(ids, (chunk) =>
    db
      .selectFrom('referral_events')
      .select(['referral_id', 'kind', 'happened_at', 's47_started', 'child_protection_plan', 'setting_attended'])
      .where('referral_id', 'in', chunk)
      // The index's order (referral_events_by_referral): no sort step.
      .orderBy('referral_id')
      .orderBy('happened_at')
      .execute(),
  );
}

/** Everyone who has used the app: the setting's own staff, to tell whose an agreed action is. */
export async function staffNames(db: ReadExecutor): Promise<string[]> {
  const rows = await db.selectFrom('users').select('full_name').execute();
  return rows.map((row) => row.full_name);
}

/** Termly-audit PDFs made before, newest first. */
export async function termlyAuditDocuments(db: ReadExecutor, limit: number) {
  return (
    db
      .selectFrom('documents')
      .innerJoin('users', 'users.id', 'documents.created_by')
      .select(['documents.id', 'documents.title', 'documents.created_at as createdAt', 'users.full_name as createdBy'])
      .where('documents.entity_type', '=', 'termly-audit')
      .orderBy('documents.created_at', 'desc')
      // Made in the same second: the later row first.
      .orderBy(sql<number>`documents.rowid`, 'desc')
      .limit(limit)
      .execute()
  );
}
