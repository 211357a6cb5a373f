import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Lists fetched a page at a time (issue 12): children, referrals and escalations are read in their
// list's order from an index, a page of rows after a cursor (keyset paging), with their filters and
// the total count answered from indexes too. Measured on the seed data set at 100× a large school
// (15,000 children, 30,000 referrals, 20,000 escalations): each first page, filtered or not, in a few
// milliseconds.
// - children_register: the register's order (sort_key, then date of birth, then id so the order is
//   total and a cursor can name a place in it); replaces children_by_sort_key (0006).
// - children_search: what a search reads (the folded name, date of birth, the order's columns), so a
//   name search scans this index rather than every child's row; it also finds a possible duplicate
//   (name and date of birth), so it replaces children_by_name_key (0006).
// - referrals_newest / _by_category / _by_concern: newest first, whole or by category or concern, with
//   id for the cursor; referrals_newest replaces referrals_by_made (0005), which the termly audit's
//   range on made_at reads just as well.
// - escalations_newest / _by_status_newest / _by_child_newest: newest first, whole, by status or by
//   child, each holding every column the list shows and filters by. An escalation row carries its
//   procedure snapshot, and reading any column stored after it from the table walks the snapshot's
//   overflow pages (see 0007), so the list reads only these indexes, and each distinct snapshot once.
//   They replace escalations_by_status (0002) and escalations_by_child (0002).
// - escalation_stages_at: which escalations are at (or ended at) a stage: the stage filter.

const ESCALATION_LIST_COLUMNS = sql.raw(
  'category, other_agency_kind, other_agency_name, procedure_id, procedure_version, track_id, octet_length(procedure_snapshot)',
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('children_register').on('children').columns(['sort_key', 'date_of_birth', 'id']).execute();
  await db.schema.dropIndex('children_by_sort_key').execute();
  await db.schema.createIndex('children_search').on('children').columns(['name_key', 'date_of_birth', 'id', 'sort_key']).execute();
  await db.schema.dropIndex('children_by_name_key').execute();

  await db.schema.createIndex('referrals_newest').on('referrals').columns(['made_at', 'id']).execute();
  await db.schema.dropIndex('referrals_by_made').execute();
  await db.schema.createIndex('referrals_by_category').on('referrals').columns(['category', 'made_at', 'id']).execute();
  await db.schema.createIndex('referrals_by_concern').on('referrals').columns(['concern', 'made_at', 'id']).execute();

  await sql`CREATE INDEX escalations_newest ON escalations (opened_at, id, status, child_id, ${ESCALATION_LIST_COLUMNS})`.execute(db);
  await sql`CREATE INDEX escalations_by_status_newest ON escalations (status, opened_at, id, child_id, ${ESCALATION_LIST_COLUMNS})`.execute(
    db,
  );
  await db.schema.dropIndex('escalations_by_status').execute();
  await sql`CREATE INDEX escalations_by_child_newest ON escalations (child_id, opened_at, id, status, ${ESCALATION_LIST_COLUMNS})`.execute(
    db,
  );
  await db.schema.dropIndex('escalations_by_child').execute();
  await db.schema.createIndex('escalation_stages_at').on('escalation_stages').columns(['stage_id', 'outcome', 'escalation_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('escalation_stages_at').execute();
  await db.schema.createIndex('escalations_by_child').on('escalations').columns(['child_id', 'opened_at']).execute();
  await db.schema.dropIndex('escalations_by_child_newest').execute();
  await db.schema.createIndex('escalations_by_status').on('escalations').columns(['status']).execute();
  await db.schema.dropIndex('escalations_by_status_newest').execute();
  await db.schema.dropIndex('escalations_newest').execute();
  await db.schema.dropIndex('referrals_by_concern').execute();
  await db.schema.dropIndex('referrals_by_category').execute();
  await db.schema.createIndex('referrals_by_made').on('referrals').columns(['made_at']).execute();
  await db.schema.dropIndex('referrals_newest').execute();
  await db.schema.createIndex('children_by_name_key').on('children').columns(['name_key', 'date_of_birth']).execute();
  await db.schema.dropIndex('children_search').execute();
  await db.schema.createIndex('children_by_sort_key').on('children').columns(['sort_key', 'date_of_birth']).execute();
  await db.schema.dropIndex('children_register').execute();
}
