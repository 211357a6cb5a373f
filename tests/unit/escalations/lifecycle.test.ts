import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { ApiInput } from '../../../shared/api';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// The escalation lifecycle through the real dispatcher, on a real encrypted file:
// open → record → escalate by the procedure's routing → resolve → learning review.

const openedAt = '2026-11-23T08:30:00.000+00:00';

function openInput(childId: string, overrides: Partial<ApiInput<'escalations.open'>> = {}): ApiInput<'escalations.open'> {
  return {
    childId,
    category: 'threshold-disagreement',
    immediateRisk: false,
    otherAgencyKind: 'school',
    otherAgencyName: 'St Mary’s Church of England Primary School',
    otherProfessional: { name: 'Helen Marsh', role: 'Designated Safeguarding Lead', contact: '0121 464 0000' },
    concern: 'Disclosure passed on at transfer was not shared with us.',
    areasOfAgreement: 'Both schools agree the child needs support.',
    areasOfDisagreement: 'Whether the information must be shared now.',
    riskRelevance: 'Without it we cannot assess the risk at home.',
    outcomeSought: 'The safeguarding file to be transferred in full.',
    openedAt,
    ...overrides,
  };
}

const entry = (escalationId: string, occurredAt = '2026-11-23T08:45:00.000+00:00'): ApiInput<'escalations.recordEntry'> => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [
    { name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary' },
    { name: 'Helen Marsh', role: 'Designated Safeguarding Lead', agency: 'St Mary’s' },
  ],
  summary: 'Discussed the transfer of the file.',
  decision: 'No agreement; escalate.',
  rationale: 'The other school will not share before a meeting.',
  toldOfOutcome: [{ name: 'Amy Doyle', role: 'Class teacher (original referrer)', agency: 'Northway Primary' }],
  originalReferrerTold: true,
});

async function withChild(procedureId: string, settingType: 'school' | 'early-years' = 'school') {
  const setup = await setUpCore();
  const { core, clock } = setup;
  clock.time = new Date('2026-11-23T09:00:00Z');
  if (settingType === 'early-years') await core.session.current?.sqlite.exec("UPDATE settings SET setting_type = 'early-years'");
  await ok(core, 'procedures.choose', { id: procedureId });
  const child = await ok(core, 'children.create', childInput);
  return { ...setup, child };
}

async function auditIntact(core: Dispatcher) {
  const db = core.session.current?.db;
  if (!db) throw new Error('locked');
  return verifyAuditChain(db);
}

describe('a Birmingham school v school disagreement', () => {
  it('goes from stage one straight to stage five, and is resolved with a written statement of the outcome', async () => {
    const { core, child, clock } = await withChild('birmingham');
    const opened = await ok(core, 'escalations.open', openInput(child.id));
    expect(opened.ladder.map((rung) => [rung.label, rung.state])).toEqual([
      ['Stage One', 'current'],
      ['Stage Two', 'to-come'],
      ['Stage Three', 'to-come'],
      ['Stage Four', 'to-come'],
      ['Stage Five', 'to-come'],
    ]);
    // Monday 23 November 2026 + one working week = end of Monday 30 November.
    expect(opened.current?.target).toMatchObject({ dueDate: '2026-11-30', state: 'due' });
    expect(opened.current?.whoToContact).toBe('Your line manager/supervisor');
    expect(opened.current?.next).toMatchObject({ label: 'Stage Five', reason: expect.stringContaining('between two schools') });

    expect(
      await call(core, 'escalations.escalate', {
        escalationId: opened.id,
        reason: 'No agreement',
        escalatedAt: '2026-11-23T08:50:00.000+00:00',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Record the conversation and decision at this stage before escalating') },
    });
    await ok(core, 'escalations.recordEntry', entry(opened.id));
    const escalated = await ok(core, 'escalations.escalate', {
      escalationId: opened.id,
      reason: 'No agreement between the schools',
      escalatedAt: '2026-11-23T08:55:00.000+00:00',
    });
    expect(escalated.ladder.map((rung) => rung.state)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'current']);
    expect(escalated.ladder[4]?.routingReason).toContain('progress directly from Stage One to Stage Five');
    expect(escalated.current).toMatchObject({
      label: 'Stage Five',
      next: null,
      whoToContact: 'The Head Teacher/Principal, who refers the case to the Business Manager of the Birmingham Safeguarding Children Board',
    });

    await ok(core, 'escalations.recordEntry', { ...entry(opened.id, '2026-11-23T08:58:00.000+00:00'), decision: 'Agreed at mediation.' });
    expect(
      await call(core, 'escalations.escalate', { escalationId: opened.id, reason: 'x', escalatedAt: '2026-11-23T08:59:00.000+00:00' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('last stage') } });
    const resolved = await ok(core, 'escalations.resolve', {
      escalationId: opened.id,
      resolvedAt: '2026-11-23T08:59:30.000+00:00',
      outcomeStatement: 'St Mary’s will transfer the full safeguarding file by 27/11/2026.',
      consequentActions: 'Northway DSL to review the file on receipt.',
      agreedBy: ['Northway Primary and Nursery School', 'St Mary’s Church of England Primary School'],
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      current: null,
      resolution: {
        agreedBy: ['Northway Primary and Nursery School', 'St Mary’s Church of England Primary School'],
        recordedBy: 'Priya Raman',
      },
    });
    expect(await call(core, 'escalations.recordEntry', entry(opened.id))).toMatchObject({ ok: false, error: { code: 'conflict' } });

    clock.advance(3600);
    const reviewed = await ok(core, 'escalations.learningReview', {
      escalationId: opened.id,
      wentWell: 'Quick mediation.',
      wentBadly: 'A week lost at stage one.',
      issuesForPartnership: 'School-to-school file transfer guidance.',
    });
    expect(reviewed.learningReview).toMatchObject({ wentBadly: 'A week lost at stage one.', reportedToPartnershipAt: null });
    expect(await auditIntact(core)).toMatchObject({ intact: true });
  });

  it('goes to stage two when the other agency is children’s social care', async () => {
    const { core, child } = await withChild('birmingham');
    const opened = await ok(
      core,
      'escalations.open',
      openInput(child.id, { otherAgencyKind: 'childrens-social-care', otherAgencyName: 'Birmingham Children’s Trust' }),
    );
    expect(opened.current?.next).toEqual({ label: 'Stage Two', title: 'Escalation to safeguarding lead or senior manager', reason: null });
    await ok(core, 'escalations.recordEntry', entry(opened.id));
    const escalated = await ok(core, 'escalations.escalate', {
      escalationId: opened.id,
      reason: 'Unresolved',
      escalatedAt: '2026-11-23T08:55:00.000+00:00',
    });
    expect(escalated.current).toMatchObject({
      label: 'Stage Two',
      whoToContact: 'The Head of Service (Birmingham Children’s Trust)',
      whoActsForUs: 'The Head Teacher/Principal',
    });
  });
});

