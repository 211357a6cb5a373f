import { describe, expect, it } from 'vitest';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import { pdfText } from '../documents/pdf-text';

// Issue 11, item 17: the chronology shows the reason for escalating at the moment it was escalated —
// beside the stage it led to, at that time — not against the stage it left, at the time that stage
// began. Through the real dispatcher, on the timeline and in the chronology PDF.

describe('the reason for escalating, on the timeline and in the chronology', () => {
  it('is shown when the disagreement was escalated, beside the stage it was escalated to', async () => {
    const { core, clock } = await setUpCore();
    clock.time = new Date('2026-11-23T12:00:00Z');
    await ok(core, 'procedures.choose', { id: 'bromley' });
    const child = await ok(core, 'children.create', childInput);
    const escalation = await ok(core, 'escalations.open', {
      childId: child.id,
      category: 'action-or-inaction',
      immediateRisk: false,
      otherAgencyKind: 'childrens-social-care',
      otherAgencyName: 'Bromley Children’s Social Care',
      otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
      concern: 'Visits have lapsed.',
      areasOfAgreement: 'The plan is right.',
      areasOfDisagreement: 'Whether visits happen.',
      riskRelevance: 'No one has seen the child at home.',
      outcomeSought: 'A home visit this week.',
      openedAt: '2026-11-23T08:30:00.000+00:00',
    });
    await ok(core, 'escalations.recordEntry', {
      escalationId: escalation.id,
      occurredAt: '2026-11-23T09:00:00.000+00:00',
      method: 'phone',
      participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead' }],
      summary: 'Asked when the next visit is.',
      decision: 'No visit booked.',
      rationale: 'The social worker is on leave.',
      toldOfOutcome: [],
      originalReferrerTold: false,
    });
    const reason = 'No visit is booked for a fortnight and the child has not been seen.';
    await ok(core, 'escalations.escalate', { escalationId: escalation.id, reason, escalatedAt: '2026-11-23T11:15:00.000+00:00' });

    const timeline = await ok(core, 'children.timeline', { childId: child.id });
    const stages = timeline.filter((item) => item.kind === 'stage');
    expect(stages.map((item) => [item.at, item.title, item.detail])).toEqual([
      ['2026-11-23T08:30:00.000+00:00', 'Stage 1 reached: Front-line Professional to Professional', null],
      [
        '2026-11-23T11:15:00.000+00:00',
        'Stage 2 reached: Manager to Manager / DSL to DSL',
        `Escalated from Stage 1. Reason for escalating: ${reason}`,
      ],
    ]);
    // In time order: the reason comes after the conversation that led to it.
    const order = timeline.map((item) => item.detail ?? item.title);
    expect(order.indexOf('Asked when the next visit is.')).toBeLessThan(order.findIndex((text) => text.includes(reason)));

    const chronology = await ok(core, 'documents.childChronology', { childId: child.id });
    const words = (await pdfText(Buffer.from(chronology.base64, 'base64'))).replace(/\s+/g, ' ');
    expect(words.indexOf('No visit booked.')).toBeLessThan(words.indexOf('Reason for escalating'));
    // On the row of the stage it led to, dated when it was escalated.
    // (pdfjs reads a row's columns line by line: the time under the date comes on the row's second line.)
    expect(words).toMatch(
      /23\/11\/2026 Stages Stage 2 reached: Manager to Manager \/ DSL to .{0,40}11:15 .*Reason for escalating: No visit is/,
    );
    const stageOneRow = words.slice(words.indexOf('Stage 1 reached'), words.indexOf('Phone call'));
    expect(stageOneRow).not.toContain('Reason');
  });
});
