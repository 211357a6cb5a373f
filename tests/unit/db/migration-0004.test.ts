import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { tempDataDir } from '../../../scripts/fixtures/core';

describe('migration 0004: backups, the recovery-slot check and retention', () => {
  it('keeps existing records, starts with no backup folder, and lets amendments go only inside a disposal', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0004'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0003_drafts' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by)
      VALUES ('c1', 'Ada', 'Lovelace', '2000-01-01', 'Year 4', 2, 'none', 't', 'u1')`.execute(db);
    await sql`INSERT INTO amendments (id, entity_type, entity_id, field, old_value, new_value, reason, amended_by, amended_at)
      VALUES ('a1', 'child', 'c1', 'class_or_year', 'Year 3', 'Year 4', 'moved up', 'u1', 't')`.execute(db);
    await migrateToLatest(db, { target: '0004_backups_and_retention' });

    expect(await db.selectFrom('children').select('first_name').execute()).toEqual([{ first_name: 'Ada' }]);
    expect(await db.selectFrom('backup_settings').selectAll().executeTakeFirst()).toMatchObject({ folder: null, keep: 10, automatic: 1 });
    expect(await db.selectFrom('key_checks').selectAll().executeTakeFirst()).toMatchObject({ recovery_slot_id: null });

    // Amendments are still permanent outside a disposal...
    await expect(db.deleteFrom('amendments').where('id', '=', 'a1').execute()).rejects.toThrow(/amendments are permanent/);
    // ...a child under a legal hold cannot be deleted by any code...
    await db
      .insertInto('legal_holds')
      .values({
        id: 'h1',
        child_id: 'c1',
        reason: 'Inquiry',
        placed_at: 't',
        placed_by: 'u1',
        lifted_at: null,
        lifted_by: null,
        lift_reason: null,
      })
      .execute();
    await expect(db.deleteFrom('children').where('id', '=', 'c1').execute()).rejects.toThrow(/legal hold/);
    // ...and only one hold is in force at a time.
    await expect(
      db
        .insertInto('legal_holds')
        .values({
          id: 'h2',
          child_id: 'c1',
          reason: 'Again',
          placed_at: 't',
          placed_by: 'u1',
          lifted_at: null,
          lifted_by: null,
          lift_reason: null,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    // Inside a disposal (the marker set in the same transaction), amendments can go.
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('disposal_in_progress').values({ child_id: 'c1' }).execute();
      await trx.deleteFrom('amendments').where('entity_id', '=', 'c1').execute();
      await trx.deleteFrom('disposal_in_progress').execute();
    });
    expect(await db.selectFrom('amendments').selectAll().execute()).toEqual([]);
    await expect(
      db.insertInto('backup_settings').values({ id: 1, folder: null, keep: 0, automatic: 1, updated_at: null, updated_by: null }).execute(),
    ).rejects.toThrow();
    await db.destroy();
  });
});
