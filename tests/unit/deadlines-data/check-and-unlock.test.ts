import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { migrations } from '../../../db/migrations';
import { checkDeadlines } from '../../../electron/core/services/deadlines/upkeep';
import { deadlineRulesFingerprint } from '../../../electron/core/services/deadlines/rules';
import { childInput, ok, PASSPHRASE, setUpCore, TestClock } from '../../../scripts/fixtures/core';
import { openOf, present } from '../support/open-file';
import { expectConsistent, readContextOf, escalationInput } from './support';
import { getDashboard as referenceDashboard } from './reference-dashboard';

// The consistency check is a real check: a row changed, removed or added behind the services'
// back is each reported, in words, and a debug unlock (ESCALATION_LOG_CHECK_DEADLINES=1) says so and
// works the rows out again. A file from before migration 0011 has its rows worked out at the first
// unlock after it (the migration cannot use the app's rules), and not again at the next.

/** A child with a phone referral (milestones owed) and an open escalation with an agreed action. */
async function withDeadlines(): Promise<{ core: Dispatcher; clock: TestClock; referralId: string; escalationId: string }> {
  const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
  const { core } = await setUpCore(undefined, clock);
  await ok(core, 'procedures.choose', { id: 'liverpool' });
  const child = await ok(core, 'children.create', childInput);
  const referral = await ok(core, 'referrals.create', {
    childId: child.id,
    madeAt: '2026-11-23T09:30:00.000+00:00',
    method: 'phone',
    concern: 'child-protection',
    category: 'standard',
    referredTo: 'Liverpool Careline',
    madeByName: 'Priya Raman',
    madeByRole: 'Designated Safeguarding Lead',
    summary: 'Bruising seen on arms; explanation inconsistent.',
  });
  const escalation = await ok(core, 'escalations.open', escalationInput(child.id, '2026-11-23T09:45:00.000+00:00'));
  await ok(core, 'escalations.addAction', {
    escalationId: escalation.id,
    description: 'Home visit to see the child',
    ownerName: 'Daniel Okafor',
    ownerRole: 'Social worker',
    dueDate: '2026-11-25',
  });
  await expectConsistent(core, 'the records');
  return { core, clock, referralId: referral.id, escalationId: escalation.id };
}

function sqlite(core: Dispatcher) {
  return openOf(core).sqlite;
}

afterEach(() => {
  delete process.env.ESCALATION_LOG_CHECK_DEADLINES;
});

describe('the consistency check', () => {
  it('reports a row moved, a row missing and a row kept that is not owed', async () => {
    const { core, referralId, escalationId } = await withDeadlines();
    const db = sqlite(core);
    const milestone = present(
      db.prepare("SELECT id, due_ms FROM deadlines WHERE referral_id = ? AND milestone_key = 'la-decision'").get(referralId) as
        { id: string; due_ms: number } | undefined,
      'the decision’s row',
    );
    db.prepare('UPDATE deadlines SET due_ms = due_ms + 86400000 WHERE id = ?').run(milestone.id);
    db.prepare('DELETE FROM deadlines WHERE id = ?').run(`${escalationId}/stage`);
    db.prepare(
      `INSERT INTO deadlines (id, kind, owed_by, state, due_at, due_ms, child_id, referral_id, escalation_id, record_id, milestone_key)
       SELECT 'stale-action', 'action', 'named-person', 'due', due_at, due_ms, child_id, NULL, escalation_id, 'stale-action', NULL
       FROM deadlines WHERE kind = 'action'`,
    ).run();

    const ctx = readContextOf(core);
    const differences = await checkDeadlines(ctx.db, ctx.clock);
    expect(differences).toHaveLength(3);
    expect(differences).toEqual(
      expect.arrayContaining([
        `${milestone.id} (milestone): due_ms is ${milestone.due_ms + 86_400_000}, should be ${milestone.due_ms}`,
        expect.stringMatching(new RegExp(`^${escalationId}/stage \\(stage-target, due .+\\) is owed but not kept$`)),
        expect.stringMatching(/^stale-action \(action, due .+\) is kept but not owed$/),
      ]),
    );
    // The dashboard works the words and dates out from the records themselves, so only a referral left
    // with no row in its window goes missing from it: which the check reports too.
    expect(await ok(core, 'dashboard.get', {})).toEqual(await referenceDashboard(ctx));
    db.prepare('DELETE FROM deadlines WHERE referral_id = ?').run(referralId);
    expect(await checkDeadlines(ctx.db, ctx.clock)).toHaveLength(3 + 2);
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard).not.toEqual(await referenceDashboard(ctx));
    expect(JSON.stringify(dashboard)).not.toContain(referralId);
  });

  it('at a debug unlock, says the rows differed and works them out again', async () => {
    const { core } = await withDeadlines();
    sqlite(core).prepare("DELETE FROM deadlines WHERE kind = 'milestone'").run();
    await ok(core, 'session.lock', {});
    process.env.ESCALATION_LOG_CHECK_DEADLINES = '1';
    const status = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(status).toMatchObject({
      state: 'unlocked',
      warnings: [expect.stringMatching(/^Debug check: \d+ deadlines kept as data differed from the records/)],
    });
    await expectConsistent(core, 'the debug unlock');
    // Without the debug switch nothing is compared (the unlock stays as fast as before).
    sqlite(core).prepare("DELETE FROM deadlines WHERE kind = 'action'").run();
    await ok(core, 'session.lock', {});
    delete process.env.ESCALATION_LOG_CHECK_DEADLINES;
    const quiet = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(quiet.state === 'unlocked' ? (quiet.warnings ?? []) : null).toEqual([]);
  });
});

describe('the first unlock after migration 0011', () => {
  it('works every row out from the records, once', async () => {
    const { core, clock } = await withDeadlines();
    const expected = sqlite(core).prepare('SELECT * FROM deadlines ORDER BY id').all();
    expect(expected.length).toBeGreaterThan(3);
    // The file as it was before 0011: the migration undone and forgotten.
    const down = present(migrations['0011_deadlines']?.down, 'migration 0011’s down');
    await down(openOf(core).db);
    sqlite(core).prepare("DELETE FROM kysely_migration WHERE name = '0011_deadlines'").run();
    await ok(core, 'session.lock', {});

    clock.advance(60);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(sqlite(core).prepare('SELECT * FROM deadlines ORDER BY id').all()).toEqual(expected);
    const upkeep = sqlite(core).prepare('SELECT rules, worked_out_at FROM deadline_upkeep').get();
    expect(upkeep).toEqual({ rules: deadlineRulesFingerprint(), worked_out_at: '2026-11-23T10:01:00.000+00:00' });
    await expectConsistent(core, 'the first unlock after the migration');

    // The next unlock finds them worked out under the same rules and leaves them.
    await ok(core, 'session.lock', {});
    clock.advance(60);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(sqlite(core).prepare('SELECT worked_out_at FROM deadline_upkeep').get()).toEqual({
      worked_out_at: '2026-11-23T10:01:00.000+00:00',
    });
  });
});
