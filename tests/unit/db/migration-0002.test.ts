import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to N−1, insert as the old version would have, migrate to N, check nothing was lost.

describe('migration 0002: referrals and escalations', () => {
  it('keeps the existing setting and children, and adds an empty procedure choice', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir('m0002'), 'test.db'), generateDataKey(), { create: true });
    const db = createKysely(sqlite);
    await migrateToLatest(db, { target: '0001_initial' });
    await sql`INSERT INTO settings (id, setting_name, setting_type, region, created_at) VALUES (1, 'Ready Steady Grow Pre-School', 'early-years', 'england-and-wales', '2026-01-05T09:00:00.000+00:00')`.execute(
      db,
    );
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by) VALUES ('c1', 'Ava', 'Stone', '2022-05-01', 'Pre-school', 3, 'early-help', 't', 'u1')`.execute(
      db,
    );

    await migrateToLatest(db, { target: '0002_referrals_and_escalations' });

    const settings = await db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(settings).toMatchObject({ setting_name: 'Ready Steady Grow Pre-School', procedure_id: null, idle_lock_minutes: 5 });
    expect(await db.selectFrom('children').select(['first_name', 'last_name']).execute()).toEqual([
      { first_name: 'Ava', last_name: 'Stone' },
    ]);
    await db
      .insertInto('referrals')
      .values({
        id: 'r1',
        child_id: 'c1',
        made_at: 't',
        method: 'phone',
        concern: 'child-protection',
        category: 'standard',
        referred_to: 'MASH',
        made_by_name: 'Sam Ellis',
        made_by_role: 'DSL',
        summary: 's',
        created_at: 't',
        created_by: 'u1',
      })
      .execute();
    await expect(
      db
        .insertInto('referrals')
        .values({
          id: 'r2',
          child_id: 'c1',
          made_at: 't',
          method: 'phone',
          concern: 'child-protection',
          category: 'standard',
          referred_to: 'MASH',
          made_by_name: 'Sam Ellis',
          made_by_role: 'DSL',
          summary: 's',
          created_at: 't',
          created_by: 'nobody',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
