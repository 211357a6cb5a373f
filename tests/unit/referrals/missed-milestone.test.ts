import { describe, expect, it } from 'vitest';
import { call, childInput, ok, setUpCore, type TestClock } from '../../../scripts/fixtures/core';
import type { Dispatcher } from '../../../electron/core/dispatcher';

// A missed statutory milestone is escalated under the setting's own procedure, always: Berkshire
// West's three steps only for a Berkshire West setting and only for a missed strategy discussion,
// their 48 hours from when it fell due; every other partnership's own ladder otherwise. Through the
// dispatcher, with every date worked out by hand in the comment beside it.

async function referral(core: Dispatcher, clock: TestClock, procedureId: string, referredTo: string) {
  clock.time = new Date('2026-11-23T10:00:00Z');
  await ok(core, 'procedures.choose', { id: procedureId });
  const child = await ok(core, 'children.create', childInput);
  // Mon 23 Nov 2026 09:30, by phone, child protection, standard.
  const made = await ok(core, 'referrals.create', {
    childId: child.id,
    madeAt: '2026-11-23T09:30:00.000+00:00',
    method: 'phone',
    concern: 'child-protection',
    category: 'standard',
    referredTo,
    madeByName: 'Priya Raman',
    madeByRole: 'Designated Safeguarding Lead',
    summary: 'Bruising seen on arms; explanation inconsistent.',
  });
  return { child, referral: made };
}

const entry = (escalationId: string, occurredAt: string) => ({
  escalationId,
  occurredAt,
  method: 'phone' as const,
  participants: [
    { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
    { name: 'Grace Adeyemi', role: 'Named social worker' },
  ],
  summary: 'Asked when the strategy discussion will be held.',
  decision: 'No date yet.',
  rationale: 'The team is waiting for the police.',
  toldOfOutcome: [],
  originalReferrerTold: false,
});

describe('a missed strategy discussion in a Berkshire West setting', () => {
  it('follows Berkshire West’s three steps, their 48 hours counted from when the strategy discussion fell due', async () => {
    const { core, clock } = await setUpCore();
    const { child, referral: r } = await referral(core, clock, 'berkshire-west', 'Reading Children’s Single Point of Access');
    // Berkshire West sets no written follow-up; its strategy discussion is one working day: end of Tue 24 Nov.
    expect(r.milestones.map((m) => m.key)).toEqual(['la-decision', 'strategy-discussion', 'single-assessment']);

    let dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.thisWeek.map((item) => item.title)).toEqual(expect.arrayContaining(['Strategy discussion']));
    expect(await call(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'strategy-discussion' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    // Wed 25 Nov 08:00: overdue.
    clock.time = new Date('2026-11-25T08:00:00Z');
    dashboard = await ok(core, 'dashboard.get', {});
    const overdue = dashboard.overdue.find((item) => item.title === 'Strategy discussion');
    expect(overdue).toMatchObject({ missed: { referralId: r.id, milestone: 'strategy-discussion', escalationId: null } });
    expect(overdue?.explanation.at(-1)).toBe('1 working day → due by end of Tue 24 Nov 2026');

    const draft = await ok(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'strategy-discussion' });
    expect(draft.procedureName).toBe('Berkshire West: missed strategy-meeting timescales');
    expect(draft.trackTitle).toBe('Escalation when a strategy discussion has not taken place in time');
    // Step 1 now. Step 2 48 hours after the strategy discussion fell due (end of Tue 24 Nov): Thu 26 Nov
    // 23:59:59 — not 48 hours after the DSL opened the draft. Step 3 48 hours after that: Sat 28 Nov 23:59:59.
    expect(draft.steps.map((step) => [step.label, step.dueAt])).toEqual([
      ['Step 1', '2026-11-25T08:00:00.000+00:00'],
      ['Step 2', '2026-11-26T23:59:59.000+00:00'],
      ['Step 3', '2026-11-28T23:59:59.000+00:00'],
    ]);
    expect(draft.steps[1]?.explanation).toEqual([
      'Strategy discussion fell due Tue 24 Nov 2026 23:59:59',
      '48 hours → due by Thu 26 Nov 2026 23:59:59',
    ]);
    expect(draft.input.outcomeSought).not.toContain('school');

    const opened = await ok(core, 'escalations.open', {
      ...draft.input,
      otherProfessional: { name: 'Grace Adeyemi', role: 'Named social worker' },
    });
    expect(opened).toMatchObject({
      procedure: { id: 'berkshire-west' },
      track: { id: 'missed-strategy-discussion' },
      missedMilestone: 'strategy-discussion',
      current: { label: 'Step 1', target: { dueAt: '2026-11-26T23:59:59.000+00:00', state: 'due' } },
    });
    expect(opened.current?.target?.explanation[0]).toBe('Strategy discussion fell due Tue 24 Nov 2026 23:59:59');
    expect(opened.current?.contacts).toEqual([
      expect.objectContaining({ email: 'BSO.TogetherForFamilies@brighterfuturesforchildren.org' }),
    ]);

    // Step 2 taken late, Fri 27 Nov 10:00: Step 3 is still due 48 hours after Step 2 fell due (Thu 26
    // Nov 23:59:59), Sat 28 Nov 23:59:59, not 48 hours after Step 2 was taken.
    clock.time = new Date('2026-11-27T10:05:00Z');
    await ok(core, 'escalations.recordEntry', entry(opened.id, '2026-11-27T09:00:00.000+00:00'));
    const atTwo = await ok(core, 'escalations.escalate', {
      escalationId: opened.id,
      reason: 'No strategy discussion 48 hours after it was due.',
      escalatedAt: '2026-11-27T10:00:00.000+00:00',
    });
    expect(atTwo.ladder[0]?.target).toMatchObject({ state: 'met-late' });
    expect(atTwo.current).toMatchObject({ label: 'Step 2', target: { dueAt: '2026-11-28T23:59:59.000+00:00', state: 'due' } });
    expect(atTwo.current?.target?.explanation).toEqual([
      'Step 2 fell due Thu 26 Nov 2026 23:59:59',
      '48 hours → due by Sat 28 Nov 2026 23:59:59',
    ]);

    dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.find((item) => item.title === 'Strategy discussion')?.missed?.escalationId).toBe(opened.id);
    const timeline = await ok(core, 'children.timeline', { childId: child.id });
    expect(timeline.map((item) => item.kind)).toEqual(expect.arrayContaining(['referral', 'milestone', 'escalation', 'stage']));
  });

  it('any other missed timescale, and any other disagreement, follows the partnership’s general procedure, never the strategy-meeting steps', async () => {
    const { core, clock } = await setUpCore();
    const { referral: r } = await referral(core, clock, 'berkshire-west', 'Reading Children’s Single Point of Access');
    clock.time = new Date('2026-11-25T08:00:00Z');
    // The decision was due by the end of Tue 24 Nov.
    const draft = await ok(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'la-decision' });
    expect(draft.trackTitle).toBe('Professional disagreements (the BWSCP escalation procedure for professional disagreements)');
    expect(draft.steps.map((step) => step.label)).toEqual(['Stage 1']);
    const opened = await ok(core, 'escalations.open', {
      ...draft.input,
      otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' },
    });
    expect(opened.track.id).toBe('professional-disagreement');
    expect(JSON.stringify(opened)).not.toContain('BSO.TogetherForFamilies');
    expect(opened.current?.whoToContact).toContain('not included here');
  });
});

