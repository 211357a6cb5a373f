import { describe, expect, it } from 'vitest';
import { DeadlineInputError, dueBy, dueByTimescale, timescaleRule, timescales } from '../../../shared/deadlines';
import type { Calendar, TimescaleId } from '../../../shared/deadlines';
import { callUnchecked } from './call-unchecked';

const england: Calendar = { region: 'england-and-wales' };

const ids: TimescaleId[] = [
  'strategy-discussion-immediate-risk',
  'strategy-discussion-penetrative-sexual-abuse',
  'strategy-discussion-complex',
  'strategy-discussion-standard',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'la-decision',
  'written-follow-up',
  'escalation-stage',
  'bw-escalation-step-2',
  'bw-escalation-step-3',
  'first-review-conference',
  'later-review-conference',
  'first-core-group',
];

describe('the timescales catalogue', () => {
  it('has exactly the agreed ids, each filed under its own id', () => {
    expect(Object.keys(timescales).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(timescales[id].id).toBe(id);
  });

  it.each(ids)('%s has a label, a source with a quote, and what starts the clock', (id) => {
    const t = timescales[id];
    expect(t.label.length).toBeGreaterThan(5);
    expect(t.source.document.length).toBeGreaterThan(10);
    expect(t.source.quote.length).toBeGreaterThan(20);
    expect(t.runsFrom.length).toBeGreaterThan(5);
    expect(t.eventLabel.length).toBeGreaterThan(5);
  });

  it('quotes the seeds word for word where the numbers come from', () => {
    expect(timescales['strategy-minutes'].source.quote).toContain('within 24 hours');
    expect(timescales['single-assessment'].source.quote).toContain('within 45 working days of the referral');
    expect(timescales['strategy-discussion-complex'].source.quote).toContain('Within five working days of receipt of the referral');
    expect(timescales['bw-escalation-step-2'].source.quote).toContain('after 48 hours');
  });

  it('holds the rules the policies give', () => {
    const rules = Object.fromEntries(ids.map((id) => [id, timescales[id].rule]));
    expect(rules).toEqual({
      'strategy-discussion-immediate-risk': { kind: 'same-day' },
      'strategy-discussion-penetrative-sexual-abuse': { kind: 'same-day' },
      'strategy-discussion-complex': { kind: 'working-days', days: 5 },
      'strategy-discussion-standard': { kind: 'working-days', days: 1 },
      'strategy-minutes': { kind: 'hours', hours: 24 },
      icpc: { kind: 'working-days', days: 15 },
      'single-assessment': { kind: 'working-days', days: 45 },
      'la-decision': { kind: 'working-days', days: 1 },
      'written-follow-up': { kind: 'hours', hours: 24 },
      'escalation-stage': { kind: 'working-weeks', weeks: 1 },
      'bw-escalation-step-2': { kind: 'hours', hours: 48 },
      'bw-escalation-step-3': { kind: 'hours', hours: 48 },
      'first-review-conference': { kind: 'months', months: 3 },
      'later-review-conference': { kind: 'months', months: 6 },
      'first-core-group': { kind: 'working-days', days: 10 },
    });
  });

  it('runs the ICPC clock from the strategy discussion that started the s47 enquiry', () => {
    expect(timescales.icpc.runsFrom).toMatch(/strategy discussion at which the section 47/);
    expect(timescales.icpc.runsFrom).toMatch(/not any later strategy discussion/);
    expect(timescales.icpc.source.document).toContain('Working Together to Safeguard Children 2023');
  });

  it('marks the written follow-up and the strategy discussion timings as varying by partnership', () => {
    const varying = ids.filter((id) => timescales[id].variesByPartnership).sort();
    expect(varying).toEqual([
      'strategy-discussion-complex',
      'strategy-discussion-immediate-risk',
      'strategy-discussion-penetrative-sexual-abuse',
      'strategy-discussion-standard',
      'strategy-minutes',
      'written-follow-up',
    ]);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(timescales)).toBe(true);
    expect(Object.isFrozen(timescales.icpc)).toBe(true);
    expect(Object.isFrozen(timescales.icpc.rule)).toBe(true);
  });
});

describe('timescaleRule and dueByTimescale', () => {
  it('uses an override for the written follow-up (48 hours in many areas)', () => {
    const overrides = { 'written-follow-up': { kind: 'hours', hours: 48 } } as const;
    expect(timescaleRule('written-follow-up')).toEqual({ kind: 'hours', hours: 24 });
    expect(timescaleRule('written-follow-up', overrides)).toEqual({ kind: 'hours', hours: 48 });
    expect(timescaleRule('icpc', overrides)).toEqual({ kind: 'working-days', days: 15 });

    const phoned = '2026-06-10T16:20:00+01:00';
    expect(dueByTimescale('written-follow-up', phoned, england).dueAt).toBe('2026-06-11T16:20:00.000+01:00');
    const result = dueByTimescale('written-follow-up', phoned, england, overrides);
    expect(result.dueAt).toBe('2026-06-12T16:20:00.000+01:00');
    expect(result.explanation).toEqual(['Phone referral made Wed 10 Jun 2026 16:20', '48 hours → due by Fri 12 Jun 2026 16:20']);
  });

  it("starts the explanation with the timescale's event label", () => {
    const result = dueByTimescale('strategy-discussion-standard', '2026-12-24T12:00:00+00:00', england);
    expect(result).toEqual(
      dueBy('2026-12-24T12:00:00+00:00', { kind: 'working-days', days: 1 }, england, {
        eventLabel: 'Child protection concerns identified',
      }),
    );
    expect(result.explanation[0]).toBe('Child protection concerns identified Thu 24 Dec 2026 12:00');
    expect(result.dueDate).toBe('2026-12-29');
  });

  it('computes the national timescales', () => {
    const icpcHeld = '2026-01-15T10:00:00+00:00';
    expect(dueByTimescale('first-review-conference', icpcHeld, england).dueDate).toBe('2026-04-15');
    expect(dueByTimescale('later-review-conference', icpcHeld, england).dueDate).toBe('2026-07-15');
    expect(dueByTimescale('first-core-group', icpcHeld, england).dueDate).toBe('2026-01-29');
    expect(dueByTimescale('icpc', '2026-03-25T10:00:00+00:00', england).dueDate).toBe('2026-04-17');
    expect(dueByTimescale('escalation-stage', '2026-12-21T09:00:00+00:00', england).dueDate).toBe('2026-12-30');
  });

  it('rejects an unknown id and a bad override', () => {
    expect(() => callUnchecked(timescaleRule, 'strategy-lunch')).toThrow(expect.objectContaining({ field: 'id' }));
    const bad = () =>
      callUnchecked(dueByTimescale, 'written-follow-up', '2026-06-10T16:20:00+01:00', england, {
        'written-follow-up': { kind: 'hours', hours: -48 },
      });
    expect(bad).toThrow(DeadlineInputError);
    expect(bad).toThrow(expect.objectContaining({ field: 'rule.hours' }));
  });
});
