import { sql, type Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Migrations take Kysely<any> so they never depend on today's table types.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('setting_name', 'text', (col) => col.notNull())
    .addColumn('setting_type', 'text', (col) => col.notNull().check(sql`setting_type in ('school', 'early-years')`))
    .addColumn('region', 'text', (col) => col.notNull().check(sql`region in ('england-and-wales', 'scotland', 'northern-ireland')`))
    .addColumn('idle_lock_minutes', 'integer', (col) => col.notNull().defaultTo(5))
    .addColumn('recovery_key_confirmed_at', 'text')
    .addColumn('recovery_key_stored_where', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('dsl', 'deputy', 'read-only')`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('extra_closures')
    .addColumn('date', 'text', (col) => col.primaryKey())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('children')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('date_of_birth', 'text', (col) => col.notNull())
    .addColumn('class_or_year', 'text', (col) => col.notNull())
    .addColumn('level_of_need', 'integer', (col) => col.notNull().check(sql`level_of_need between 1 and 4`))
    .addColumn('plan_status', 'text', (col) =>
      col.notNull().check(sql`plan_status in ('none', 'early-help', 'child-in-need', 'child-protection', 'looked-after')`),
    )
    .addColumn('social_worker_name', 'text')
    .addColumn('social_worker_contact', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('children_by_name').on('children').columns(['last_name', 'first_name']).execute();

  await db.schema
    .createTable('amendments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('old_value', 'text', (col) => col.notNull())
    .addColumn('new_value', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('amended_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('amended_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('amendments_by_entity').on('amendments').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  // The audit log is append-only: the file itself refuses edits and deletions.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(
    db,
  );
  // Amendments are history: never edited or removed either.
  await sql`CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments BEGIN SELECT RAISE(ABORT, 'amendments are permanent'); END`.execute(
    db,
  );

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('child_id', 'text', (col) => col.references('children.id'))
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content', 'blob', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('documents_by_child').on('documents').columns(['child_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['documents', 'audit_log', 'amendments', 'children', 'extra_closures', 'users', 'settings']) {
    await db.schema.dropTable(table).execute();
  }
}
