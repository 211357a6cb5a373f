import { DateTime } from 'luxon';
import type { DeadlineState } from '../schemas/referrals';

// One rule for every deadline in the app: met on time, met late, overdue, or still due. These run
// for every deadline on the dashboard, so they compare instants with Date.parse (every stored time
// is ISO 8601 with its offset) rather than building a date object each time.

export function deadlineState(dueAt: string, metAt: string | null, now: string): Exclude<DeadlineState, 'not-required'> {
  const due = Date.parse(dueAt);
  if (metAt !== null) return Date.parse(metAt) <= due ? 'met' : 'met-late';
  return Date.parse(now) > due ? 'overdue' : 'due';
}

export type DueWindowName = 'overdue' | 'today' | 'this-week' | 'later';

/**
 * Where due deadlines fall for the dashboard, from `now` in London: overdue, today, within the next
 * seven days, or later. The day boundaries are worked out once; each deadline is one comparison.
 */
export function dueWindows(now: string): (dueAt: string) => DueWindowName {
  const current = DateTime.fromISO(now, { setZone: true }).setZone('Europe/London');
  const nowMs = current.toMillis();
  const endOfToday = current.startOf('day').plus({ days: 1 }).toMillis();
  const endOfWeek = current.startOf('day').plus({ days: 8 }).toMillis();
  return (dueAt) => {
    const due = Date.parse(dueAt);
    if (due < nowMs) return 'overdue';
    if (due < endOfToday) return 'today';
    if (due < endOfWeek) return 'this-week';
    return 'later';
  };
}
