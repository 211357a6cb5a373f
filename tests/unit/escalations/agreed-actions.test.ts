import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// Issue 11, item 7: actions recorded after the event. An action has the date it was agreed; marking
// it done with its real, earlier date is allowed (with the reason when that is before the action was
// recorded) and is met when it was on time; an action no longer wanted is withdrawn, kept with why,
// and no longer due anywhere (the escalation, the dashboard, the timeline, the termly audit).
// Through the real dispatcher. Times are GMT (November), so London's clock reads as UTC.

async function escalationWithAction() {
  const setup = await setUpCore();
  const { core, clock } = setup;
  clock.time = new Date('2026-11-02T09:00:00Z'); // Monday
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const child = await ok(core, 'children.create', childInput);
  const escalation = await ok(core, 'escalations.open', {
    childId: child.id,
    category: 'action-or-inaction',
    immediateRisk: false,
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: 'Bromley Children’s Social Care, Team 3',
    otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
    concern: 'Visits have lapsed.',
    areasOfAgreement: 'The plan is right.',
    areasOfDisagreement: 'Whether visits are happening.',
    riskRelevance: 'No one has seen the child at home.',
    outcomeSought: 'A home visit this week.',
    openedAt: '2026-11-02T08:30:00.000+00:00',
  });
  return { ...setup, escalation };
}

const action = (escalationId: string, overrides: Partial<ApiInput<'escalations.addAction'>> = {}): ApiInput<'escalations.addAction'> => ({
  escalationId,
  description: 'Home visit to see the child',
  ownerName: 'Daniel Okafor',
  ownerRole: 'Social worker',
  dueDate: '2026-11-04',
  ...overrides,
});

