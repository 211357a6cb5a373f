import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Backups, the key-file check, and retention:
// - backup_settings: where backup sets go (a USB stick, a network share), how many to keep, and
//   whether they are made automatically (on lock or quit, and daily while unlocked);
// - backup_runs: every backup made or attempted, so the dashboard can say when the last good one was;
// - key_checks: the id of the recovery slot the DSL confirmed as printed, checked at every DSL
//   unlock so a key file whose recovery slot is gone or replaced is noticed;
// - legal_holds: an instruction to keep a child's records (an inquiry, a court); while one is in
//   force nothing of that child's can be deleted. Lifted holds are kept, with who lifted them and why;
// - disposal_in_progress: set inside the one transaction that deletes a child's records after their
//   review date, so the amendments trigger can tell a reviewed disposal from any other deletion.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backup_settings')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('folder', 'text')
    .addColumn('keep', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(10)
        .check(sql`keep between 1 and 100`),
    )
    .addColumn('automatic', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(1)
        .check(sql`automatic in (0, 1)`),
    )
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text', (col) => col.references('users.id'))
    .execute();
  await sql`INSERT INTO backup_settings (id, folder, keep, automatic) VALUES (1, NULL, 10, 1)`.execute(db);

  await db.schema
    .createTable('backup_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`reason in ('manual', 'lock', 'quit', 'daily')`))
    .addColumn('folder', 'text', (col) => col.notNull())
    .addColumn('set_name', 'text')
    .addColumn('ok', 'integer', (col) => col.notNull().check(sql`ok in (0, 1)`))
    .addColumn('message', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('audit_seq', 'integer')
    .addColumn('made_by', 'text', (col) => col.references('users.id'))
    .execute();
  await db.schema.createIndex('backup_runs_by_time').on('backup_runs').columns(['ok', 'finished_at']).execute();

  await db.schema
    .createTable('key_checks')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('recovery_slot_id', 'text')
    .addColumn('checked_at', 'text')
    .execute();
  await sql`INSERT INTO key_checks (id, recovery_slot_id, checked_at) VALUES (1, NULL, NULL)`.execute(db);

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('child_id', 'text', (col) => col.notNull().references('children.id'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('placed_at', 'text', (col) => col.notNull())
    .addColumn('placed_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text', (col) => col.references('users.id'))
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema.createIndex('legal_holds_by_child').on('legal_holds').columns(['child_id', 'lifted_at']).execute();
  // At most one hold in force per child.
  await sql`CREATE UNIQUE INDEX legal_holds_one_in_force ON legal_holds (child_id) WHERE lifted_at IS NULL`.execute(db);

  await db.schema
    .createTable('disposal_in_progress')
    .addColumn('child_id', 'text', (col) => col.primaryKey())
    .execute();
  // Amendments stay permanent, except inside a reviewed disposal of the child they belong to.
  await sql`DROP TRIGGER amendments_no_delete`.execute(db);
  await sql`CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments WHEN NOT EXISTS (SELECT 1 FROM disposal_in_progress) BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`.execute(
    db,
  );
  // A child under a legal hold can never be deleted, whatever code asks.
  await sql`CREATE TRIGGER children_hold_blocks_delete BEFORE DELETE ON children WHEN EXISTS (SELECT 1 FROM legal_holds WHERE child_id = OLD.id AND lifted_at IS NULL) BEGIN SELECT RAISE(ABORT, 'this child is under a legal hold'); END`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER children_hold_blocks_delete`.execute(db);
  await sql`DROP TRIGGER amendments_no_delete`.execute(db);
  await sql`CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`.execute(
    db,
  );
  for (const table of ['disposal_in_progress', 'legal_holds', 'key_checks', 'backup_runs', 'backup_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
