import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to 0006, insert an escalation as that version would have, migrate to 0007: the audit then
// reads an escalation's columns, its snapshot's size included, from the new index alone.

describe('migration 0007: the termly audit’s indexes', () => {
  it('keeps the escalations and answers the audit’s escalation query from the covering index', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0007'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0006_children_keys_actions_and_skips' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by)
      VALUES ('c1', 'Ada', 'Lovelace', '2019-01-01', 'Year 2', 2, 'none', 't', 'u1')`.execute(db);
    await sql`INSERT INTO escalations (id, child_id, category, procedure_id, procedure_version, procedure_snapshot, track_id, our_agency,
      other_agency_kind, other_agency_name, other_professional_name, other_professional_role, concern, areas_of_agreement,
      areas_of_disagreement, risk_relevance, outcome_sought, immediate_risk, status, opened_at, opened_by)
      VALUES ('e1', 'c1', 'other', 'bromley', 1, ${'{"a":"' + 'x'.repeat(20_000) + '"}'}, 'stages', 'school', 'health', 'Health', 'Hannah Brook',
      'Health visitor', 'c', 'a', 'd', 'r', 'o', 0, 'open', '2026-11-02T09:00:00.000Z', 'u1')`.execute(db);
    await migrateToLatest(db, { target: '0007_termly_audit_indexes' });

    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id, child_id, category, procedure_id, procedure_version, track_id,
      other_agency_kind, other_agency_name, other_professional_name, other_professional_role, status, opened_at, closed_at,
      octet_length(procedure_snapshot) FROM escalations WHERE opened_at <= '2027-01-01'`.execute(db);
    expect(plan.rows.map((row) => row.detail).join('\n')).toContain('USING COVERING INDEX escalations_for_audit');
    const row = await sql<{
      bytes: number;
    }>`SELECT octet_length(procedure_snapshot) AS bytes FROM escalations WHERE opened_at <= '2027-01-01'`.execute(db);
    expect(row.rows).toEqual([{ bytes: 20_008 }]);
    const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(db);
    const names = indexes.rows.map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining(['escalations_for_audit', 'referral_events_by_time', 'learning_reviews_by_time']));
    expect(names).not.toContain('escalations_by_opened');
    await db.destroy();
  });
});
