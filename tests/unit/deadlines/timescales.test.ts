import { describe, expect, it } from 'vitest';
import {
  DeadlineInputError,
  dueBy,
  dueByTimescale,
  timescaleRule,
  timescaleSource,
  timescaleSourceWords,
  timescales,
  whoseDays,
} from '../../../shared/deadlines';
import type { Calendar, TimescaleId } from '../../../shared/deadlines';
import { callUnchecked } from './call-unchecked';

// The national timescales (Working Together 2023) and whose working days a deadline is counted in.
// Every date below is worked out by hand in the comment beside it.

const england: Calendar = { region: 'england-and-wales' };

const ids: TimescaleId[] = [
  'la-decision',
  'single-assessment',
  'icpc',
  'first-core-group',
  'first-review-conference',
  'later-review-conference',
];

describe('the national timescales', () => {
  it('are only Working Together’s: nothing a partnership sets for itself is in the catalogue', () => {
    expect(Object.keys(timescales).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(timescales[id].id).toBe(id);
      expect(timescales[id].source.document).toBe('Working Together to Safeguard Children 2023');
      expect(timescales[id].owedBy).toBe("Children's social care");
    }
  });

  it('hold the rules Working Together gives', () => {
    expect(Object.fromEntries(ids.map((id) => [id, timescaleRule(id)]))).toEqual({
      'la-decision': { kind: 'working-days', days: 1 },
      'single-assessment': { kind: 'working-days', days: 45 },
      icpc: { kind: 'working-days', days: 15 },
      'first-core-group': { kind: 'working-days', days: 10 },
      'first-review-conference': { kind: 'months', months: 3 },
      'later-review-conference': { kind: 'months', months: 6 },
    });
  });

  it('say they are a paraphrase (we do not hold the published text), and quote only what a policy we hold quotes', () => {
    for (const id of ids) {
      expect(timescaleSource(id)).toBe('Working Together to Safeguard Children 2023 (paraphrased)');
      expect(timescaleSourceWords(id)).toMatch(/^In our words \(not quoted\): /);
    }
    // Liverpool's flow chart quotes Working Together 2015 on the decision: that quotation is given, as a quotation.
    expect(timescaleSourceWords('la-decision')).toContain(
      '‘Within one working day of a referral being received, a local authority social worker should make a decision about the type of response that is required and acknowledge receipt to the referrer.’',
    );
    expect(timescales['la-decision'].source.quotedIn?.document).toContain('Working Together to Safeguard Children 2015');
  });

  it('run the ICPC clock from the strategy discussion that started the s47 enquiry, and the core group and first review from an ICPC that made a plan', () => {
    expect(timescales.icpc.runsFrom).toMatch(/strategy discussion at which the section 47/);
    expect(timescales.icpc.runsFrom).toMatch(/not any later strategy discussion/);
    expect(timescales['first-core-group'].runsFrom).toContain('that made a child protection plan');
    expect(timescales['first-review-conference'].runsFrom).toContain('that made a child protection plan');
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(timescales)).toBe(true);
    expect(Object.isFrozen(timescales.icpc)).toBe(true);
    expect(Object.isFrozen(timescales.icpc.rule)).toBe(true);
  });

  it('computes the national timescales', () => {
    const icpcHeld = '2026-01-15T10:00:00+00:00';
    // Thu 15 Jan 2026 + 3 calendar months: Wed 15 Apr 2026; + 6 months: Wed 15 Jul 2026.
    expect(dueByTimescale('first-review-conference', icpcHeld, england).dueDate).toBe('2026-04-15');
    expect(dueByTimescale('later-review-conference', icpcHeld, england).dueDate).toBe('2026-07-15');
    // 10 working days after Thu 15 Jan 2026: Fri 16, Mon 19 – Fri 23 (6), Mon 26 – Thu 29 (10).
    expect(dueByTimescale('first-core-group', icpcHeld, england).dueDate).toBe('2026-01-29');
    // 15 working days after Wed 25 Mar 2026, skipping Good Friday 3 Apr and Easter Monday 6 Apr:
    // Thu 26, Fri 27 (2), Mon 30, Tue 31, Wed 1, Thu 2 (6), Tue 7 – Fri 10 (10), Mon 13 – Fri 17 (15).
    expect(dueByTimescale('icpc', '2026-03-25T10:00:00+00:00', england).dueDate).toBe('2026-04-17');
  });

  it('starts the explanation with the timescale’s event, and names the calendar when one is given', () => {
    const label = whoseDays('other-agency', england).label;
    const result = dueByTimescale('la-decision', '2026-12-24T12:00:00+00:00', england, label);
    expect(result).toEqual(
      dueBy('2026-12-24T12:00:00+00:00', { kind: 'working-days', days: 1 }, england, {
        eventLabel: 'Referral received',
        calendarLabel: label,
      }),
    );
    // Thu 24 Dec 2026; Fri 25 Christmas Day, Sat 26, Sun 27, Mon 28 Boxing Day (substitute): due end of Tue 29 Dec.
    expect(result.explanation[0]).toBe('Referral received Thu 24 Dec 2026 12:00');
    expect(result.explanation[1]).toBe(label);
    expect(result.dueDate).toBe('2026-12-29');
  });

  it('rejects an unknown id', () => {
    expect(() => callUnchecked(timescaleRule, 'strategy-lunch')).toThrow(expect.objectContaining({ field: 'id' }));
    expect(() => callUnchecked(timescaleRule, 'written-follow-up')).toThrow(DeadlineInputError);
  });
});

