import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import type { DB } from '../../../db/schema';
import { deleteReferralDeadlines, escalationsAboutMissed, recordsWithDeadlinesOwedBy } from '../../../db/queries/deadlines';
import { stageHasEntry } from '../../../db/queries/stage-entries';
import { getDashboard } from '../../../electron/core/services/dashboard';
import type { ReadContext } from '../../../electron/core/services/context';
import { settingCalendar } from '../../../electron/core/services/deadline-context';
import { checkDeadlines, rebuildDeadlines } from '../../../electron/core/services/deadlines/upkeep';
import { getBuiltInProcedure } from '../../../shared/procedures';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Migrate to the migration before 0011, insert as that version would have, migrate to 0011: the
// records are kept, the deadlines table and its indexes are there, empty, with the rules they were
// worked out under unset (the app works them out at the next unlock: the migration cannot use its
// rules). Worked out, every query the dashboard runs — captured as Kysely compiles them — reads an
// index: the due items one range of deadlines_due, never a scan of the referrals, their events or
// the escalations; and the queries the upkeep runs to find what a change moves use theirs, as does
// the check before a stage is left that something was recorded at it.

const names = Object.keys(migrations);
const before = names[names.indexOf('0011_deadlines') - 1] ?? '';
const NOW = new Date('2026-11-25T09:00:00Z');

