import { describe, expect, it } from 'vitest';
import { DeadlineInputError, formatUkDate, formatUkDateTime } from '../../../shared/deadlines';
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