describe('a Liverpool situation 6 case', () => {
  it('walks the ladder step by step with the checklist, and records who was told', async () => {
    const { core, child } = await withChild('liverpool');
    const opened = await ok(
      core,
      'escalations.open',
      openInput(child.id, {
        category: 'cp-plan-not-progressing',
        otherAgencyKind: 'childrens-social-care',
        otherAgencyName: 'Liverpool Careline',
      }),
    );
    expect(opened.track.id).toBe('situation-6');
    expect(opened.current).toMatchObject({ label: 'Step a', target: null, whoToContact: 'The allocated social worker' });
    const ticked = await ok(core, 'escalations.setStepDone', {
      escalationId: opened.id,
      stageId: 'step-a',
      stepId: 'step-a-1',
      done: true,
    });
    expect(ticked.current?.steps).toEqual([{ id: 'step-a-1', text: 'Speak to the social worker to discuss your concerns.', done: true }]);
    let minute = 40;
    for (const label of ['Step b', 'Step c']) {
      await ok(core, 'escalations.recordEntry', entry(opened.id, `2026-11-23T08:${minute}:00.000+00:00`));
      const next = await ok(core, 'escalations.escalate', {
        escalationId: opened.id,
        reason: 'No agreement',
        escalatedAt: `2026-11-23T08:${minute + 1}:00.000+00:00`,
      });
      expect(next.current?.label).toBe(label);
      minute += 2;
    }
    const atC = await ok(core, 'escalations.get', { id: opened.id });
    expect(atC.current?.forms).toEqual([
      {
        form: 'written-concern',
        title: 'Written concern',
        instruction: 'Complete the Written concern',
      },
    ]);
    expect(atC.entries.map((e) => e.stageLabel)).toEqual(['Step a', 'Step b']);
    expect(atC.entries[0]?.toldOfOutcome).toEqual([
      { name: 'Amy Doyle', role: 'Class teacher (original referrer)', agency: 'Northway Primary' },
    ]);
  });
});

