import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import type { DB } from '../../../db/schema';
import { childrenPage, escalationsPage, referralsPage } from '../../../db/queries/lists';
import { parseChildSearch } from '../../../shared/children/name-keys';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to the migration before 0010, insert as that version would have, migrate to 0010: the
// records are kept, the indexes the lists need are there (and the ones they supersede gone), and
// each list query — the real ones, captured as Kysely compiles them — is answered from them: the
// escalation list never reads an escalation's row (its procedure snapshot), only covering indexes.

const names = Object.keys(migrations);
const before = names[names.indexOf('0010_list_paging_indexes') - 1] ?? '';

describe('migration 0010: the indexes the paged lists read', () => {
  it('keeps the records, and every list query uses its index', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir('m0010'), 'test.db'), generateDataKey(), { create: true });
    const db = createKysely(sqlite);
    await migrateToLatest(db, { target: before });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by, name_key, sort_key)
      VALUES ('c1', 'Zofia', 'Łukasik', '2019-01-01', 'Year 2', 2, 'none', 't', 'u1', 'zofia lukasik', ${'lukasik\u001fzofia'})`.execute(
      db,
    );
    await sql`INSERT INTO referrals (id, child_id, made_at, method, concern, category, referred_to, made_by_name, made_by_role, summary, created_at, created_by)
      VALUES ('r1', 'c1', '2026-11-02T09:00:00.000+00:00', 'phone', 'child-in-need', 'standard', 'MASH', 'Sam Ellis', 'DSL', 's', 't', 'u1')`.execute(
      db,
    );
    await sql`INSERT INTO escalations (id, child_id, category, procedure_id, procedure_version, procedure_snapshot, track_id, our_agency,
      other_agency_kind, other_agency_name, other_professional_name, other_professional_role, concern, areas_of_agreement,
      areas_of_disagreement, risk_relevance, outcome_sought, immediate_risk, status, opened_at, opened_by)
      VALUES ('e1', 'c1', 'other', 'bromley', 1, ${'{"a":"' + 'x'.repeat(20_000) + '"}'}, 'stages', 'school', 'health', 'Health', 'Hannah Brook',
      'Health visitor', 'c', 'a', 'd', 'r', 'o', 0, 'open', '2026-11-02T09:00:00.000+00:00', 'u1')`.execute(db);
    await sql`INSERT INTO escalation_stages (id, escalation_id, stage_id, sequence, started_at) VALUES ('s1', 'e1', 'stage-1', 1, '2026-11-02T09:00:00.000+00:00')`.execute(
      db,
    );
    await migrateToLatest(db, { target: '0010_list_paging_indexes' });

    const indexes = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(db)).rows.map(
      (row) => row.name,
    );
    expect(indexes).toEqual(
      expect.arrayContaining([
        'children_register',
        'children_search',
        'referrals_newest',
        'referrals_by_category',
        'referrals_by_concern',
        'escalations_newest',
        'escalations_by_status_newest',
        'escalations_by_child_newest',
        'escalation_stages_at',
      ]),
    );
    for (const gone of [
      'children_by_sort_key',
      'children_by_name_key',
      'referrals_by_made',
      'escalations_by_status',
      'escalations_by_child',
    ]) {
      expect(indexes).not.toContain(gone);
    }

    // The list queries as they run, captured from Kysely, and SQLite's plan for each.
    const compiled: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        if (event.level === 'query') compiled.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const plans = async (read: () => Promise<unknown>): Promise<string[]> => {
      compiled.length = 0;
      await read();
      return compiled.map((query) =>
        (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[])
          .map((row) => row.detail)
          .join(' | '),
      );
    };

    const register = await plans(() => childrenPage(logged, { search: undefined, after: null, limit: 51 }));
    expect(register[0]).toContain('children_register');
    const found = await childrenPage(logged, { search: parseChildSearch('lukasik'), after: null, limit: 51 });
    expect(found.rows.map((row) => row.id)).toEqual(['c1']);
    const search = await plans(() => childrenPage(logged, { search: parseChildSearch('lukasik'), after: null, limit: 51 }));
    expect(search[0]).toContain('COVERING INDEX children_search');
    expect(search[1]).toContain('COVERING INDEX children_search');

    expect((await plans(() => referralsPage(logged, { filter: {}, after: null, limit: 51 })))[0]).toContain('referrals_newest');
    expect((await plans(() => referralsPage(logged, { filter: { category: 'complex' }, after: null, limit: 51 })))[0]).toContain(
      'referrals_by_category',
    );
    expect((await plans(() => referralsPage(logged, { filter: { concern: 'child-in-need' }, after: null, limit: 51 })))[0]).toContain(
      'referrals_by_concern',
    );

    const escalationPlans = [
      [{}, 'COVERING INDEX escalations_newest'],
      [{ status: 'open' as const }, 'COVERING INDEX escalations_by_status_newest'],
      [{ childId: 'c1' }, 'COVERING INDEX escalations_by_child_newest'],
      [{ stageId: 'stage-1' }, 'escalation_stages_at'],
      [{ category: 'other', agencyKind: 'health' }, 'COVERING INDEX escalations_'],
    ] as const;
    for (const [filter, index] of escalationPlans) {
      const [page, count] = await plans(() => escalationsPage(logged, { filter, after: null, limit: 51 }));
      expect(page, JSON.stringify(filter)).toContain(index);
      // Never the escalation's own row (and so never its snapshot's overflow pages).
      expect(`${page ?? ''} | ${count ?? ''}`, JSON.stringify(filter)).not.toMatch(/(SCAN|SEARCH) (escalations|e)\b(?! USING COVERING)/);
    }
    const page = await escalationsPage(logged, { filter: { stageId: 'stage-1' }, after: null, limit: 51 });
    expect(page).toMatchObject({ total: 1, rows: [{ id: 'e1', snapshot_bytes: 20_008, child_first_name: 'Zofia' }] });
    await logged.destroy().catch(() => undefined);
    await db.destroy();
  });
});
