import { describe, expect, it } from 'vitest';
import { DeadlineInputError, dueBy, isWorkingDay } from '../../../shared/deadlines';
import type { Calendar, Rule } from '../../../shared/deadlines';
import { callUnchecked } from './call-unchecked';

const england: Calendar = { region: 'england-and-wales' };
const scotland: Calendar = { region: 'scotland' };
const northernIreland: Calendar = { region: 'northern-ireland' };

function due(eventAt: string, rule: Rule, calendar: Calendar = england): [string, string] {
  const result = dueBy(eventAt, rule, calendar);
  return [result.dueDate, result.dueAt];
}

describe('the Christmas 2026 referral', () => {
  it('explains every skipped day, exactly', () => {
    const result = dueBy('2026-12-24T12:00:00+00:00', { kind: 'working-days', days: 1 }, england, {
      eventLabel: 'Referral received',
    });
    expect(result).toEqual({
      dueAt: '2026-12-29T23:59:59.000+00:00',
      dueDate: '2026-12-29',
      explanation: [
        'Referral received Thu 24 Dec 2026 12:00',
        'Fri 25 Dec: Christmas Day (bank holiday)',
        'Sat 26, Sun 27 Dec: weekend',
        'Mon 28 Dec: Boxing Day (substitute day)',
        '1 working day → due by end of Tue 29 Dec 2026',
      ],
    });
  });

  it('starts with "Event" when no label is given (the three-argument call)', () => {
    const result = dueBy('2026-12-24T12:00:00+00:00', { kind: 'working-days', days: 1 }, england);
    expect(result.explanation[0]).toBe('Event Thu 24 Dec 2026 12:00');
  });
});

