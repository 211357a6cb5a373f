import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Referrals and their events; escalations, their stages, entries, actions and resolution; the
// setting's chosen procedure and its edited copies (each version kept, never changed in place).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('settings').addColumn('procedure_id', 'text').execute();

  await db.schema
    .createTable('procedure_versions')
    .addColumn('procedure_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('based_on', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('procedure_versions_pk', ['procedure_id', 'version'])
    .execute();
  await sql`CREATE TRIGGER procedure_versions_no_update BEFORE UPDATE ON procedure_versions BEGIN SELECT RAISE(ABORT, 'a procedure version is never changed in place'); END`.execute(
    db,
  );

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('child_id', 'text', (col) => col.notNull().references('children.id'))
    .addColumn('made_at', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('phone', 'written', 'portal')`))
    .addColumn('concern', 'text', (col) => col.notNull().check(sql`concern in ('child-protection', 'child-in-need')`))
    .addColumn('category', 'text', (col) =>
      col.notNull().check(sql`category in ('standard', 'immediate-risk', 'penetrative-sexual-abuse', 'complex')`),
    )
    .addColumn('referred_to', 'text', (col) => col.notNull())
    .addColumn('made_by_name', 'text', (col) => col.notNull())
    .addColumn('made_by_role', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('referrals_by_child').on('referrals').columns(['child_id', 'made_at']).execute();

  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('referrals.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('happened_at', 'text', (col) => col.notNull())
    .addColumn('s47_started', 'integer')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('referral_events_by_referral').on('referral_events').columns(['referral_id', 'happened_at']).execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('child_id', 'text', (col) => col.notNull().references('children.id'))
    .addColumn('referral_id', 'text', (col) => col.references('referrals.id'))
    .addColumn('missed_milestone', 'text')
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('procedure_id', 'text', (col) => col.notNull())
    .addColumn('procedure_version', 'integer', (col) => col.notNull())
    .addColumn('procedure_snapshot', 'text', (col) => col.notNull())
    .addColumn('track_id', 'text', (col) => col.notNull())
    .addColumn('our_agency', 'text', (col) => col.notNull())
    .addColumn('other_agency_kind', 'text', (col) => col.notNull())
    .addColumn('other_agency_name', 'text', (col) => col.notNull())
    .addColumn('other_professional_name', 'text', (col) => col.notNull())
    .addColumn('other_professional_role', 'text', (col) => col.notNull())
    .addColumn('other_professional_contact', 'text')
    .addColumn('concern', 'text', (col) => col.notNull())
    .addColumn('areas_of_agreement', 'text', (col) => col.notNull())
    .addColumn('areas_of_disagreement', 'text', (col) => col.notNull())
    .addColumn('risk_relevance', 'text', (col) => col.notNull())
    .addColumn('outcome_sought', 'text', (col) => col.notNull())
    .addColumn('immediate_risk', 'integer', (col) => col.notNull())
    .addColumn('immediate_referral_made_at', 'text')
    .addColumn('immediate_referral_made_to', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('open', 'resolved', 'closed-unresolved')`))
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('opened_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .execute();
  await db.schema.createIndex('escalations_by_child').on('escalations').columns(['child_id', 'opened_at']).execute();
  await db.schema.createIndex('escalations_by_status').on('escalations').columns(['status']).execute();

  await db.schema
    .createTable('escalation_stages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('escalation_id', 'text', (col) => col.notNull().references('escalations.id'))
    .addColumn('stage_id', 'text', (col) => col.notNull())
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('routing_reason', 'text')
    .addColumn('steps_done', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('resolved', 'escalated', 'closed-unresolved')`))
    .addColumn('outcome_at', 'text')
    .addColumn('outcome_reason', 'text')
    .addUniqueConstraint('escalation_stages_sequence', ['escalation_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('stage_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('escalation_id', 'text', (col) => col.notNull().references('escalations.id'))
    .addColumn('stage_record_id', 'text', (col) => col.notNull().references('escalation_stages.id'))
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('phone', 'meeting', 'virtual', 'email', 'letter')`))
    .addColumn('participants', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('rationale', 'text', (col) => col.notNull())
    .addColumn('told_of_outcome', 'text', (col) => col.notNull())
    .addColumn('original_referrer_told', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('stage_entries_by_escalation').on('stage_entries').columns(['escalation_id', 'occurred_at']).execute();

  await db.schema
    .createTable('escalation_actions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('escalation_id', 'text', (col) => col.notNull().references('escalations.id'))
    .addColumn('stage_record_id', 'text', (col) => col.notNull().references('escalation_stages.id'))
    .addColumn('entry_id', 'text', (col) => col.references('stage_entries.id'))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('owner_name', 'text', (col) => col.notNull())
    .addColumn('owner_role', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text')
    .addColumn('done_by', 'text', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('escalation_actions_open').on('escalation_actions').columns(['done_at', 'due_date']).execute();

  await db.schema
    .createTable('escalation_resolutions')
    .addColumn('escalation_id', 'text', (col) => col.primaryKey().references('escalations.id'))
    .addColumn('resolved_at', 'text', (col) => col.notNull())
    .addColumn('outcome_statement', 'text', (col) => col.notNull())
    .addColumn('consequent_actions', 'text', (col) => col.notNull())
    .addColumn('agreed_by', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('learning_reviews')
    .addColumn('escalation_id', 'text', (col) => col.primaryKey().references('escalations.id'))
    .addColumn('went_well', 'text', (col) => col.notNull())
    .addColumn('went_badly', 'text', (col) => col.notNull())
    .addColumn('issues_for_partnership', 'text', (col) => col.notNull())
    .addColumn('reported_to_partnership_at', 'text')
    .addColumn('reviewed_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('reviewed_at', 'text', (col) => col.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'learning_reviews',
    'escalation_resolutions',
    'escalation_actions',
    'stage_entries',
    'escalation_stages',
    'escalations',
    'referral_events',
    'referrals',
    'procedure_versions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('settings').dropColumn('procedure_id').execute();
}
