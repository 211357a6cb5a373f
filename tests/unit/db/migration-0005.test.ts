import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to the migration before 0005, insert as that version would have, migrate to 0005.

describe('migration 0005: term dates, and the indexes the termly audit reads by', () => {
  it('keeps the records, starts with no entered term dates, and holds a year of terms in order', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0005'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0004_backups_and_retention' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by)
      VALUES ('c1', 'Ada', 'Lovelace', '2019-01-01', 'Year 2', 2, 'none', 't', 'u1')`.execute(db);
    await migrateToLatest(db, { target: '0005_term_dates' });

    expect(await db.selectFrom('children').select('first_name').execute()).toEqual([{ first_name: 'Ada' }]);
    expect(await db.selectFrom('term_dates').selectAll().execute()).toEqual([]);
    const term = { school_year: 2026, term: 'autumn' as const, starts_on: '2026-09-03', ends_on: '2026-12-18', set_by: 'u1', set_at: 't' };
    await db.insertInto('term_dates').values(term).execute();
    // One row per term of a year; a term never ends before it starts; only the three terms; only real people set them.
    await expect(db.insertInto('term_dates').values(term).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(
      db
        .insertInto('term_dates')
        .values({ ...term, term: 'spring', starts_on: '2027-04-01', ends_on: '2027-01-05' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(sql`INSERT INTO term_dates VALUES (2026, 'winter', '2027-01-05', '2027-03-26', 'u1', 't')`.execute(db)).rejects.toThrow(
      /CHECK/,
    );
    await expect(
      db
        .insertInto('term_dates')
        .values({ ...term, term: 'summer', set_by: 'nobody' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);

    const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`.execute(
      db,
    );
    expect(indexes.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'escalations_by_opened',
        'escalations_by_closed',
        'referrals_by_made',
        'escalation_actions_by_escalation',
        'documents_by_entity',
      ]),
    );
    await db.destroy();
  });
});
