import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Indexes for the termly audit, measured at 100× a large school's volume (npm run bench):
// - escalations_for_audit holds every column the audit reads from an escalation, so the audit finds
//   and reads them from the index alone. An escalation row carries its procedure snapshot (up to
//   40 KB): SQLite stores it in overflow pages and walks them to reach any column stored after it,
//   which is most of them, so reading those columns from the table cost every snapshot's pages.
//   It starts with opened_at, so escalations_by_opened and escalations_by_closed (0005) are dropped.
// - referral_events_by_time and learning_reviews_by_time: what was recorded in a window of time.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The snapshot's size is in it too (an index on an expression), so which snapshot an escalation
  // has is also read from the index.
  await sql`CREATE INDEX escalations_for_audit ON escalations (
    opened_at, closed_at, id, child_id, category, procedure_id, procedure_version, track_id, other_agency_kind,
    other_agency_name, other_professional_name, other_professional_role, status, octet_length(procedure_snapshot))`.execute(db);
  await db.schema.dropIndex('escalations_by_opened').execute();
  await db.schema.dropIndex('escalations_by_closed').execute();
  await db.schema.createIndex('referral_events_by_time').on('referral_events').columns(['happened_at', 'referral_id']).execute();
  await db.schema.createIndex('learning_reviews_by_time').on('learning_reviews').columns(['reviewed_at', 'escalation_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('learning_reviews_by_time').execute();
  await db.schema.dropIndex('referral_events_by_time').execute();
  await db.schema.createIndex('escalations_by_closed').on('escalations').columns(['closed_at']).execute();
  await db.schema.createIndex('escalations_by_opened').on('escalations').columns(['opened_at']).execute();
  await db.schema.dropIndex('escalations_for_audit').execute();
}
