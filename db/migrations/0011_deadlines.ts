import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Deadlines kept as data (issue 12): every open due item — a referral's milestones not yet met, an
// open escalation's current stage (with its target, or none where the procedure sets none) and its
// agreed actions not yet done or withdrawn — one row each, kept up to date by the services in the
// same transaction as the write that changes it, so the dashboard reads one indexed range of due
// instants instead of working out every milestone of every referral ever made.
// - deadlines.id: the item as the dashboard names it ('<referral id>/<milestone id>', '<escalation
//   id>/stage', an action's id); record_id: the milestone's id within its referral, the stage
//   record's id or the action's id; referral_id or escalation_id (one of them) and child_id link it
//   to its record (foreign keys, so no record can be deleted while an item of it is kept).
// - owed_by: 'setting' (counted in the setting's working days: its closure days skipped),
//   'other-agency' (children's social care's: the region's bank holidays only), 'shared' (a stage
//   both agencies work at: the region's bank holidays only), 'named-person' (an agreed action: the
//   end of its agreed date, no calendar). What a change of calendar can move follows from it.
// - state: 'due' (a due instant is owed: due or overdue, by the time now) or 'no-target' (an open
//   escalation at a stage its procedure sets no target for: listed, with nothing dated).
// - due_at: the due instant as the deadline calculator gives it (London offset); due_ms: the same
//   instant in milliseconds, for ranges (stored text with offsets does not sort across a clock change).
// The explanation of a date is never stored: it is worked out again when shown.
// - deadline_upkeep: which rules the rows were worked out under (a fingerprint of the rules, the
//   national timescales, the built-in procedures' local ones and the bank holidays), NULL until
//   they are. The rows need the deadline rules of the app itself, which a migration must not
//   import (a migration is frozen, the rules are not): the rows are filled at the first unlock
//   after this migration, and again whenever an update of the app changes the rules.
// - escalations_by_referral: the escalations opened about a referral's missed milestones (the
//   dashboard links an overdue milestone to its escalation; a referral's page lists them), holding
//   the id too so the escalation's row (and its procedure snapshot's overflow pages) is never read.
// - stage_entries_by_stage_record: whether anything is recorded at a stage, asked before every
//   escalation, resolution and closure (the procedures ask for every stage to be recorded): without
//   it each asked by reading every conversation ever recorded (130 to 200 ms at 100× a large school).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('milestone', 'stage-target', 'action')`))
    .addColumn('owed_by', 'text', (col) => col.notNull().check(sql`owed_by IN ('setting', 'other-agency', 'shared', 'named-person')`))
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state IN ('due', 'no-target')`))
    .addColumn('due_at', 'text')
    .addColumn('due_ms', 'integer')
    .addColumn('child_id', 'text', (col) => col.notNull().references('children.id'))
    .addColumn('referral_id', 'text', (col) => col.references('referrals.id'))
    .addColumn('escalation_id', 'text', (col) => col.references('escalations.id'))
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('milestone_key', 'text')
    .addCheckConstraint('deadlines_dated', sql`(state = 'due') = (due_ms IS NOT NULL AND due_at IS NOT NULL)`)
    .addCheckConstraint('deadlines_one_record', sql`(referral_id IS NULL) <> (escalation_id IS NULL)`)
    .execute();
  await db.schema.createIndex('deadlines_due').on('deadlines').columns(['due_ms']).execute();
  await db.schema.createIndex('deadlines_by_referral').on('deadlines').columns(['referral_id']).execute();
  await db.schema.createIndex('deadlines_by_escalation').on('deadlines').columns(['escalation_id', 'due_ms']).execute();
  await db.schema.createIndex('deadlines_by_child').on('deadlines').columns(['child_id']).execute();
  await db.schema.createIndex('deadlines_by_owner').on('deadlines').columns(['owed_by']).execute();

  await db.schema
    .createTable('deadline_upkeep')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('rules', 'text')
    .addColumn('worked_out_at', 'text')
    .execute();
  await sql`INSERT INTO deadline_upkeep (id, rules, worked_out_at) VALUES (1, NULL, NULL)`.execute(db);

  await db.schema
    .createIndex('escalations_by_referral')
    .on('escalations')
    .columns(['referral_id', 'missed_milestone', 'opened_at', 'id'])
    .execute();
  await db.schema.createIndex('stage_entries_by_stage_record').on('stage_entries').columns(['stage_record_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stage_entries_by_stage_record').execute();
  await db.schema.dropIndex('escalations_by_referral').execute();
  await db.schema.dropTable('deadline_upkeep').execute();
  await db.schema.dropTable('deadlines').execute();
}
