import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// Stage targets where each policy puts them and no further, counted in the working days both
// agencies share (a school's closure day never moves them), through the dispatcher. Every date is
// worked out by hand in the comment beside it.

// Mon 23 Nov 2026 09:00 (GMT).
const openedAt = '2026-11-23T09:00:00.000+00:00';

function openInput(childId: string, category = 'threshold-disagreement'): ApiInput<'escalations.open'> {
  return {
    childId,
    category,
    immediateRisk: false,
    otherAgencyKind: 'health',
    otherAgencyName: 'Community Health Visiting Team',
    otherProfessional: { name: 'Hannah Brook', role: 'Health visitor' },
    concern: 'Health will not share the growth records.',
    areasOfAgreement: 'The child is underweight.',
    areasOfDisagreement: 'Whether the records can be shared without consent.',
    riskRelevance: 'Neglect cannot be assessed without them.',
    outcomeSought: 'The records shared this week.',
    openedAt,
  };
}

const entry = (escalationId: string, occurredAt: string): ApiInput<'escalations.recordEntry'> => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [
    { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
    { name: 'Hannah Brook', role: 'Health visitor' },
  ],
  summary: 'Discussed sharing the records.',
  decision: 'No agreement.',
  rationale: 'Consent has not been asked for.',
  toldOfOutcome: [],
  originalReferrerTold: false,
});

async function opened(procedureId: string, category?: string) {
  const { core, clock } = await setUpCore();
  clock.time = new Date('2026-11-23T09:30:00Z');
  // The school's INSET day: a working day for the other agency, so no shared target moves for it.
  await ok(core, 'settings.addClosure', { date: '2026-11-24', reason: 'INSET day' });
  await ok(core, 'procedures.choose', { id: procedureId });
  const child = await ok(core, 'children.create', childInput);
  const escalation = await ok(core, 'escalations.open', openInput(child.id, category));
  return { core, clock, escalation };
}

describe('stage targets', () => {
  it('Birmingham: one working week for the whole disagreement, the same date at every stage, from when it was first raised', async () => {
    const { core, clock, escalation } = await opened('birmingham');
    // Five working days from Mon 23 Nov 2026: Tue 24 (the school's INSET day counts: the week is both
    // agencies'), Wed 25, Thu 26, Fri 27, Mon 30 Nov.
    expect(escalation.current?.target).toMatchObject({ dueDate: '2026-11-30', state: 'due' });
    expect(escalation.current?.target?.explanation).toEqual([
      'Disagreement first raised Mon 23 Nov 2026 09:00',
      'Counted in the working days both agencies share: weekends and bank holidays in England and Wales are skipped; your setting’s closure days are not',
      'Sat 28, Sun 29 Nov: weekend',
      '1 working week (5 working days) → due by end of Mon 30 Nov 2026',
    ]);
    clock.time = new Date('2026-11-25T10:30:00Z');
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-25T10:00:00.000+00:00'));
    const atTwo = await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason: 'No agreement between the line managers.',
      escalatedAt: '2026-11-25T10:15:00.000+00:00',
    });
    // Stage Two, reached on Wed 25 Nov, is still due by the end of Mon 30 Nov: the week is the disagreement's.
    expect(atTwo.current).toMatchObject({ label: 'Stage Two', target: { dueDate: '2026-11-30' } });
    expect(atTwo.current?.target?.explanation[0]).toBe('Disagreement first raised Mon 23 Nov 2026 09:00');
    expect(atTwo.ladder[0]?.target?.state).toBe('met');
  });

  it('Bromley: one working week at Stage 1 only, counted from when the stage starts', async () => {
    const { core, clock, escalation } = await opened('bromley');
    // Five working days from Mon 23 Nov 2026, the INSET day counted: end of Mon 30 Nov.
    expect(escalation.current?.target).toMatchObject({ dueDate: '2026-11-30' });
    expect(escalation.current?.target?.explanation[0]).toBe('Stage started Mon 23 Nov 2026 09:00');
    clock.time = new Date('2026-11-25T10:30:00Z');
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-25T10:00:00.000+00:00'));
    const atTwo = await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason: 'Not resolved between the professionals.',
      escalatedAt: '2026-11-25T10:15:00.000+00:00',
    });
    expect(atTwo.current).toMatchObject({ label: 'Stage 2', target: null });
  });

  it('CSCP and Liverpool: no target at any stage, as their policies set none', async () => {
    for (const procedureId of ['cscp', 'liverpool']) {
      const { escalation } = await opened(procedureId);
      expect(
        escalation.ladder.every((rung) => rung.target === null),
        procedureId,
      ).toBe(true);
    }
  });

  it('Berkshire West: another kind of disagreement follows the stage that says its general procedure is not here; no 48 hours', async () => {
    const { escalation } = await opened('berkshire-west', 'information-sharing');
    expect(escalation.track.id).toBe('professional-disagreement');
    expect(escalation.current).toMatchObject({ label: 'Stage 1', target: null });
    expect(escalation.current?.whoToContact).toBe(
      'As the BWSCP escalation procedure for professional disagreements says (it is not included here)',
    );
    expect(escalation.current?.contacts).toEqual([]);
  });
});
