import { describe, expect, it } from 'vitest';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// A referral whose strategy discussion is missed: overdue on the dashboard, and turned into an
// escalation under Berkshire West's three steps, with the step times worked out.

describe('a missed strategy discussion', () => {
  it('shows overdue on the dashboard and becomes an escalation with the step times calculated', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T10:00:00Z');
    await ok(core, 'procedures.choose', { id: 'bromley' });
    const child = await ok(core, 'children.create', childInput);
    const referral = await ok(core, 'referrals.create', {
      childId: child.id,
      madeAt: '2026-11-23T09:30:00.000+00:00',
      method: 'phone',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'Bromley MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Bruising seen on arms; explanation inconsistent.',
    });
    expect(referral.milestones.find((m) => m.key === 'written-follow-up')?.dueAt).toBe('2026-11-25T09:30:00.000+00:00');
    await ok(core, 'referrals.recordEvent', {
      referralId: referral.id,
      kind: 'written-follow-up',
      happenedAt: '2026-11-23T09:55:00.000+00:00',
    });

    let dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.thisWeek.map((item) => item.title)).toEqual(expect.arrayContaining(['Strategy discussion']));
    expect(dashboard.overdue).toEqual([]);
    expect(await call(core, 'referrals.escalationDraft', { referralId: referral.id, milestone: 'strategy-discussion' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    clock.time = new Date('2026-11-25T08:00:00Z');
    dashboard = await ok(core, 'dashboard.get', {});
    const overdue = dashboard.overdue.find((item) => item.title === 'Strategy discussion');
    expect(overdue).toMatchObject({
      childName: 'Zephyrine Quillfeather',
      missed: { referralId: referral.id, milestone: 'strategy-discussion', escalationId: null },
      link: { type: 'referral', id: referral.id },
    });
    expect(overdue?.explanation.at(-1)).toBe('1 working day → due by end of Tue 24 Nov 2026');

    const draft = await ok(core, 'referrals.escalationDraft', { referralId: referral.id, milestone: 'strategy-discussion' });
    expect(draft.procedureName).toBe('Berkshire West: missed strategy-meeting timescales');
    expect(draft.steps.map((step) => [step.label, step.dueAt])).toEqual([
      ['Step 1', '2026-11-25T08:00:00.000+00:00'],
      ['Step 2', '2026-11-27T08:00:00.000+00:00'],
      ['Step 3', '2026-11-29T08:00:00.000+00:00'],
    ]);
    expect(draft.input).toMatchObject({
      category: 'statutory-timescale-missed',
      otherAgencyKind: 'childrens-social-care',
      otherAgencyName: 'Bromley MASH',
      fromMissed: { referralId: referral.id, milestone: 'strategy-discussion' },
    });

    const opened = await ok(core, 'escalations.open', {
      ...draft.input,
      otherProfessional: { name: 'Grace Adeyemi', role: 'Named social worker' },
    });
    expect(opened).toMatchObject({
      procedure: { id: 'berkshire-west' },
      referralId: referral.id,
      missedMilestone: 'strategy-discussion',
      current: { label: 'Step 1', target: { dueAt: '2026-11-27T08:00:00.000+00:00' } },
    });
    expect(opened.current?.whoToContact).toContain('named social worker');
    dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.find((item) => item.title === 'Strategy discussion')?.missed?.escalationId).toBe(opened.id);
    expect((await ok(core, 'referrals.get', { id: referral.id })).escalations).toEqual([
      { id: opened.id, missedMilestone: 'strategy-discussion' },
    ]);

    const timeline = await ok(core, 'children.timeline', { childId: child.id });
    expect(timeline.map((item) => item.kind)).toEqual(expect.arrayContaining(['referral', 'milestone', 'escalation', 'stage']));
    expect(timeline.find((item) => item.title === 'Strategy discussion')).toMatchObject({
      state: 'overdue',
      explanation: expect.arrayContaining(['1 working day → due by end of Tue 24 Nov 2026']),
    });
  });

  it('refuses an event before the referral or in the future', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T10:00:00Z');
    const child = await ok(core, 'children.create', childInput);
    const referral = await ok(core, 'referrals.create', {
      childId: child.id,
      madeAt: '2026-11-23T09:30:00.000+00:00',
      method: 'written',
      concern: 'child-in-need',
      category: 'standard',
      referredTo: 'MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'DSL',
      summary: 's',
    });
    expect(
      await call(core, 'referrals.recordEvent', {
        referralId: referral.id,
        kind: 'la-decision',
        happenedAt: '2026-11-23T09:00:00.000+00:00',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['happenedAt'], message: 'This cannot have happened before the referral was made.' }] },
    });
    expect(
      await call(core, 'referrals.recordEvent', {
        referralId: referral.id,
        kind: 'la-decision',
        happenedAt: '2026-11-24T09:00:00.000+00:00',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await ok(core, 'referrals.get', { id: referral.id })).events).toEqual([]);
  });
});