describe('an agreed action', () => {
  it('is recorded after the meeting that agreed it, with the date it was agreed', async () => {
    const { core, clock, escalation } = await escalationWithAction();
    clock.time = new Date('2026-11-05T16:00:00Z'); // Thursday: entered three days after the meeting
    const withAction = await ok(core, 'escalations.addAction', action(escalation.id, { agreedOn: '2026-11-02' }));
    expect(withAction.actions[0]).toMatchObject({
      agreedOn: '2026-11-02',
      dueDate: '2026-11-04',
      recordedAt: '2026-11-05T16:00:00.000+00:00',
    });
    // Left out, it was agreed today.
    const another = await ok(core, 'escalations.addAction', action(escalation.id, { description: 'Core group', dueDate: '2026-11-06' }));
    expect(another.actions.find((a) => a.description === 'Core group')?.agreedOn).toBe('2026-11-05');
    // Not in the future, not before the escalation, never due before it was agreed.
    expect(
      await call(core, 'escalations.addAction', action(escalation.id, { agreedOn: '2026-11-06', dueDate: '2026-11-09' })),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['agreedOn'], message: 'The date it was agreed cannot be in the future.' }] },
    });
    expect(
      await call(core, 'escalations.addAction', action(escalation.id, { agreedOn: '2026-11-01', dueDate: '2026-11-09' })),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['agreedOn'], message: 'This is before the escalation was opened (02/11/2026).' }] },
    });
    expect(
      await call(core, 'escalations.addAction', action(escalation.id, { agreedOn: '2026-11-03', dueDate: '2026-11-02' })),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['dueDate'], message: 'The date it is due cannot be before the date it was agreed.' }] },
    });
  });

  it('is marked done with its real, earlier date: met when on time, with the reason it is recorded after the event', async () => {
    const { core, clock, escalation } = await escalationWithAction();
    clock.time = new Date('2026-11-05T16:00:00Z');
    const withAction = await ok(core, 'escalations.addAction', action(escalation.id, { agreedOn: '2026-11-02' }));
    const id = withAction.actions[0]?.id ?? '';
    // The visit was made on Tuesday, before the action was recorded on Thursday: the reason is asked for.
    const doneAt = '2026-11-03T15:30:00.000+00:00';
    expect(await call(core, 'escalations.completeAction', { actionId: id, doneAt })).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            path: ['backdatedReason'],
            message: 'This is before the action was recorded (05/11/2026 16:00): say why it is recorded after it was done.',
          },
        ],
      },
    });
    // Before the day it was agreed: refused.
    expect(
      await call(core, 'escalations.completeAction', { actionId: id, doneAt: '2026-11-01T15:00:00.000+00:00', backdatedReason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['doneAt'], message: 'An action cannot be done before it was agreed (02/11/2026).' }] },
    });
    const done = await ok(core, 'escalations.completeAction', {
      actionId: id,
      doneAt,
      note: 'Child seen alone.',
      backdatedReason: 'The meeting notes arrived on Thursday.',
    });
    // Done on Tuesday, due by the end of Wednesday: met, not met late.
    expect(done.actions[0]).toMatchObject({
      doneAt,
      doneBackdatedReason: 'The meeting notes arrived on Thursday.',
      deadline: { state: 'met', dueDate: '2026-11-04' },
    });
    const timeline = await ok(core, 'children.timeline', { childId: escalation.childId });
    expect(timeline.find((item) => item.id === `action/${id}`)).toMatchObject({
      at: doneAt,
      state: 'met',
      detail: 'Daniel Okafor (Social worker), agreed 02/11/2026. Recorded as done after the event: The meeting notes arrived on Thursday.',
    });
  });

  it('needs no reason when done after it was recorded, and is met late when after its date', async () => {
    const { core, clock, escalation } = await escalationWithAction();
    const withAction = await ok(core, 'escalations.addAction', action(escalation.id));
    clock.time = new Date('2026-11-06T10:00:00Z');
    const done = await ok(core, 'escalations.completeAction', {
      actionId: withAction.actions[0]?.id ?? '',
      doneAt: '2026-11-05T12:00:00.000+00:00',
    });
    expect(done.actions[0]).toMatchObject({ doneBackdatedReason: null, deadline: { state: 'met-late' } });
  });

  it('is withdrawn: kept on the record with why and by whom, and no longer due anywhere', async () => {
    const { core, clock, escalation } = await escalationWithAction();
    const withAction = await ok(core, 'escalations.addAction', action(escalation.id));
    const id = withAction.actions[0]?.id ?? '';
    clock.time = new Date('2026-11-06T10:00:00Z'); // after its date: overdue until withdrawn
    expect((await ok(core, 'escalations.get', { id: escalation.id })).actions[0]?.deadline.state).toBe('overdue');
    expect((await ok(core, 'dashboard.get', {})).overdue.map((item) => item.id)).toContain(id);
    const period = { kind: 'term', schoolYear: 2026, term: 'autumn' } as const;
    expect(JSON.stringify(await ok(core, 'termlyAudit.run', { period }))).toContain('Home visit to see the child');

    expect(await call(core, 'escalations.withdrawAction', { actionId: id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const withdrawn = await ok(core, 'escalations.withdrawAction', {
      actionId: id,
      reason: 'The family moved to another authority; the visit is for their new social worker.',
    });
    expect(withdrawn.actions[0]).toMatchObject({
      description: 'Home visit to see the child',
      doneAt: null,
      deadline: { state: 'not-required' },
      withdrawn: {
        at: '2026-11-06T10:00:00.000+00:00',
        reason: 'The family moved to another authority; the visit is for their new social worker.',
        by: 'Priya Raman',
      },
    });
    expect((await ok(core, 'dashboard.get', {})).overdue.map((item) => item.id)).not.toContain(id);
    const timeline = await ok(core, 'children.timeline', { childId: escalation.childId });
    expect(timeline.find((item) => item.id === `action/${id}`)).toMatchObject({
      title: 'Action withdrawn: Home visit to see the child',
      state: 'not-required',
      at: '2026-11-06T10:00:00.000+00:00',
    });
    // Not counted as met or missed, and no "past its date" gap, in the termly audit.
    expect(JSON.stringify(await ok(core, 'termlyAudit.run', { period }))).not.toContain('Home visit to see the child');

    expect(await call(core, 'escalations.withdrawAction', { actionId: id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This action is already withdrawn.' },
    });
    expect(await call(core, 'escalations.completeAction', { actionId: id, doneAt: '2026-11-06T09:00:00.000+00:00' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('cannot be withdrawn once done', async () => {
    const { core, escalation } = await escalationWithAction();
    const withAction = await ok(core, 'escalations.addAction', action(escalation.id));
    const id = withAction.actions[0]?.id ?? '';
    await ok(core, 'escalations.completeAction', { actionId: id, doneAt: '2026-11-02T09:00:00.000+00:00' });
    expect(await call(core, 'escalations.withdrawAction', { actionId: id, reason: 'Not needed' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This action is recorded as done, so it cannot be withdrawn.' },
    });
  });
});