describe('a missed timescale in another partnership', () => {
  it('Liverpool: a missed decision becomes a Liverpool escalation on the LSCB stages, with nothing of Berkshire West', async () => {
    const { core, clock } = await setUpCore();
    const { referral: r } = await referral(core, clock, 'liverpool', 'Liverpool Careline');
    // Liverpool: the written follow-up (24 hours), the decision, the assessment; the strategy discussion to record, with no date.
    expect(r.milestones.map((m) => m.key)).toEqual(['written-follow-up', 'la-decision', 'single-assessment']);
    expect(r.expected.map((e) => e.key)).toEqual(['strategy-discussion']);
    expect(JSON.stringify(r)).not.toContain('Berkshire');
    clock.time = new Date('2026-11-25T08:00:00Z');
    const draft = await ok(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'la-decision' });
    expect(draft.procedureName).toBe('Liverpool escalation guidance (LSCB)');
    expect(draft.steps.map((step) => [step.label, step.dueAt === null ? null : 'now'])).toEqual([
      ['Stage 1', 'now'],
      ['Stage 2', null],
      ['Stage 3', null],
      ['Stage 4', null],
    ]);
    const opened = await ok(core, 'escalations.open', {
      ...draft.input,
      otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' },
    });
    expect(opened.procedure).toMatchObject({
      id: 'liverpool',
      partnership: 'Liverpool Safeguarding Children Board (LSCB) (now the Liverpool Safeguarding Children Partnership)',
    });
    expect(opened.ladder.map((rung) => rung.title)).toEqual([
      'Attempt Resolution; Escalate to Line Manager',
      'Escalation to Organisation Safeguarding Representative',
      'Escalation to LSCB Safeguarding Representative',
      'Escalation to LSCB Chair',
    ]);
    expect(opened.current?.target).toBeNull();
    expect(opened.partnershipForms).toEqual([
      {
        form: 'liverpool-report-to-lscb',
        title: 'Report to LSCB (now the Liverpool Safeguarding Children Partnership): Multi-Agency Resolution Levels 3 and 4',
        fromStage: 'Stage 3',
        reached: false,
      },
    ]);
    expect(JSON.stringify(opened)).not.toMatch(/Berkshire|BSO\./);
  });

  it('Bromley: its own Stage 1, with the one working week counted in the days both agencies share', async () => {
    const { core, clock } = await setUpCore();
    await ok(core, 'settings.addClosure', { date: '2026-11-26', reason: 'INSET day' });
    const { referral: r } = await referral(core, clock, 'bromley', 'Bromley MASH');
    // Bromley sets no written follow-up and no strategy-discussion time.
    expect(r.milestones.map((m) => m.key)).toEqual(['la-decision', 'single-assessment']);
    clock.time = new Date('2026-11-25T08:00:00Z');
    const draft = await ok(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'la-decision' });
    const opened = await ok(core, 'escalations.open', {
      ...draft.input,
      otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' },
    });
    expect(opened.procedure.id).toBe('bromley');
    // One working week (5 working days) from Wed 25 Nov 2026: Thu 26 (the school's INSET day is a
    // working day for social care, and this stage is both agencies'), Fri 27, Mon 30, Tue 1, Wed 2 Dec.
    expect(opened.current).toMatchObject({ label: 'Stage 1', target: { dueDate: '2026-12-02' } });
    expect(opened.current?.target?.explanation[1]).toContain('both agencies share');
  });

  it('needs the setting’s own procedure: with none chosen, nothing is escalated under another partnership’s', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T10:00:00Z');
    const child = await ok(core, 'children.create', childInput);
    const r = await ok(core, 'referrals.create', {
      childId: child.id,
      madeAt: '2026-11-23T09:30:00.000+00:00',
      method: 'written',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'DSL',
      summary: 's',
    });
    clock.time = new Date('2026-11-25T08:00:00Z');
    expect(await call(core, 'referrals.escalationDraft', { referralId: r.id, milestone: 'la-decision' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Choose your safeguarding partnership’s escalation procedure') },
    });
  });
});

