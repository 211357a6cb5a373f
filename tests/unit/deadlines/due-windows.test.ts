import { describe, expect, it } from 'vitest';
import { DeadlineInputError, dueWindowFrom } from '../../../shared/deadlines';

// The dashboard's columns, by hand. Mon 23 Nov 2026 is GMT; today + 7 days is Mon 30 Nov, so "this
// week" runs to the end of Mon 30 Nov. In June, 23:30 UTC is 00:30 BST the next London day. The
// clocks go back on Sun 25 Oct 2026.

describe('dueWindowFrom', () => {
  const windowOf = dueWindowFrom('2026-11-23T10:00:00.000+00:00');

  it('puts a deadline already passed in overdue', () => {
    expect(windowOf('2026-11-23T09:59:59.000+00:00')).toBe('overdue');
    expect(windowOf('2026-11-20T23:59:59.000+00:00')).toBe('overdue');
  });

  it('puts one due from now to the end of the London day in today', () => {
    expect(windowOf('2026-11-23T10:00:00.000+00:00')).toBe('today');
    expect(windowOf('2026-11-23T23:59:59.000+00:00')).toBe('today');
  });

  it('puts one due in the seven days after today in this week, and later ones nowhere', () => {
    expect(windowOf('2026-11-24T00:00:00.000+00:00')).toBe('this-week');
    expect(windowOf('2026-11-30T23:59:59.000+00:00')).toBe('this-week');
    expect(windowOf('2026-12-01T00:00:00.000+00:00')).toBeNull();
  });

  it('counts days as London’s, not the computer’s or UTC’s', () => {
    const atHalfPastMidnightBst = dueWindowFrom('2026-06-10T23:30:00Z');
    // The end of Wed 10 June in London was half an hour ago.
    expect(atHalfPastMidnightBst('2026-06-10T23:59:59.000+01:00')).toBe('overdue');
    expect(atHalfPastMidnightBst('2026-06-11T23:59:59.000+01:00')).toBe('today');
    expect(atHalfPastMidnightBst('2026-06-18T23:59:59.000+01:00')).toBe('this-week');
    expect(atHalfPastMidnightBst('2026-06-19T00:00:00.000+01:00')).toBeNull();
  });

  it('ends the week at London midnight across the clocks going back', () => {
    const tuesday = dueWindowFrom('2026-10-20T12:00:00.000+01:00');
    expect(tuesday('2026-10-27T23:59:59.000+00:00')).toBe('this-week');
    expect(tuesday('2026-10-28T00:00:00.000+00:00')).toBeNull();
  });

  it('refuses a "now" that is not an instant', () => {
    expect(() => dueWindowFrom('2026-11-23')).toThrow(DeadlineInputError);
  });
});
