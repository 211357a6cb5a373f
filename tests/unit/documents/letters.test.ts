import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import { pdfPages } from './pdf-text';

// Issue 11: letters say what happened in words, never the procedure's internal step codes ('Step c')
// that mean nothing to the social worker who reads them (item 17); and agencies whose names hold a
// comma stay one agency each, from the resolve form to the written statement of the outcome (item 8).
// Through the real dispatcher; the PDFs read back with pdfjs.

async function text(base64: string): Promise<string> {
  return (await pdfPages(Buffer.from(base64, 'base64'))).join('\n').replace(/[ \t]+/g, ' ');
}

const entry = (escalationId: string, occurredAt: string, decision: string): ApiInput<'escalations.recordEntry'> => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [
    { name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary and Nursery School' },
    { name: 'Daniel Okafor', role: 'Social worker', agency: 'Liverpool Careline' },
  ],
  summary: 'Talked about the plan.',
  decision,
  rationale: 'The plan is drifting.',
  toldOfOutcome: [],
  originalReferrerTold: false,
});

async function liverpoolAtStepC() {
  const setup = await setUpCore();
  const { core, clock } = setup;
  clock.time = new Date('2026-11-25T12:00:00Z');
  await ok(core, 'procedures.choose', { id: 'liverpool' });
  const child = await ok(core, 'children.create', childInput);
  const escalation = await ok(core, 'escalations.open', {
    childId: child.id,
    category: 'cp-plan-not-progressing',
    immediateRisk: false,
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: 'Liverpool Careline',
    otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
    concern: 'Core group meetings have not happened since the conference.',
    areasOfAgreement: 'The plan is right.',
    areasOfDisagreement: 'Whether it is being carried out.',
    riskRelevance: 'No one is checking the home conditions.',
    outcomeSought: 'A core group this week.',
    openedAt: '2026-11-23T08:30:00.000+00:00',
  });
  await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T09:00:00.000+00:00', 'No core group date.'));
  await ok(core, 'escalations.escalate', {
    escalationId: escalation.id,
    reason: 'The social worker could not give a date',
    escalatedAt: '2026-11-23T10:00:00.000+00:00',
  });
  await ok(core, 'escalations.recordEntry', {
    ...entry(escalation.id, '2026-11-24T09:00:00.000+00:00', 'The manager will look into it.'),
    participants: [
      { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
      { name: 'Amara Singh', role: 'Team manager', agency: 'Liverpool Careline' },
    ],
  });
  await ok(core, 'escalations.escalate', {
    escalationId: escalation.id,
    reason: 'Still no date after a day.',
    escalatedAt: '2026-11-24T15:00:00.000+00:00',
  });
  return { ...setup, escalation };
}

const stepCode = /\b(Step [a-z]|LSCB Stage \d|step-[a-z]|stage-\d)\b/;

describe('letters', () => {
  it('the written concern says what happened in words, in date order, and never a step code', async () => {
    const { core, escalation } = await liverpoolAtStepC();
    const at = await ok(core, 'escalations.get', { id: escalation.id });
    expect(at.current?.label).toBe('Step c');
    const made = await ok(core, 'documents.forEscalation', { escalationId: escalation.id, kind: 'written-concern' });
    const words = await text(made.base64);
    expect(words).not.toMatch(stepCode);
    const flat = words.replace(/\s+/g, ' ');
    for (const expected of [
      'What has happened so far',
      '23/11/2026: we raised our concern with Daniel Okafor, Social worker, Liverpool Careline.',
      '23/11/2026: we spoke by phone with Daniel Okafor (Social worker, Liverpool Careline). No core group date.',
      '23/11/2026: we took the concern further (to: Speak to the social worker’s line manager), because: The social worker could not give a date.',
      '24/11/2026: we spoke by phone with Amara Singh (Team manager, Liverpool Careline). The manager will look into it.',
      '24/11/2026: we took the concern further (to: Put your concerns in writing to the social worker and their manager), because: Still no date after a day.',
      'If we cannot resolve this, we will take it further under the procedure: the next step is “Consider requesting a core meeting is convened at the earliest opportunity to discuss your concerns with other professionals”.',
    ]) {
      expect(flat).toContain(expected);
    }
    // In date order.
    expect(flat.indexOf('we raised our concern')).toBeLessThan(flat.indexOf('No core group date.'));
    expect(flat.indexOf('No core group date.')).toBeLessThan(flat.indexOf('could not give a date'));
    expect(flat.indexOf('could not give a date')).toBeLessThan(flat.indexOf('The manager will look into it.'));
  });

  it('the written statement of the outcome names each agreeing agency once, commas and all, and says what happened without step codes', async () => {
    const { core, escalation } = await liverpoolAtStepC();
    const agencies = [
      'Northway Primary and Nursery School',
      'Liverpool Children’s Services, North Team',
      'Alder Hey Children’s Hospital, Safeguarding Team',
    ];
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-25T10:00:00.000+00:00', 'Agreed: a core group on Friday.'));
    const resolved = await ok(core, 'escalations.resolve', {
      escalationId: escalation.id,
      resolvedAt: '2026-11-25T11:00:00.000+00:00',
      outcomeStatement: 'A core group meets on Friday and monthly after that.',
      consequentActions: 'The social worker books the core group today.',
      agreedBy: agencies,
    });
    // Kept as three names, never joined with commas and split again.
    expect(resolved.resolution?.agreedBy).toEqual(agencies);
    expect((await ok(core, 'escalations.get', { id: escalation.id })).resolution?.agreedBy).toEqual(agencies);

    const made = await ok(core, 'documents.forEscalation', { escalationId: escalation.id, kind: 'written-statement-of-outcome' });
    const words = await text(made.base64);
    expect(words).not.toMatch(stepCode);
    const lines = words.split('\n').map((line) => line.trim());
    const agreed = lines.slice(lines.indexOf('Agreed by') + 1, lines.indexOf('What happened'));
    expect(agreed.map((line) => line.replace(/^•\s*/, ''))).toEqual(agencies);
    const flat = words.replace(/\s+/g, ' ');
    // The stages reached, by the policy's headings (the table wraps them within its column).
    expect(flat).toMatch(/Speak to the social worker to discuss .*your concerns/);
    expect(flat).toContain('What happened');
  });
});