describe('working days', () => {
  it.each<[string, number, string, Calendar?]>([
    // An ordinary Monday: day 0 is Monday, so 1 working day is Tuesday.
    ['2026-01-05T09:00:00+00:00', 1, '2026-01-06'],
    // Friday → Monday over a weekend.
    ['2026-01-09T09:00:00+00:00', 1, '2026-01-12'],
    // A Saturday referral still counts from its own date: due Monday.
    ['2026-01-10T10:00:00+00:00', 1, '2026-01-12'],
    // Sunday → Monday.
    ['2026-01-11T10:00:00+00:00', 1, '2026-01-12'],
    // A referral on a bank holiday (Good Friday 2026) with 1 working day: Easter Monday skipped.
    ['2026-04-03T10:00:00+01:00', 1, '2026-04-07'],
    // 15 working days (ICPC) across Easter 2026.
    ['2026-03-25T10:00:00+00:00', 15, '2026-04-17'],
    // 45 working days (single assessment) from Tue 1 Sep 2026 — nine whole weeks, no holidays.
    ['2026-09-01T10:00:00+01:00', 45, '2026-11-03'],
    // Scotland's 2 January is a holiday; England's is not.
    ['2026-01-01T10:00:00+00:00', 1, '2026-01-05', scotland],
    ['2026-01-01T10:00:00+00:00', 1, '2026-01-02', england],
    // Scotland 2026: the FIFA World Cup Monday.
    ['2026-06-12T10:00:00+01:00', 1, '2026-06-16', scotland],
    ['2026-06-12T10:00:00+01:00', 1, '2026-06-15', england],
    // Scotland has no Easter Monday.
    ['2026-04-02T10:00:00+01:00', 1, '2026-04-06', scotland],
    ['2026-04-02T10:00:00+01:00', 1, '2026-04-07', england],
    // Northern Ireland: the Boyne's substitute Monday 13 July 2026.
    ['2026-07-10T10:00:00+01:00', 1, '2026-07-14', northernIreland],
    ['2026-07-10T10:00:00+01:00', 1, '2026-07-13', england],
    // Northern Ireland: St Patrick's Day substitute, Monday 18 March 2024.
    ['2024-03-15T10:00:00+00:00', 1, '2024-03-19', northernIreland],
    // The 2022 Jubilee: Thu 2 and Fri 3 June.
    ['2022-06-01T10:00:00+01:00', 1, '2022-06-06'],
    // The State Funeral, Mon 19 Sep 2022.
    ['2022-09-16T10:00:00+01:00', 1, '2022-09-20'],
  ])('%s + %i → %s', (eventAt, days, expected, calendar = england) => {
    expect(due(eventAt, { kind: 'working-days', days }, calendar)[0]).toBe(expected);
  });

  it('is due at the end of the London day, in the London offset of that date', () => {
    expect(due('2026-06-10T09:00:00+01:00', { kind: 'working-days', days: 1 })).toEqual(['2026-06-11', '2026-06-11T23:59:59.000+01:00']);
    // Across the spring clock change: event in GMT, due in BST.
    expect(due('2026-03-27T09:00:00+00:00', { kind: 'working-days', days: 1 })).toEqual(['2026-03-30', '2026-03-30T23:59:59.000+01:00']);
  });

  it('counts from the London date, not the offset the event was written in', () => {
    // 23:30 UTC on Wed 10 June is 00:30 BST on Thu 11 June: day 0 is Thursday.
    expect(due('2026-06-10T23:30:00Z', { kind: 'working-days', days: 1 })[0]).toBe('2026-06-12');
    // 23:30 London time on a working day is still that day.
    expect(due('2026-06-10T23:30:00+01:00', { kind: 'working-days', days: 1 })[0]).toBe('2026-06-11');
    // In winter London is UTC: 23:30Z stays on Wednesday.
    expect(due('2026-01-07T23:30:00Z', { kind: 'working-days', days: 1 })[0]).toBe('2026-01-08');
    // An event written in New York time, 20:00 on Fri 9 Jan, is 01:00 Sat 10 Jan in London.
    const result = dueBy('2026-01-09T20:00:00-05:00', { kind: 'working-days', days: 1 }, england);
    expect(result.explanation[0]).toBe('Event Sat 10 Jan 2026 01:00');
    expect(result.dueDate).toBe('2026-01-12');
  });

  describe('0 working days', () => {
    it('is the end of the event day when that is a working day', () => {
      expect(due('2026-01-07T10:00:00+00:00', { kind: 'working-days', days: 0 })).toEqual(['2026-01-07', '2026-01-07T23:59:59.000+00:00']);
    });

    it('is the end of the next working day otherwise, and says why', () => {
      const result = dueBy('2026-12-05T10:00:00+00:00', { kind: 'working-days', days: 0 }, england);
      expect(result.dueDate).toBe('2026-12-07');
      expect(result.explanation).toEqual([
        'Event Sat 5 Dec 2026 10:00',
        'Sat 5, Sun 6 Dec: weekend',
        "0 working days (the next working day, as the event's day is not one) → due by end of Mon 7 Dec 2026",
      ]);
    });

    it('skips a bank holiday on the event day too', () => {
      expect(due('2026-12-25T10:00:00+00:00', { kind: 'working-days', days: 0 })[0]).toBe('2026-12-29');
    });
  });

  it('groups weekends across a month and a year end', () => {
    const result = dueBy('2022-12-30T10:00:00+00:00', { kind: 'working-days', days: 1 }, england);
    expect(result.explanation).toEqual([
      'Event Fri 30 Dec 2022 10:00',
      'Sat 31 Dec, Sun 1 Jan 2023: weekend',
      "Mon 2 Jan 2023: New Year's Day (substitute day)",
      '1 working day → due by end of Tue 3 Jan 2023',
    ]);
  });
});

describe('working weeks', () => {
  it('is 5 working days a week', () => {
    const result = dueBy('2026-12-21T10:00:00+00:00', { kind: 'working-weeks', weeks: 1 }, england);
    expect(result.dueDate).toBe('2026-12-30');
    expect(result.explanation.at(-1)).toBe('1 working week (5 working days) → due by end of Wed 30 Dec 2026');
    expect(due('2026-01-05T10:00:00+00:00', { kind: 'working-weeks', weeks: 2 })[0]).toBe('2026-01-19');
  });
});

