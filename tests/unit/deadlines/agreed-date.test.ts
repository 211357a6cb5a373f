import { describe, expect, it } from 'vitest';
import { DeadlineInputError, dueByEndOf } from '../../../shared/deadlines';

// An agreed action is due by the end of its agreed date in London. Dates worked out by hand:
// 29 Dec 2026 is a Tuesday (GMT); 1 Jul 2026 a Wednesday (BST); the clocks go forward on Sunday
// 29 Mar 2026 and back on Sunday 25 Oct 2026.

describe('dueByEndOf', () => {
  it('is due at 23:59:59 London time on the agreed date, in words', () => {
    expect(dueByEndOf('2026-12-29')).toEqual({
      dueAt: '2026-12-29T23:59:59.000+00:00',
      dueDate: '2026-12-29',
      explanation: ['Agreed to be done by the end of Tue 29 Dec 2026'],
    });
  });

  it('uses the summer offset in British Summer Time', () => {
    expect(dueByEndOf('2026-07-01')).toEqual({
      dueAt: '2026-07-01T23:59:59.000+01:00',
      dueDate: '2026-07-01',
      explanation: ['Agreed to be done by the end of Wed 1 Jul 2026'],
    });
  });

  it('takes the offset in force at the end of a day the clocks change', () => {
    expect(dueByEndOf('2026-03-29').dueAt).toBe('2026-03-29T23:59:59.000+01:00');
    expect(dueByEndOf('2026-10-25').dueAt).toBe('2026-10-25T23:59:59.000+00:00');
  });

  it('keeps an agreed date that is not a working day (Sat 26 Dec 2026), as agreed', () => {
    const due = dueByEndOf('2026-12-26');
    expect(due.dueDate).toBe('2026-12-26');
    expect(due.explanation).toEqual(['Agreed to be done by the end of Sat 26 Dec 2026']);
  });

  it.each([['2026-02-30'], ['29/12/2026'], ['2026-12-29T10:00:00Z'], ['']])('refuses %s, naming the field', (date) => {
    expect(() => dueByEndOf(date)).toThrow(DeadlineInputError);
    expect(() => dueByEndOf(date)).toThrow(expect.objectContaining({ field: 'date' }));
  });
});
