import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../schema';
import type { ReadExecutor } from './executor';

// What the termly audit reads: the escalations and referrals that can matter to a window of time,
// with only the columns it uses. Times are stored as ISO 8601 with their offset, so comparing them as
// text is right to within the hour a clock change moves them: the caller widens the window by a day
// each side and the audit filters exactly. Every query selects escalations by the same condition (a
// subquery, so a year of records is never sent back as a list of ids).
//
// An escalation matters to the window if it was opened before the window ends and had not ended
// before it began, or a learning review or an agreed action of it falls in the window.

export interface AuditWindow {
  /** ISO instant (or date): the start, already widened. */
  from: string;
  /** ISO instant (or date): the end, already widened. */
  to: string;
}

function matters(window: AuditWindow) {
  return (eb: ExpressionBuilder<DB, 'escalations'>) =>
    eb.and([
      eb('escalations.opened_at', '<=', window.to),
      eb.or([
        eb('escalations.closed_at', 'is', null),
        eb('escalations.closed_at', '>=', window.from),
        eb.exists(
          eb
            .selectFrom('learning_reviews')
            .select('learning_reviews.escalation_id')
            .whereRef('learning_reviews.escalation_id', '=', 'escalations.id')
            .where('learning_reviews.reviewed_at', '>=', window.from)
            .where('learning_reviews.reviewed_at', '<=', window.to),
        ),
        eb.exists(
          eb
            .selectFrom('escalation_actions')
            .select('escalation_actions.escalation_id')
            .whereRef('escalation_actions.escalation_id', '=', 'escalations.id')
            .where('escalation_actions.due_date', '>=', window.from.slice(0, 10))
            .where('escalation_actions.due_date', '<=', window.to.slice(0, 10)),
        ),
      ]),
    ]);
}

function escalationIds(db: ReadExecutor, window: AuditWindow) {
  return db.selectFrom('escalations').select('escalations.id').where(matters(window));
}

export async function auditEscalationRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('escalations')
    .innerJoin('children', 'children.id', 'escalations.child_id')
    .select([
      'escalations.id',
      'escalations.child_id',
      'children.first_name as child_first_name',
      'children.last_name as child_last_name',
      'escalations.category',
      'escalations.procedure_id',
      'escalations.procedure_version',
      // The snapshot itself is read once per distinct procedure (snapshotsFor), not once per escalation.
      sql<number>`octet_length(escalations.procedure_snapshot)`.as('snapshot_bytes'),
      'escalations.track_id',
      'escalations.other_agency_kind',
      'escalations.other_agency_name',
      'escalations.other_professional_name',
      'escalations.other_professional_role',
      'escalations.status',
      'escalations.opened_at',
      'escalations.closed_at',
    ])
    .where(matters(window))
    .execute();
}

export type AuditEscalationRow = Awaited<ReturnType<typeof auditEscalationRows>>[number];

/** The key a procedure snapshot is shared by: the same procedure, version and size is the same snapshot. */
export function snapshotKey(row: { procedure_id: string; procedure_version: number; snapshot_bytes: number }): string {
  return `${row.procedure_id}@${row.procedure_version}/${row.snapshot_bytes}`;
}

/** One procedure snapshot per key among the window's escalations. */
export async function auditSnapshots(db: ReadExecutor, window: AuditWindow): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('escalations')
    .select(['procedure_id', 'procedure_version', sql<number>`octet_length(procedure_snapshot)`.as('snapshot_bytes'), 'procedure_snapshot'])
    .where(
      sql<number>`escalations.rowid`,
      'in',
      db
        .selectFrom('escalations')
        .select(sql<number>`min(escalations.rowid)`.as('first'))
        .where(matters(window))
        .groupBy(['escalations.procedure_id', 'escalations.procedure_version', sql`octet_length(escalations.procedure_snapshot)`]),
    )
    .execute();
  return new Map(rows.map((row) => [snapshotKey(row), row.procedure_snapshot]));
}

/** Whole stage records, as the escalation model reads them, in order. */
export async function auditStageRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('escalation_stages')
    .selectAll()
    .where('escalation_id', 'in', escalationIds(db, window))
    .orderBy('escalation_id')
    .orderBy('sequence')
    .execute();
}

export async function auditEntryRows(db: ReadExecutor, window: AuditWindow) {
  return db
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
    .where('escalation_id', 'in', escalationIds(db, window))
    .orderBy('occurred_at')
    .execute();
}

export async function auditActionRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('escalation_actions')
    .select(['id', 'escalation_id', 'description', 'owner_name', 'owner_role', 'due_date', 'done_at', 'withdrawn_at'])
    .where('escalation_id', 'in', escalationIds(db, window))
    .orderBy('due_date')
    .execute();
}

export async function auditResolutionRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('escalation_resolutions')
    .select(['escalation_id', 'resolved_at', 'outcome_statement'])
    .where('escalation_id', 'in', escalationIds(db, window))
    .execute();
}

export async function auditLearningReviewRows(db: ReadExecutor, window: AuditWindow) {
  return db
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
    .where('learning_reviews.escalation_id', 'in', escalationIds(db, window))
    .execute();
}

/** Which documents each escalation has had made (kind and when; never their content). */
export async function auditDocumentRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('documents')
    .select(['entity_id', 'kind', 'created_at'])
    .where('entity_type', '=', 'escalation')
    .where('entity_id', 'in', escalationIds(db, window))
    .execute();
}

function referralMatters(window: AuditWindow) {
  return (eb: ExpressionBuilder<DB, 'referrals'>) =>
    eb.and([
      eb('referrals.made_at', '<=', window.to),
      eb.or([
        eb('referrals.made_at', '>=', window.from),
        eb.exists(
          eb
            .selectFrom('referral_events')
            .select('referral_events.referral_id')
            .whereRef('referral_events.referral_id', '=', 'referrals.id')
            .where('referral_events.happened_at', '>=', window.from),
        ),
      ]),
    ]);
}

/**
 * Referrals whose milestones can fall in the window: made before it ends, and made or with something
 * recorded since its (widened, by the longest timescale) start.
 */
export async function auditReferralRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('referrals')
    .innerJoin('children', 'children.id', 'referrals.child_id')
    .selectAll('referrals')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name'])
    .where(referralMatters(window))
    .execute();
}

export async function auditReferralEventRows(db: ReadExecutor, window: AuditWindow) {
  return db
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', 'in', db.selectFrom('referrals').select('referrals.id').where(referralMatters(window)))
    .orderBy('happened_at')
    .execute();
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