describe('recording rules', () => {
  it('stops for immediate risk until the referral is recorded', async () => {
    const { core, child } = await withChild('bromley');
    const result = await call(core, 'escalations.open', openInput(child.id, { immediateRisk: true }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [
          { path: ['immediateReferral'], message: expect.stringContaining('must be referred to children’s social care or the police now') },
        ],
      },
    });
    const opened = await ok(
      core,
      'escalations.open',
      openInput(child.id, {
        immediateRisk: true,
        immediateReferral: { madeAt: '2026-11-23T08:00:00.000+00:00', madeTo: 'Bromley MASH and police (999)' },
      }),
    );
    expect(opened.immediateReferral).toEqual({ madeAt: '2026-11-23T08:00:00.000+00:00', madeTo: 'Bromley MASH and police (999)' });
  });

  it('needs a procedure to be chosen first', async () => {
    const { core } = await setUpCore();
    const child = await ok(core, 'children.create', childInput);
    expect(await call(core, 'escalations.open', openInput(child.id))).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('Choose your safeguarding partnership’s escalation procedure in Settings'),
      },
    });
  });

  it('refuses entries in the future, before the stage began, or with initials, and changes nothing', async () => {
    const { core, child } = await withChild('bromley');
    const opened = await ok(core, 'escalations.open', openInput(child.id));
    const bad = [
      { ...entry(opened.id), occurredAt: '2026-11-24T08:00:00.000+00:00' },
      { ...entry(opened.id), occurredAt: '2026-11-23T08:00:00.000+00:00' },
      { ...entry(opened.id), participants: [{ name: 'H. M.', role: 'DSL' }] },
      { ...entry(opened.id), rationale: '   ' },
    ];
    for (const input of bad)
      expect(await call(core, 'escalations.recordEntry', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await ok(core, 'escalations.get', { id: opened.id })).entries).toEqual([]);
  });

  it('amends a record, keeping the old wording, who, when and why', async () => {
    const { core, child, clock } = await withChild('bromley');
    const opened = await ok(core, 'escalations.open', openInput(child.id));
    const recorded = await ok(core, 'escalations.recordEntry', entry(opened.id));
    const entryId = recorded.entries[0]?.id ?? '';
    clock.advance(600);
    const amended = await ok(core, 'escalations.amendEntry', {
      entryId,
      changes: { decision: 'No agreement; escalate to stage 2.' },
      reason: 'Stage number left out',
    });
    expect(amended.entries[0]).toMatchObject({
      decision: 'No agreement; escalate to stage 2.',
      amendments: [
        {
          field: 'decision',
          oldValue: 'No agreement; escalate.',
          newValue: 'No agreement; escalate to stage 2.',
          reason: 'Stage number left out',
          amendedBy: 'Priya Raman',
        },
      ],
    });
    const db = core.session.current?.db;
    if (!db) throw new Error('locked');
    await expect(sql`UPDATE amendments SET old_value = 'x'`.execute(db)).rejects.toThrow(/permanent/);
  });

  it('lets a read-only user see but not record', async () => {
    const { core, child } = await withChild('bromley');
    const opened = await ok(core, 'escalations.open', openInput(child.id));
    const open = core.session.current;
    if (!open) throw new Error('locked');
    open.user = { ...open.user, role: 'read-only' };
    expect(await call(core, 'escalations.recordEntry', entry(opened.id))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'procedures.choose', { id: 'cscp' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(core, 'escalations.get', { id: opened.id })).toMatchObject({ ok: true });
  });

  it('tracks agreed actions, overdue when past their date, and done', async () => {
    const { core, child, clock } = await withChild('bromley');
    const opened = await ok(core, 'escalations.open', openInput(child.id));
    const withAction = await ok(core, 'escalations.addAction', {
      escalationId: opened.id,
      description: 'Send the written concern',
      ownerName: 'Priya Raman',
      ownerRole: 'DSL',
      dueDate: '2026-11-24',
    });
    expect(withAction.actions[0]?.deadline).toMatchObject({ dueDate: '2026-11-24', state: 'due' });
    clock.time = new Date('2026-11-25T09:00:00Z');
    const later = await ok(core, 'escalations.get', { id: opened.id });
    expect(later.actions[0]?.deadline.state).toBe('overdue');
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.map((item) => item.title)).toContain('Action: Send the written concern');
    const done = await ok(core, 'escalations.completeAction', {
      actionId: later.actions[0]?.id ?? '',
      doneAt: '2026-11-25T08:30:00.000+00:00',
    });
    expect(done.actions[0]?.deadline.state).toBe('met-late');
  });

  it('keeps the procedure version an escalation was opened under', async () => {
    const { core, child } = await withChild('bromley');
    const copy = await ok(core, 'procedures.copy', { fromId: 'bromley', name: 'Our Bromley procedure' });
    await ok(core, 'procedures.choose', { id: copy.id });
    const first = await ok(core, 'escalations.open', openInput(child.id));
    const edited = structuredClone(copy);
    const stage = edited.tracks[0]?.stages[0];
    if (!stage) throw new Error('no stage');
    stage.title = 'Talk to the other professional';
    const saved = await ok(core, 'procedures.save', { procedure: edited });
    expect(saved.version).toBe(2);
    const second = await ok(core, 'escalations.open', openInput(child.id));
    expect((await ok(core, 'escalations.get', { id: first.id })).ladder[0]?.title).toBe('Front-line Professional to Professional');
    expect(second.ladder[0]?.title).toBe('Talk to the other professional');
    expect(await call(core, 'procedures.save', { procedure: edited })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('changed since you opened it') },
    });
    expect(await call(core, 'procedures.save', { procedure: { ...edited, id: 'bromley', version: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
