import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest } from '../../../db/migrate';
import { call, childInput, ok, setUpCore, tempDataDir } from '../../../scripts/fixtures/core';
import { openOf } from '../support/open-file';

// Migrate to 0007, insert as that version would have, migrate to 0008: existing ICPCs and strategy
// discussions keep no answer ("not recorded": nothing guessed), existing stages count their targets
// from when they started, and the partnership's form and "sent on" records have their tables. Then,
// through the dispatcher, an ICPC recorded before the question existed is asked about, once.

describe('migration 0008: ICPC outcomes, strategy-discussion attendance, stage target starts, partnership forms', () => {
  it('leaves existing answers not recorded and adds the columns and tables', async () => {
    const db = createKysely(openEncryptedDatabase(join(tempDataDir('m0008'), 'test.db'), generateDataKey(), { create: true }));
    await migrateToLatest(db, { target: '0007_termly_audit_indexes' });
    await sql`INSERT INTO users (id, full_name, role, created_at) VALUES ('u1', 'Sam Ellis', 'dsl', 't')`.execute(db);
    await sql`INSERT INTO children (id, first_name, last_name, date_of_birth, class_or_year, level_of_need, plan_status, created_at, created_by)
      VALUES ('c1', 'Ada', 'Lovelace', '2019-01-01', 'Year 2', 4, 'child-protection', 't', 'u1')`.execute(db);
    await sql`INSERT INTO referrals (id, child_id, made_at, method, concern, category, referred_to, made_by_name, made_by_role, summary, created_at, created_by)
      VALUES ('r1', 'c1', '2026-11-23T09:30:00.000+00:00', 'phone', 'child-protection', 'standard', 'MASH', 'Sam Ellis', 'DSL', 's', 't', 'u1')`.execute(
      db,
    );
    await sql`INSERT INTO referral_events (id, referral_id, kind, happened_at, s47_started, recorded_by, recorded_at)
      VALUES ('sd1', 'r1', 'strategy-discussion', '2026-11-24T09:00:00.000+00:00', 1, 'u1', 't'),
             ('ic1', 'r1', 'icpc', '2026-12-10T10:00:00.000+00:00', NULL, 'u1', 't')`.execute(db);
    await sql`INSERT INTO escalations (id, child_id, category, procedure_id, procedure_version, procedure_snapshot, track_id, our_agency,
      other_agency_kind, other_agency_name, other_professional_name, other_professional_role, concern, areas_of_agreement,
      areas_of_disagreement, risk_relevance, outcome_sought, immediate_risk, status, opened_at, opened_by)
      VALUES ('e1', 'c1', 'other', 'bromley', 1, '{}', 'stages', 'school', 'health', 'Health', 'Hannah Brook',
      'Health visitor', 'c', 'a', 'd', 'r', 'o', 0, 'open', '2026-11-02T09:00:00.000Z', 'u1')`.execute(db);
    await sql`INSERT INTO escalation_stages (id, escalation_id, stage_id, sequence, started_at) VALUES ('s1', 'e1', 'stage-1', 1, '2026-11-02T09:00:00.000Z')`.execute(
      db,
    );
    await migrateToLatest(db, { target: '0008_partnership_rules_and_forms' });

    const events = await sql<{
      id: string;
      child_protection_plan: number | null;
      setting_attended: number | null;
    }>`SELECT id, child_protection_plan, setting_attended FROM referral_events ORDER BY id`.execute(db);
    expect(events.rows).toEqual([
      { id: 'ic1', child_protection_plan: null, setting_attended: null },
      { id: 'sd1', child_protection_plan: null, setting_attended: null },
    ]);
    const stage = await sql`SELECT target_from_at, target_from_label FROM escalation_stages`.execute(db);
    expect(stage.rows).toEqual([{ target_from_at: null, target_from_label: null }]);
    expect((await sql`SELECT missed_due_at FROM escalations`.execute(db)).rows).toEqual([{ missed_due_at: null }]);
    await sql`INSERT INTO escalation_partnership (escalation_id, lead_agency, policy_practice_issues, current_position, remaining_issues, updated_by, updated_at)
      VALUES ('e1', 'Health', 'None yet.', 'Waiting.', 'All.', 'u1', 't')`.execute(db);
    await sql`INSERT INTO partnership_notifications (id, escalation_id, form, sent_at, recorded_by, recorded_at)
      VALUES ('n1', 'e1', 'cscp-escalation-notification', '2026-11-20T10:00:00Z', 'u1', 't')`.execute(db);
    await expect(sql`UPDATE referral_events SET child_protection_plan = 2 WHERE id = 'ic1'`.execute(db)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('asks for the outcome of an ICPC recorded without one, and owes the core group and review only once a plan is recorded', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-12-15T12:00:00Z');
    await ok(core, 'procedures.choose', { id: 'liverpool' });
    const child = await ok(core, 'children.create', childInput);
    const referral = await ok(core, 'referrals.create', {
      childId: child.id,
      madeAt: '2026-11-23T09:30:00.000+00:00',
      method: 'written',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'Liverpool Careline',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Bruising.',
    });
    const at = (iso: string) => ({ referralId: referral.id, happenedAt: iso });
    await ok(core, 'referrals.recordEvent', {
      ...at('2026-11-24T09:00:00.000+00:00'),
      kind: 'strategy-discussion',
      s47Started: true,
      settingAttended: true,
    });
    const held = await ok(core, 'referrals.recordEvent', {
      ...at('2026-12-10T10:00:00.000+00:00'),
      kind: 'icpc',
      childProtectionPlan: true,
    });
    const icpc = held.events.find((event) => event.kind === 'icpc');
    if (!icpc) throw new Error('no ICPC');
    // As an ICPC recorded before 0008 is: no outcome.
    await openOf(core).db.updateTable('referral_events').set({ child_protection_plan: null }).where('id', '=', icpc.id).execute();

    const before = await ok(core, 'referrals.get', { id: referral.id });
    expect(before.unanswered).toEqual([
      {
        eventId: icpc.id,
        field: 'childProtectionPlan',
        question: 'Outcome not recorded: did the initial child protection conference make a child protection plan?',
      },
    ]);
    expect(before.milestones.map((m) => m.key)).not.toContain('first-core-group');

    const after = await ok(core, 'referrals.completeEvent', { referralId: referral.id, eventId: icpc.id, childProtectionPlan: true });
    expect(after.unanswered).toEqual([]);
    // 10 working days after Thu 10 Dec 2026: Fri 11 (1), Mon 14 – Fri 18 (6), Mon 21 – Thu 24 (10).
    expect(after.milestones.find((m) => m.key === 'first-core-group')?.dueDate).toBe('2026-12-24');
    // Thu 10 Dec 2026 + 3 months: Wed 10 Mar 2027.
    expect(after.milestones.find((m) => m.key === 'first-review-conference')?.dueDate).toBe('2027-03-10');
    const amendment = await openOf(core)
      .db.selectFrom('amendments')
      .select(['field', 'old_value', 'new_value'])
      .where('entity_id', '=', referral.id)
      .executeTakeFirst();
    expect(amendment).toEqual({ field: 'ICPC outcome', old_value: '"Not recorded"', new_value: '"A child protection plan was made"' });
    // Given once: never changed here.
    expect(
      await call(core, 'referrals.completeEvent', { referralId: referral.id, eventId: icpc.id, childProtectionPlan: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
