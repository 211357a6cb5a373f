import { DateTime } from 'luxon';
import type { DeadlineState } from '../schemas/referrals';

// One rule for every deadline in the app: met on time, met late, overdue, or still due.

export function deadlineState(dueAt: string, metAt: string | null, now: string): Exclude<DeadlineState, 'not-required'> {
  const due = DateTime.fromISO(dueAt).toMillis();
  if (metAt !== null) return DateTime.fromISO(metAt).toMillis() <= due ? 'met' : 'met-late';
  return DateTime.fromISO(now).toMillis() > due ? 'overdue' : 'due';
}

/** Where a due deadline falls for the dashboard, in London: today, within the next seven days, or later. */
export function dueWindow(dueAt: string, now: string): 'overdue' | 'today' | 'this-week' | 'later' {
  const due = DateTime.fromISO(dueAt).setZone('Europe/London');
  const current = DateTime.fromISO(now).setZone('Europe/London');
  if (due.toMillis() < current.toMillis()) return 'overdue';
  const today = current.startOf('day');
  if (due < today.plus({ days: 1 })) return 'today';
  if (due < today.plus({ days: 8 })) return 'this-week';
  return 'later';
}
