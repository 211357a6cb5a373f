import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { nameKey, sortKey } from '../../../shared/children/name-keys';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to 0005, insert as that version would have, migrate to 0006.

describe('migration 0006: children’s folded name keys, actions agreed, done late and withdrawn, stages skipped to', () => {
  it('gives existing children their keys (as the app works them out), existing actions the day they were recorded, and adds the columns', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0006'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0005_term_dates' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    const children = [
      ['c1', 'Zofia', 'Łukasik'],
      ['c2', 'Caoimhe', 'Ó Súilleabháin'],
      ['c3', 'Liam', 'O’Connor'],
      ['c4', 'Gwenllian', 'ap Dafydd'],
      ['c5', 'Marta', 'Wiśniewska'],
    ] as const;
    for (const [id, first, last] of children) {
      await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by)
        VALUES (${id}, ${first}, ${last}, '2017-03-14', 'Year 4', 2, 'none', 't', 'u1')`.execute(db);
    }
    await sql`INSERT INTO escalations (id, child_id, category, procedure_id, procedure_version, procedure_snapshot, track_id, our_agency,
        other_agency_kind, other_agency_name, other_professional_name, other_professional_role, concern, areas_of_agreement,
        areas_of_disagreement, risk_relevance, outcome_sought, immediate_risk, status, opened_at, opened_by)
      VALUES ('e1', 'c1', 'other', 'bromley', 1, '{}', 'stages', 'school', 'childrens-social-care', 'Team 3', 'Daniel Okafor', 'Social worker',
        'c', 'a', 'd', 'r', 'o', 0, 'open', '2026-11-02T09:00:00.000+00:00', 'u1')`.execute(db);
    await sql`INSERT INTO escalation_stages (id, escalation_id, stage_id, sequence, started_at) VALUES ('s1', 'e1', 'stage-1', 1, '2026-11-02T09:00:00.000+00:00')`.execute(
      db,
    );
    await sql`INSERT INTO escalation_actions (id, escalation_id, stage_record_id, description, owner_name, owner_role, due_date, created_at, created_by)
      VALUES ('a1', 'e1', 's1', 'Home visit', 'Daniel Okafor', 'Social worker', '2026-11-06', '2026-11-03T00:30:00.000+00:00', 'u1'),
             ('a2', 'e1', 's1', 'Core group', 'Daniel Okafor', 'Social worker', '2026-11-06', '2026-07-03T00:30:00.000+01:00', 'u1')`.execute(
      db,
    );

    await migrateToLatest(db, { target: '0006_children_keys_actions_and_skips' });

    const rows = await db
      .selectFrom('children')
      .select(['id', 'first_name', 'last_name', 'name_key', 'sort_key'])
      .orderBy('sort_key')
      .execute();
    // The migration's frozen folding agrees with the app's today.
    for (const row of rows) {
      expect(row.name_key).toBe(nameKey({ firstName: row.first_name, lastName: row.last_name }));
      expect(row.sort_key).toBe(sortKey({ firstName: row.first_name, lastName: row.last_name }));
    }
    expect(rows.map((row) => row.name_key)).toEqual([
      'gwenllian ap dafydd',
      'zofia lukasik',
      // A space sorts before a letter: `O Súilleabháin` before `O’Connor`.
      'caoimhe o suilleabhain',
      'liam oconnor',
      'marta wisniewska',
    ]);
    // The London day the action was recorded (summer time kept: its offset is part of the stored time).
    expect(
      await db
        .selectFrom('escalation_actions')
        .select(['id', 'agreed_on', 'withdrawn_at', 'done_backdated_reason'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { id: 'a1', agreed_on: '2026-11-03', withdrawn_at: null, done_backdated_reason: null },
      { id: 'a2', agreed_on: '2026-07-03', withdrawn_at: null, done_backdated_reason: null },
    ]);
    expect(await db.selectFrom('escalation_stages').select('skip_rule').execute()).toEqual([{ skip_rule: null }]);
    await expect(sql`UPDATE escalation_actions SET withdrawn_by = 'nobody' WHERE id = 'a1'`.execute(db)).rejects.toThrow(/FOREIGN KEY/);

    const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'children'`.execute(db);
    expect(indexes.rows.map((row) => row.name)).toEqual(expect.arrayContaining(['children_by_sort_key', 'children_by_name_key']));
    // The register's order and the duplicate check are answered from the indexes.
    const plan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT id FROM children WHERE name_key = 'zofia lukasik' AND date_of_birth = '2017-03-14'`.execute(db);
    expect(plan.rows.map((row) => row.detail).join(' ')).toContain('children_by_name_key');
    const order = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM children ORDER BY sort_key, date_of_birth`.execute(db);
    expect(order.rows.map((row) => row.detail).join(' ')).toContain('children_by_sort_key');
    await db.destroy();
  });
});