describe('recording what happened', () => {
  it('refuses an event before the referral or in the future', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T10:00:00Z');
    const child = await ok(core, 'children.create', childInput);
    const r = await ok(core, 'referrals.create', {
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
      await call(core, 'referrals.recordEvent', { referralId: r.id, kind: 'la-decision', happenedAt: '2026-11-23T09:00:00.000+00:00' }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['happenedAt'], message: 'This cannot have happened before the referral was made.' }] },
    });
    expect(
      await call(core, 'referrals.recordEvent', { referralId: r.id, kind: 'la-decision', happenedAt: '2026-11-24T09:00:00.000+00:00' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await ok(core, 'referrals.get', { id: r.id })).events).toEqual([]);
  });

  it('asks an ICPC whether it made a plan, and a strategy discussion whether the setting took part; only then is a core group owed', async () => {
    const { core, clock } = await setUpCore();
    const { referral: r } = await referral(core, clock, 'berkshire-west', 'Reading Children’s Single Point of Access');
    clock.time = new Date('2026-12-15T12:00:00Z');
    const at = (iso: string) => ({ referralId: r.id, happenedAt: iso });
    expect(
      await call(core, 'referrals.recordEvent', { ...at('2026-11-24T09:00:00.000+00:00'), kind: 'strategy-discussion', s47Started: true }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['settingAttended'] }] },
    });
    await ok(core, 'referrals.recordEvent', {
      ...at('2026-11-24T09:00:00.000+00:00'),
      kind: 'strategy-discussion',
      s47Started: true,
      settingAttended: false,
    });
    expect(await call(core, 'referrals.recordEvent', { ...at('2026-12-14T10:00:00.000+00:00'), kind: 'icpc' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['childProtectionPlan'], message: 'Say whether the conference made a child protection plan.' }] },
    });
    const noPlan = await ok(core, 'referrals.recordEvent', {
      ...at('2026-12-14T10:00:00.000+00:00'),
      kind: 'icpc',
      childProtectionPlan: false,
    });
    // The school did not attend: no minutes owed. No plan: no core group, no review.
    expect(noPlan.milestones.map((m) => m.key)).toEqual(['la-decision', 'strategy-discussion', 'icpc', 'single-assessment']);
    expect(noPlan.events.find((e) => e.kind === 'icpc')?.childProtectionPlan).toBe(false);
    expect(noPlan.unanswered).toEqual([]);
  });
});