describe('whose working days', () => {
  // Mon 23 Nov 2026 09:30, with the school closed (INSET day) on Tue 24 Nov 2026.
  const school: Calendar = { region: 'england-and-wales', extraClosures: ['2026-11-24'] };
  const referral = '2026-11-23T09:30:00+00:00';
  const oneWorkingDay = { kind: 'working-days', days: 1 } as const;

  it('another agency’s deadline never skips the setting’s closure day', () => {
    const socialCare = whoseDays('other-agency', school);
    expect(socialCare.calendar).toEqual({ region: 'england-and-wales' });
    // Social care works on Tue 24 Nov: one working day after Mon 23 Nov is Tue 24 Nov.
    const due = dueBy(referral, oneWorkingDay, socialCare.calendar, { eventLabel: 'Referral received', calendarLabel: socialCare.label });
    expect(due.dueDate).toBe('2026-11-24');
    expect(due.explanation).toEqual([
      'Referral received Mon 23 Nov 2026 09:30',
      'Counted in children’s social care’s working days: weekends and bank holidays in England and Wales are skipped; your setting’s closure days are not (they are working days there)',
      '1 working day → due by end of Tue 24 Nov 2026',
    ]);
  });

  it('the setting’s own deadline skips its closure day, and says so', () => {
    const own = whoseDays('setting', school);
    expect(own.calendar).toBe(school);
    // Tue 24 Nov is the school's INSET day: the school's one working day after Mon 23 Nov is Wed 25 Nov.
    const due = dueBy(referral, oneWorkingDay, own.calendar, { eventLabel: 'Phone referral made', calendarLabel: own.label });
    expect(due.dueDate).toBe('2026-11-25');
    expect(due.explanation).toEqual([
      'Phone referral made Mon 23 Nov 2026 09:30',
      'Counted in your setting’s working days: weekends, bank holidays in England and Wales and your setting’s closure days are skipped',
      'Tue 24 Nov: setting closed (extra closure day)',
      '1 working day → due by end of Wed 25 Nov 2026',
    ]);
  });

  it('a shared deadline (a stage both agencies work at) counts the shared days, not the setting’s closures', () => {
    const shared = whoseDays('shared', school);
    expect(shared.calendar).toEqual({ region: 'england-and-wales' });
    expect(shared.label).toContain('both agencies share');
    // One working week (5 working days) from Mon 23 Nov 2026: Tue 24 – Fri 27 (4), Mon 30 (5).
    expect(dueBy(referral, { kind: 'working-weeks', weeks: 1 }, shared.calendar).dueDate).toBe('2026-11-30');
  });

  it('names the region’s bank holidays: Scotland’s for a setting in Scotland', () => {
    expect(whoseDays('other-agency', { region: 'scotland' }).label).toContain('bank holidays in Scotland');
  });

  it('adds the calendar line only where working days are counted', () => {
    const label = whoseDays('other-agency', school).label;
    expect(dueBy(referral, { kind: 'hours', hours: 24 }, england, { calendarLabel: label }).explanation).not.toContain(label);
    expect(dueBy(referral, { kind: 'same-day' }, england, { calendarLabel: label }).explanation).not.toContain(label);
    expect(dueBy(referral, { kind: 'working-weeks', weeks: 1 }, england, { calendarLabel: label }).explanation[1]).toBe(label);
    expect(() => callUnchecked(dueBy, referral, oneWorkingDay, england, { calendarLabel: '  ' })).toThrow(
      expect.objectContaining({ field: 'options.calendarLabel' }),
    );
  });
});