describe('extra closure days', () => {
  const withHalfTerm: Calendar = {
    region: 'england-and-wales',
    extraClosures: ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30'],
  };

  it('skips them and says so', () => {
    const result = dueBy(
      '2026-10-30T10:00:00+00:00',
      { kind: 'working-days', days: 1 },
      { region: 'england-and-wales', extraClosures: ['2026-11-02'] },
    );
    expect(result.dueDate).toBe('2026-11-03');
    expect(result.explanation).toEqual([
      'Event Fri 30 Oct 2026 10:00',
      'Sat 31 Oct, Sun 1 Nov: weekend',
      'Mon 2 Nov: setting closed (extra closure day)',
      '1 working day → due by end of Tue 3 Nov 2026',
    ]);
  });

  it('writes a run of closure days as a range', () => {
    const result = dueBy('2026-10-23T10:00:00+01:00', { kind: 'working-days', days: 1 }, withHalfTerm);
    expect(result.dueDate).toBe('2026-11-02');
    expect(result.explanation).toEqual([
      'Event Fri 23 Oct 2026 10:00',
      'Sat 24, Sun 25 Oct: weekend',
      'Mon 26 – Fri 30 Oct: setting closed (extra closure days)',
      'Sat 31 Oct, Sun 1 Nov: weekend',
      '1 working day → due by end of Mon 2 Nov 2026',
    ]);
  });

  it('makes isWorkingDay false for a closure, a weekend and a bank holiday', () => {
    expect(isWorkingDay('2026-10-27', withHalfTerm)).toBe(false);
    expect(isWorkingDay('2026-10-27', england)).toBe(true);
    expect(isWorkingDay('2026-10-31', england)).toBe(false);
    expect(isWorkingDay('2026-12-28', england)).toBe(false);
    expect(isWorkingDay('2026-12-29', england)).toBe(true);
  });

  it('names a bank holiday that is also a closure as the bank holiday', () => {
    const result = dueBy(
      '2026-12-24T12:00:00+00:00',
      { kind: 'working-days', days: 1 },
      { region: 'england-and-wales', extraClosures: ['2026-12-25', '2026-12-29'] },
    );
    expect(result.explanation.slice(1)).toEqual([
      'Fri 25 Dec: Christmas Day (bank holiday)',
      'Sat 26, Sun 27 Dec: weekend',
      'Mon 28 Dec: Boxing Day (substitute day)',
      'Tue 29 Dec: setting closed (extra closure day)',
      '1 working day → due by end of Wed 30 Dec 2026',
    ]);
  });
});

describe('same day', () => {
  it('is the end of the London date of the event', () => {
    const result = dueBy('2026-06-10T14:15:00+01:00', { kind: 'same-day' }, england);
    expect(result).toEqual({
      dueAt: '2026-06-10T23:59:59.000+01:00',
      dueDate: '2026-06-10',
      explanation: ['Event Wed 10 Jun 2026 14:15', 'Same day → due by end of Wed 10 Jun 2026'],
    });
  });

  it('is not moved off a weekend, and says the day is not a working day', () => {
    const result = dueBy('2026-06-13T14:15:00+01:00', { kind: 'same-day' }, england);
    expect(result.dueDate).toBe('2026-06-13');
    expect(result.explanation).toEqual([
      'Event Sat 13 Jun 2026 14:15',
      'Sat 13 Jun: weekend — not a working day, but a same-day timescale is not moved',
      'Same day → due by end of Sat 13 Jun 2026',
    ]);
  });

  it('uses London midnight, not UTC: 23:30Z in summer is the next London day', () => {
    expect(due('2026-06-10T23:30:00Z', { kind: 'same-day' })).toEqual(['2026-06-11', '2026-06-11T23:59:59.000+01:00']);
  });
});

