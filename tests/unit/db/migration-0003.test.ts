import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { tempDataDir } from '../../../scripts/fixtures/core';

describe('migration 0003: drafts', () => {
  it('keeps the users and adds one draft per person per form', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0003'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0002_referrals_and_escalations' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await migrateToLatest(db, { target: '0003_drafts' });
    expect(await db.selectFrom('users').select('full_name').execute()).toEqual([{ full_name: 'Sam Ellis' }]);
    await db.insertInto('drafts').values({ user_id: 'u1', form_key: 'child-new', content: '{}', updated_at: 't' }).execute();
    await expect(
      db.insertInto('drafts').values({ user_id: 'u1', form_key: 'child-new', content: '{}', updated_at: 't' }).execute(),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(
      db.insertInto('drafts').values({ user_id: 'nobody', form_key: 'x', content: '{}', updated_at: 't' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
