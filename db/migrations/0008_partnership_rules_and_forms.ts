import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Deadlines and escalations that follow the setting's own partnership (issue 8):
// - referral_events.child_protection_plan: whether an ICPC made a child protection plan (1 or 0). A
//   core group and review conferences are owed only when it did. ICPCs recorded before are left NULL,
//   "outcome not recorded": nothing is guessed, nothing is owed, and the referral page asks for it.
// - referral_events.setting_attended: whether the setting took part in a strategy discussion (1 or
//   0); its minutes are owed to the setting only then. NULL for those recorded before: not recorded.
// - escalations.missed_due_at: when the missed milestone an escalation was opened about fell due
//   (Berkshire West's 48 hours run from then). NULL for those opened before, and for any other.
// - escalation_stages.target_from_at and target_from_label: the instant a stage's target is counted
//   from, with the words its explanation starts with, where that is not when the stage started (the
//   whole disagreement's start, the missed timescale, the previous stage's target). NULL for the
//   stages recorded before: they were all counted from the stage starting.
// - escalation_partnership: what a partnership's form says while the escalation is still open —
//   the lead agency (chosen: not always the setting), policy or practice issues, the current
//   position and the remaining issues — one row per escalation, changed only with an amendment.
// - partnership_notifications: each time a partnership form was sent to the partnership, and when.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('referral_events')
    .addColumn('child_protection_plan', 'integer', (col) => col.check(sql`child_protection_plan IN (0, 1)`))
    .execute();
  await db.schema
    .alterTable('referral_events')
    .addColumn('setting_attended', 'integer', (col) => col.check(sql`setting_attended IN (0, 1)`))
    .execute();
  await db.schema.alterTable('escalations').addColumn('missed_due_at', 'text').execute();
  await db.schema.alterTable('escalation_stages').addColumn('target_from_at', 'text').execute();
  await db.schema.alterTable('escalation_stages').addColumn('target_from_label', 'text').execute();

  await db.schema
    .createTable('escalation_partnership')
    .addColumn('escalation_id', 'text', (col) => col.primaryKey().references('escalations.id'))
    .addColumn('lead_agency', 'text', (col) => col.notNull())
    .addColumn('policy_practice_issues', 'text', (col) => col.notNull())
    .addColumn('current_position', 'text', (col) => col.notNull())
    .addColumn('remaining_issues', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('partnership_notifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('escalation_id', 'text', (col) => col.notNull().references('escalations.id'))
    .addColumn('form', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('partnership_notifications_by_escalation')
    .on('partnership_notifications')
    .columns(['escalation_id', 'sent_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('partnership_notifications_by_escalation').execute();
  await db.schema.dropTable('partnership_notifications').execute();
  await db.schema.dropTable('escalation_partnership').execute();
  await db.schema.alterTable('escalation_stages').dropColumn('target_from_label').execute();
  await db.schema.alterTable('escalation_stages').dropColumn('target_from_at').execute();
  await db.schema.alterTable('escalations').dropColumn('missed_due_at').execute();
  await db.schema.alterTable('referral_events').dropColumn('setting_attended').execute();
  await db.schema.alterTable('referral_events').dropColumn('child_protection_plan').execute();
}
