import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// Issue 11, item 15: the dashboard lists every open escalation beside the deadlines, with its stage
// and its next target (the stage's target or an agreed action's date, whichever is sooner).
// Through the real dispatcher. November: London's clock reads as UTC.

const open = (childId: string, category: string, otherAgencyName: string): ApiInput<'escalations.open'> => ({
  childId,
  category,
  immediateRisk: false,
  otherAgencyKind: 'childrens-social-care',
  otherAgencyName,
  otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
  concern: 'c',
  areasOfAgreement: 'a',
  areasOfDisagreement: 'd',
  riskRelevance: 'r',
  outcomeSought: 'o',
  openedAt: '2026-11-23T08:30:00.000+00:00',
});

describe('open escalations on the dashboard', () => {
  it('shows each with its stage and next target, soonest first, and leaves closed ones out', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T12:00:00Z'); // Monday
    const zeph = await ok(core, 'children.create', childInput);
    const amara = await ok(core, 'children.create', { ...childInput, firstName: 'Amara', lastName: 'Bello' });
    const ieuan = await ok(core, 'children.create', { ...childInput, firstName: 'Ieuan', lastName: 'Williams' });

    // Bromley: Stage 1's target is one working week (end of Monday 30/11); an action due Wednesday comes first.
    await ok(core, 'procedures.choose', { id: 'bromley' });
    const bromley = await ok(core, 'escalations.open', open(zeph.id, 'action-or-inaction', 'Bromley Children’s Social Care'));
    await ok(core, 'escalations.addAction', {
      escalationId: bromley.id,
      description: 'Home visit',
      ownerName: 'Daniel Okafor',
      ownerRole: 'Social worker',
      dueDate: '2026-11-25',
    });
    const stageOnly = await ok(core, 'escalations.open', open(amara.id, 'risk-disagreement', 'Health visiting'));
    // Liverpool: no stage has a target.
    await ok(core, 'procedures.choose', { id: 'liverpool' });
    const liverpool = await ok(core, 'escalations.open', open(ieuan.id, 'cp-plan-not-progressing', 'Liverpool Careline'));
    // Closed: not listed.
    const closed = await ok(core, 'escalations.open', open(ieuan.id, 'other', 'Another team'));
    await ok(core, 'escalations.closeUnresolved', {
      escalationId: closed.id,
      closedAt: '2026-11-23T11:00:00.000+00:00',
      reason: 'Opened in error',
    });

    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.counts.openEscalations).toBe(3);
    expect(
      dashboard.openEscalations.map((item) => [
        item.childName,
        item.stageLabel,
        item.stageTitle,
        item.nextTarget?.what ?? null,
        item.nextTarget?.dueDate ?? null,
      ]),
    ).toEqual([
      ['Zephyrine Quillfeather', 'Stage 1', 'Front-line Professional to Professional', 'Action: Home visit', '2026-11-25'],
      ['Amara Bello', 'Stage 1', 'Front-line Professional to Professional', 'Stage 1 target', '2026-11-30'],
      ['Ieuan Williams', 'Step a', 'Speak to the social worker to discuss your concerns', null, null],
    ]);
    expect(dashboard.openEscalations[0]).toMatchObject({
      id: bromley.id,
      otherAgencyName: 'Bromley Children’s Social Care',
      nextTarget: { state: 'due', explanation: ['Agreed to be done by the end of Wed 25 Nov 2026'] },
    });
    expect(dashboard.openEscalations.map((item) => item.id)).not.toContain(closed.id);
    expect(dashboard.openEscalations.map((item) => item.id)).toEqual([bromley.id, stageOnly.id, liverpool.id]);

    // Overdue once past its date; done, the stage's target is next.
    clock.time = new Date('2026-11-26T09:00:00Z');
    expect((await ok(core, 'dashboard.get', {})).openEscalations[0]?.nextTarget).toMatchObject({
      what: 'Action: Home visit',
      state: 'overdue',
    });
    const actionId = (await ok(core, 'escalations.get', { id: bromley.id })).actions[0]?.id ?? '';
    await ok(core, 'escalations.completeAction', { actionId, doneAt: '2026-11-25T15:00:00.000+00:00' });
    expect((await ok(core, 'dashboard.get', {})).openEscalations.find((item) => item.id === bromley.id)?.nextTarget).toMatchObject({
      what: 'Stage 1 target',
      dueDate: '2026-11-30',
    });
  });
});