describe('hours', () => {
  it('counts elapsed hours across the spring clock change (25 on the clock)', () => {
    const result = dueBy('2026-03-28T12:00:00+00:00', { kind: 'hours', hours: 24 }, england);
    expect(result.dueAt).toBe('2026-03-29T13:00:00.000+01:00');
    expect(result.dueDate).toBe('2026-03-29');
    expect(result.explanation).toEqual([
      'Event Sat 28 Mar 2026 12:00',
      '24 hours → due by Sun 29 Mar 2026 13:00 (clocks go forward at 01:00 on Sun 29 Mar; 24 hours is 25 hours on the clock)',
    ]);
  });

  it('counts elapsed hours across the autumn clock change (23 on the clock)', () => {
    const result = dueBy('2026-10-24T12:00:00+01:00', { kind: 'hours', hours: 24 }, england);
    expect(result.dueAt).toBe('2026-10-25T11:00:00.000+00:00');
    expect(result.explanation.at(-1)).toBe(
      '24 hours → due by Sun 25 Oct 2026 11:00 (clocks go back at 02:00 on Sun 25 Oct; 24 hours is 23 hours on the clock)',
    );
  });

  it('says nothing about the clocks when they do not change', () => {
    const result = dueBy('2026-06-10T09:30:00+01:00', { kind: 'hours', hours: 48 }, england);
    expect(result.dueAt).toBe('2026-06-12T09:30:00.000+01:00');
    expect(result.explanation.at(-1)).toBe('48 hours → due by Fri 12 Jun 2026 09:30');
  });

  it('handles an instant written in the hour that does not exist in London', () => {
    // 01:30 on 29 Mar 2026 never happens on London clocks, but 01:30 UTC is a real instant: 02:30 BST.
    const result = dueBy('2026-03-29T01:30:00+00:00', { kind: 'hours', hours: 1 }, england);
    expect(result.explanation[0]).toBe('Event Sun 29 Mar 2026 02:30');
    expect(result.dueAt).toBe('2026-03-29T03:30:00.000+01:00');
    // Written with +01:00 it is 00:30 GMT, before the change.
    const before = dueBy('2026-03-29T01:30:00+01:00', { kind: 'hours', hours: 1 }, england);
    expect(before.explanation[0]).toBe('Event Sun 29 Mar 2026 00:30');
    expect(before.dueAt).toBe('2026-03-29T02:30:00.000+01:00');
  });

  it('tells the two 01:30s apart on the night the clocks go back', () => {
    const first = dueBy('2026-10-25T01:30:00+01:00', { kind: 'hours', hours: 1 }, england);
    expect(first.dueAt).toBe('2026-10-25T01:30:00.000+00:00');
    expect(first.explanation).toEqual([
      'Event Sun 25 Oct 2026 01:30 BST',
      '1 hour → due by Sun 25 Oct 2026 01:30 GMT (clocks go back at 02:00 on Sun 25 Oct; 1 hour is 0 hours on the clock)',
    ]);
  });

  it('keeps seconds and milliseconds of the event', () => {
    expect(due('2026-01-05T10:00:30.250Z', { kind: 'hours', hours: 24 })[1]).toBe('2026-01-06T10:00:30.250+00:00');
  });

  it('0 hours is the event itself', () => {
    expect(due('2026-07-01T08:00:00+01:00', { kind: 'hours', hours: 0 })[1]).toBe('2026-07-01T08:00:00.000+01:00');
  });
});

describe('months', () => {
  it.each<[string, number, string]>([
    ['2026-01-15T10:00:00+00:00', 3, '2026-04-15'],
    ['2026-01-31T10:00:00+00:00', 1, '2026-02-28'],
    ['2028-01-31T10:00:00+00:00', 1, '2028-02-29'],
    ['2026-08-31T10:00:00+01:00', 6, '2027-02-28'],
    ['2026-11-30T10:00:00+00:00', 3, '2027-02-28'],
    ['2026-10-20T10:00:00+01:00', 6, '2027-04-20'],
  ])('%s + %i months → %s', (eventAt, months, expected) => {
    expect(due(eventAt, { kind: 'months', months })[0]).toBe(expected);
  });

  it('says when the day does not exist and when the date is not a working day (not moved)', () => {
    const result = dueBy('2027-01-31T10:00:00+00:00', { kind: 'months', months: 1 }, england);
    expect(result).toEqual({
      dueAt: '2027-02-28T23:59:59.000+00:00',
      dueDate: '2027-02-28',
      explanation: [
        'Event Sun 31 Jan 2027 10:00',
        'There is no 31 Feb 2027, so the last day of that month is used',
        'Sun 28 Feb: weekend — not a working day, but a calendar-month timescale is not moved',
        '1 month → due by end of Sun 28 Feb 2027',
      ],
    });
  });

  it('names a bank holiday it lands on', () => {
    const result = dueBy('2026-09-25T10:00:00+01:00', { kind: 'months', months: 3 }, england);
    expect(result.dueDate).toBe('2026-12-25');
    expect(result.explanation.slice(1)).toEqual([
      'Fri 25 Dec: Christmas Day (bank holiday) — not a working day, but a calendar-month timescale is not moved',
      '3 months → due by end of Fri 25 Dec 2026',
    ]);
  });
});