describe('migration 0011: deadlines kept as data', () => {
  it('adds the empty table, and the dashboard reads it by index', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir('m0011'), 'test.db'), generateDataKey(), { create: true });
    const db = createKysely(sqlite);
    await migrateToLatest(db, { target: before });
    await sql`INSERT INTO settings (id, setting_name, setting_type, region, created_at, procedure_id)
      VALUES (1, 'Northway Primary', 'school', 'england-and-wales', 't', 'bromley')`.execute(db);
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by, name_key, sort_key)
      VALUES ('c1', 'Zofia', 'Łukasik', '2019-01-01', 'Year 2', 2, 'none', 't', 'u1', 'zofia lukasik', ${'lukasik\u001fzofia'})`.execute(
      db,
    );
    await sql`INSERT INTO referrals (id, child_id, made_at, method, concern, category, referred_to, made_by_name, made_by_role, summary, created_at, created_by)
      VALUES ('r1', 'c1', '2026-11-20T09:00:00.000+00:00', 'phone', 'child-protection', 'standard', 'MASH', 'Sam Ellis', 'DSL', 's', 't', 'u1'),
             ('r2', 'c1', '2019-03-04T09:00:00.000+00:00', 'written', 'child-in-need', 'standard', 'MASH', 'Sam Ellis', 'DSL', 's', 't', 'u1')`.execute(
      db,
    );
    await sql`INSERT INTO referral_events (id, referral_id, kind, happened_at, recorded_by, recorded_at)
      VALUES ('ev1', 'r2', 'closed-by-social-care', '2019-03-05T09:00:00.000+00:00', 'u1', 't')`.execute(db);
    const bromley = JSON.stringify(getBuiltInProcedure('bromley'));
    await sql`INSERT INTO escalations (id, child_id, category, procedure_id, procedure_version, procedure_snapshot, track_id, our_agency,
      other_agency_kind, other_agency_name, other_professional_name, other_professional_role, concern, areas_of_agreement,
      areas_of_disagreement, risk_relevance, outcome_sought, immediate_risk, status, opened_at, opened_by, referral_id, missed_milestone)
      VALUES ('e1', 'c1', 'other', 'bromley', 1, ${bromley}, 'stages', 'school', 'childrens-social-care', 'Bromley CSC', 'Hannah Brook',
      'Social worker', 'c', 'a', 'd', 'r', 'o', 0, 'open', '2026-11-23T09:00:00.000+00:00', 'u1', 'r1', 'la-decision')`.execute(db);
    await sql`INSERT INTO escalation_stages (id, escalation_id, stage_id, sequence, started_at) VALUES ('s1', 'e1', 'stage-1', 1, '2026-11-23T09:00:00.000+00:00')`.execute(
      db,
    );
    await sql`INSERT INTO escalation_actions (id, escalation_id, stage_record_id, description, owner_name, owner_role, due_date, agreed_on, created_at, created_by)
      VALUES ('a1', 'e1', 's1', 'Visit', 'Hannah Brook', 'Social worker', '2026-11-26', '2026-11-23', '2026-11-23T09:10:00.000+00:00', 'u1')`.execute(
      db,
    );
    await migrateToLatest(db, { target: '0011_deadlines' });

    expect((await sql`SELECT count(*) AS n FROM referrals`.execute(db)).rows).toEqual([{ n: 2 }]);
    expect((await sql`SELECT count(*) AS n FROM deadlines`.execute(db)).rows).toEqual([{ n: 0 }]);
    expect((await sql`SELECT rules, worked_out_at FROM deadline_upkeep`.execute(db)).rows).toEqual([{ rules: null, worked_out_at: null }]);
    const indexes = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(db)).rows.map(
      (row) => row.name,
    );
    expect(indexes).toEqual(
      expect.arrayContaining([
        'deadlines_due',
        'deadlines_by_referral',
        'deadlines_by_escalation',
        'deadlines_by_child',
        'deadlines_by_owner',
        'escalations_by_referral',
      ]),
    );
    // A row must say what it is owed by and be dated exactly when it is due.
    await expect(
      sql`INSERT INTO deadlines (id, kind, owed_by, state, due_at, due_ms, child_id, referral_id, escalation_id, record_id)
        VALUES ('x', 'milestone', 'setting', 'due', NULL, NULL, 'c1', 'r1', NULL, 'x')`.execute(db),
    ).rejects.toThrow(/CHECK/);

    const clock = () => NOW;
    const rows = await db.transaction().execute((trx) => rebuildDeadlines(trx, clock));
    expect(rows).toBeGreaterThan(3);
    expect(await checkDeadlines(db, clock)).toEqual([]);

    // Every query, as it runs, captured from Kysely, and SQLite's plan for each.
    const compiled: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        if (event.level === 'query') compiled.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const plans = async (read: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> => {
      compiled.length = 0;
      await read();
      return compiled.map((query) => ({
        sql: query.sql,
        plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[])
          .map((row) => row.detail)
          .join(' | '),
      }));
    };
    const ctx: ReadContext = {
      db: logged,
      user: { id: 'u1', fullName: 'Sam Ellis', role: 'dsl' },
      clock,
      fontsDir: '',
      renderDocument: () => Promise.reject(new Error('No documents here.')),
      calendar: () => settingCalendar(logged),
      logAccess: () => Promise.resolve(),
    };
    const dashboard = await plans(() => getDashboard(ctx));
    const planOf = (pattern: RegExp) => dashboard.find((query) => pattern.test(query.sql))?.plan ?? 'not run';
    expect(planOf(/from "deadlines" where "due_ms" </)).toMatch(/SEARCH deadlines USING INDEX deadlines_due \(due_ms<\?\)/);
    expect(planOf(/from "deadlines" where "escalation_id" in/)).toContain('USING INDEX deadlines_by_escalation');
    expect(planOf(/count\(distinct "referral_id"\)/)).toContain('COVERING INDEX deadlines_by_referral');
    expect(planOf(/"missed_milestone" is not null/)).toContain('escalations_by_referral');
    // Nothing the dashboard runs reads a whole table of records.
    for (const query of dashboard) {
      expect(query.plan, query.sql).not.toMatch(
        /SCAN (referrals|referral_events|escalations|escalation_stages|escalation_actions|deadlines)\b(?! USING COVERING)/,
      );
    }
    // It found what is owed: the new referral's milestones, the stage and its action (the old referral was closed).
    const shown = await getDashboard({ ...ctx, db });
    expect([...shown.overdue, ...shown.today, ...shown.thisWeek].map((item) => item.id)).toEqual(
      expect.arrayContaining(['e1/stage', 'a1', expect.stringMatching(/^r1\//)]),
    );
    expect(JSON.stringify(shown)).not.toContain('r2');
    expect(shown.overdue.find((item) => item.missed)?.missed).toEqual({ referralId: 'r1', milestone: 'la-decision', escalationId: 'e1' });

    // What a change of calendar moves, and a referral's rows replaced, are found by index too.
    const owed = await plans(() => recordsWithDeadlinesOwedBy(logged, ['setting']));
    expect(owed[0]?.plan).toContain('deadlines_by_owner');
    const replaced = await plans(() => deleteReferralDeadlines(logged, ['r1']));
    expect(replaced[0]?.plan).toContain('deadlines_by_referral');
    const missed = await plans(() => escalationsAboutMissed(logged, ['r1']));
    expect(missed[0]?.plan).toContain('COVERING INDEX escalations_by_referral');
    // Whether a stage has anything recorded (asked before escalating, resolving or closing).
    const entry = await plans(() => stageHasEntry(logged, 's1'));
    expect(entry[0]?.plan).toContain('USING INDEX stage_entries_by_stage_record (stage_record_id=?)');

    await logged.destroy().catch(() => undefined);
    await db.destroy();
  });
});
