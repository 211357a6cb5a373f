import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from 'luxon';
import {
  DeadlineInputError,
  formatLondonFileStamp,
  formatUkDate,
  formatUkDateTime,
  formatUkDueBy,
  isoInLondon,
  londonDateOf,
} from '../../../shared/deadlines';
import { callUnchecked } from './call-unchecked';

describe('formatUkDate and formatUkDateTime', () => {
  it.each([
    ['2026-12-29T23:59:59.000+00:00', '29/12/2026', '29/12/2026 23:59'],
    // 23:30 UTC in June is 00:30 the next day in London.
    ['2026-06-10T23:30:00Z', '11/06/2026', '11/06/2026 00:30'],
    ['2026-03-29T01:30:00+00:00', '29/03/2026', '29/03/2026 02:30'],
    ['2026-10-25T01:30:00+01:00', '25/10/2026', '25/10/2026 01:30'],
    ['2026-01-09T20:00:00-05:00', '10/01/2026', '10/01/2026 01:00'],
  ])('%s', (iso, date, dateTime) => {
    expect(formatUkDate(iso)).toBe(date);
    expect(formatUkDateTime(iso)).toBe(dateTime);
  });

  it('writes a plain calendar date as it is, with no time-zone shift', () => {
    expect(formatUkDate('2026-01-05')).toBe('05/01/2026');
    expect(formatUkDate('2024-02-29')).toBe('29/02/2024');
  });

  it.each([['2026-01-05T10:00'], ['2026-02-30'], ['29/12/2026'], [''], [null]])('rejects %s with field "iso"', (iso) => {
    const call = (): unknown => callUnchecked(formatUkDateTime, iso);
    expect(call).toThrow(DeadlineInputError);
    expect(call).toThrow(expect.objectContaining({ field: 'iso' }));
    expect(() => callUnchecked(formatUkDate, iso)).toThrow(expect.objectContaining({ field: 'iso' }));
  });
});

// The screens and the PDFs (electron/core/documents) both write dates with these.
describe('UK dates on the screens and in the PDFs', () => {
  afterEach(() => {
    Settings.defaultZone = 'system';
  });

  it('shows instants in London time, summer and winter', () => {
    expect(formatUkDateTime('2026-01-15T16:45:00.000Z')).toBe('15/01/2026 16:45');
    expect(formatUkDateTime('2026-07-01T23:30:00.000Z')).toBe('02/07/2026 00:30');
    expect(formatUkDateTime('2026-07-01T12:00:00.000+02:00')).toBe('01/07/2026 11:00');
    expect(formatUkDate('2026-07-01T23:30:00.000Z')).toBe('02/07/2026');
  });

  it('shows a calendar date (a date of birth) as it is, whatever the computer’s own zone', () => {
    Settings.defaultZone = 'Pacific/Kiritimati'; // UTC+14: midnight there is the day before in London
    expect(formatUkDate('2015-03-02')).toBe('02/03/2015');
    Settings.defaultZone = 'America/Los_Angeles';
    expect(formatUkDate('2015-03-02')).toBe('02/03/2015');
  });

  it('refuses what is not a date rather than printing "Invalid DateTime"', () => {
    expect(() => formatUkDate('yesterday')).toThrow(DeadlineInputError);
  });
});

describe('formatUkDueBy', () => {
  it('writes a deadline at the end of a London day as "the end of" that date', () => {
    // 23:59:59 GMT on Tue 29 Dec 2026, and 23:59:59 BST on Wed 1 Jul 2026 (22:59:59 UTC).
    expect(formatUkDueBy('2026-12-29T23:59:59.000+00:00')).toBe('the end of 29/12/2026');
    expect(formatUkDueBy('2026-07-01T22:59:59.000Z')).toBe('the end of 01/07/2026');
  });

  it('writes any other deadline (an hours timescale) with its London time', () => {
    // 24 hours after 09:15 BST on Thu 22 Oct 2026 is 09:15 BST on Fri 23 Oct.
    expect(formatUkDueBy('2026-10-23T09:15:00.000+01:00')).toBe('23/10/2026 09:15');
    // 23:59 UTC in summer is 00:59 the next day in London: not the end of a London day.
    expect(formatUkDueBy('2026-07-01T23:59:00.000Z')).toBe('02/07/2026 00:59');
  });
});

// Which day an instant was in London, by hand: the clocks go forward at 01:00 UTC on Sun 29 Mar 2026
// and back at 01:00 UTC on Sun 25 Oct 2026.
describe('londonDateOf', () => {
  it.each([
    ['2026-05-31T23:30:00Z', '2026-06-01'], // 00:30 BST on 1 June
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT: the same day
    ['2026-01-09T20:00:00-05:00', '2026-01-10'], // 01:00 GMT the next day
    ['2026-03-28T23:59:59.999+00:00', '2026-03-28'], // the last moment before the clocks' day
    ['2026-10-25T00:30:00+01:00', '2026-10-25'], // 23:30 UTC on the 24th, already the 25th in London
    ['2026-10-24T23:30:00+00:00', '2026-10-25'],
  ])('%s was %s in London', (iso, date) => {
    expect(londonDateOf(iso)).toBe(date);
  });

  it('refuses what is not an instant', () => {
    expect(() => londonDateOf('2026-06-01')).toThrow(DeadlineInputError);
  });
});

// The stamp in the names of the folders the app makes (a backup set, what a restore replaced), by hand.
describe('formatLondonFileStamp', () => {
  it.each([
    ['2026-12-29T23:59:59.000+00:00', '2026-12-29 23.59.59'], // GMT: as given
    ['2026-06-10T23:30:05Z', '2026-06-11 00.30.05'], // 00:30 BST the next day
    ['2026-03-29T01:00:00Z', '2026-03-29 02.00.00'], // the clocks have just gone forward
    ['2026-10-25T00:30:00Z', '2026-10-25 01.30.00'], // the first 01:30 of the day the clocks go back…
    ['2026-10-25T01:30:00Z', '2026-10-25 01.30.00'], // …and the second
    ['2026-01-09T20:00:00.999-05:00', '2026-01-10 01.00.00'], // another offset; milliseconds left out
  ])('%s is stamped %s', (iso, stamp) => {
    expect(formatLondonFileStamp(iso)).toBe(stamp);
  });

  it('refuses what is not an instant', () => {
    expect(() => formatLondonFileStamp('2026-06-01')).toThrow(expect.objectContaining({ field: 'iso' }));
  });
});

// How every time is stored (nowIso): London's offset, with milliseconds.
describe('isoInLondon', () => {
  it.each([
    ['2026-06-10T23:30:05.123Z', '2026-06-11T00:30:05.123+01:00'],
    ['2026-11-23T09:00:00.000Z', '2026-11-23T09:00:00.000+00:00'],
    ['2026-10-25T00:59:59.999Z', '2026-10-25T01:59:59.999+01:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T01:00:00.000+00:00'],
  ])('%s is %s', (utc, london) => {
    expect(isoInLondon(Date.parse(utc))).toBe(london);
  });
});