describe('invalid input', () => {
  const rule: Rule = { kind: 'working-days', days: 1 };
  const eventAt = '2026-01-05T10:00:00+00:00';

  it.each<[string, unknown[]]>([
    ['eventAt', ['2026-01-05T10:00:00', rule, england]],
    ['eventAt', ['2026-01-05', rule, england]],
    ['eventAt', ['2026-02-30T10:00:00Z', rule, england]],
    ['eventAt', ['2026-01-05T25:00:00Z', rule, england]],
    ['eventAt', ['not a date', rule, england]],
    ['eventAt', [20260105, rule, england]],
    ['eventAt', ['1970-01-05T10:00:00Z', rule, england]],
    ['rule', [eventAt, null, england]],
    ['rule.kind', [eventAt, { kind: 'fortnights', fortnights: 1 }, england]],
    ['rule.days', [eventAt, { kind: 'working-days', days: -1 }, england]],
    ['rule.days', [eventAt, { kind: 'working-days', days: 1.5 }, england]],
    ['rule.days', [eventAt, { kind: 'working-days', days: '1' }, england]],
    ['rule.days', [eventAt, { kind: 'working-days' }, england]],
    ['rule.days', [eventAt, { kind: 'working-days', days: Number.POSITIVE_INFINITY }, england]],
    ['rule.weeks', [eventAt, { kind: 'working-weeks', weeks: -2 }, england]],
    // Counts are capped at about 20 years: bigger is a typing error, and keeps the loop finite.
    ['rule.days', [eventAt, { kind: 'working-days', days: 5001 }, england]],
    ['rule.hours', [eventAt, { kind: 'hours', hours: 2 ** 31 }, england]],
    ['rule.months', [eventAt, { kind: 'months', months: 241 }, england]],
    ['rule.hours', [eventAt, { kind: 'hours', hours: 0.5 }, england]],
    ['rule.months', [eventAt, { kind: 'months', months: -1 }, england]],
    ['calendar', [eventAt, rule, null]],
    ['calendar.region', [eventAt, rule, { region: 'wales' }]],
    ['calendar.extraClosures', [eventAt, rule, { region: 'scotland', extraClosures: '2026-01-06' }]],
    ['calendar.extraClosures[2]', [eventAt, rule, { region: 'scotland', extraClosures: ['2026-01-06', '2026-01-07', '2026-13-01'] }]],
    ['calendar.extraClosures[0]', [eventAt, rule, { region: 'scotland', extraClosures: ['6/1/2026'] }]],
    ['options.eventLabel', [eventAt, rule, england, { eventLabel: 42 }]],
  ])('%s', (field, args) => {
    const call = (): unknown => callUnchecked(dueBy, ...args);
    expect(call).toThrow(DeadlineInputError);
    expect(call).toThrow(expect.objectContaining({ field, name: 'DeadlineInputError' }));
  });

  it('isWorkingDay checks its date and calendar', () => {
    expect(() => callUnchecked(isWorkingDay, '2026-02-29', england)).toThrow(expect.objectContaining({ field: 'date' }));
    expect(() => callUnchecked(isWorkingDay, '2026-01-05', { region: 'mars' })).toThrow(
      expect.objectContaining({ field: 'calendar.region' }),
    );
  });

  it('accepts a calendar without a region as England and Wales', () => {
    const result = callUnchecked(dueBy, '2026-12-24T12:00:00+00:00', rule, {});
    expect(result).toEqual(dueBy('2026-12-24T12:00:00+00:00', rule, england));
  });

  it('notices a closure list changed in place between calls', () => {
    const closures = ['2026-01-06'];
    const calendar: Calendar = { region: 'england-and-wales', extraClosures: closures };
    expect(due(eventAt, rule, calendar)[0]).toBe('2026-01-07');
    closures[0] = '2026-01-08';
    expect(due(eventAt, rule, calendar)[0]).toBe('2026-01-06');
    closures.push('2026-01-06');
    expect(due(eventAt, rule, calendar)[0]).toBe('2026-01-07');
  });
});

describe('frozen closure lists', () => {
  it('give the same answers as plain ones (they are trusted by identity)', () => {
    const closures = Object.freeze(['2026-01-06', '2026-01-07']);
    const frozen: Calendar = { region: 'england-and-wales', extraClosures: closures };
    const plain: Calendar = { region: 'england-and-wales', extraClosures: [...closures] };
    const rule: Rule = { kind: 'working-days', days: 1 };
    expect(dueBy('2026-01-05T10:00:00Z', rule, frozen)).toEqual(dueBy('2026-01-05T10:00:00Z', rule, plain));
    expect(dueBy('2026-01-05T10:00:00Z', rule, frozen).dueDate).toBe('2026-01-08');
  });
});
