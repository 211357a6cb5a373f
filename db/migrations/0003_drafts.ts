import type { Kysely } from 'kysely';

// Released migration: never edit. Add a new file for any change.
// Drafts: what someone was typing into a form, kept in the encrypted file so it survives a lock, a
// closed window or a crash. One draft per person per form.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('form_key', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('drafts_pk', ['user_id', 'form_key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drafts').execute();
}
