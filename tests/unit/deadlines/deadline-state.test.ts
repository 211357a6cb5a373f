import { describe, expect, it } from 'vitest';
import { deadlineState, withState } from '../../../shared/deadlines';

// Met on time, met late, overdue or still due: instants compared whatever offset each is written in.

const due = '2026-11-27T23:59:59.000+00:00';

describe('deadlineState', () => {
  it('is met when done by the due instant, even in another offset', () => {
    expect(deadlineState(due, '2026-11-27T23:59:59.000+00:00', '2026-12-10T09:00:00.000+00:00')).toBe('met');
    // 09:00 on 28 Nov in UTC+10 is 23:00 on 27 Nov in London.
    expect(deadlineState(due, '2026-11-28T09:00:00.000+10:00', '2026-12-10T09:00:00.000+00:00')).toBe('met');
  });

  it('is met late when done after it, whatever the time now', () => {
    expect(deadlineState(due, '2026-11-28T00:00:00.000+00:00', '2026-11-28T00:00:01.000+00:00')).toBe('met-late');
  });

  it('is due up to and at the due instant, and overdue once past it', () => {
    expect(deadlineState(due, null, '2026-11-27T12:00:00.000+00:00')).toBe('due');
    expect(deadlineState(due, null, due)).toBe('due');
    expect(deadlineState(due, null, '2026-11-28T00:00:00.000+00:00')).toBe('overdue');
  });
});

describe('withState', () => {
  it('keeps the due date and its working, with the state added', () => {
    const worked = { dueAt: due, dueDate: '2026-11-27', explanation: ['Stage started Mon 23 Nov 2026 09:00', 'one line'] };
    expect(withState(worked, null, '2026-11-30T09:00:00.000+00:00')).toEqual({ ...worked, state: 'overdue' });
  });
});
