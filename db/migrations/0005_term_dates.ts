import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Term dates and the termly audit:
// - term_dates: the setting's own dates for a school year's three terms, where the DSL entered them
//   (a year with none follows the English default, worked out in shared/termly-audit/terms.ts, so
//   nothing is stored for it). A year is entered whole: all three terms or none.
// - indexes the audit reads by: escalations by when they were opened and closed, referrals by when
//   they were made, and documents by the record they were made for and their kind (the audit asks
//   which forms each escalation has had made).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('term_dates')
    .addColumn('school_year', 'integer', (col) => col.notNull().check(sql`school_year between 1900 and 2999`))
    .addColumn('term', 'text', (col) => col.notNull().check(sql`term in ('autumn', 'spring', 'summer')`))
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('ends_on', 'text', (col) => col.notNull())
    .addColumn('set_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('term_dates_pk', ['school_year', 'term'])
    .addCheckConstraint('term_dates_in_order', sql`starts_on <= ends_on`)
    .execute();

  await db.schema.createIndex('escalations_by_opened').on('escalations').columns(['opened_at']).execute();
  await db.schema.createIndex('escalations_by_closed').on('escalations').columns(['closed_at']).execute();
  await db.schema.createIndex('referrals_by_made').on('referrals').columns(['made_at']).execute();
  await db.schema.createIndex('escalation_actions_by_escalation').on('escalation_actions').columns(['escalation_id', 'due_date']).execute();
  await db.schema.createIndex('documents_by_entity').on('documents').columns(['entity_type', 'entity_id', 'kind', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'documents_by_entity',
    'escalation_actions_by_escalation',
    'referrals_by_made',
    'escalations_by_closed',
    'escalations_by_opened',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('term_dates').execute();
}
