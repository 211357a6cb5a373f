import type { DueByResult } from './types';

// One rule for every deadline in the app: met on time, met late, overdue, or still due. These run
// for every deadline on the dashboard, so they compare instants with Date.parse (every stored time
// is ISO 8601 with its offset) rather than building a date object each time.

/** Where a deadline stands. `not-required`: no longer owed (e.g. the referral was closed first). */
export type DeadlineState = 'met' | 'met-late' | 'overdue' | 'due' | 'not-required';

/** The state of a deadline that is owed: every deadline but a referral milestone that fell away. */
type OwedDeadlineState = Exclude<DeadlineState, 'not-required'>;

/** A deadline as the screens and documents show it: when, its working in words, and whether it was met. */
export interface Deadline extends DueByResult {
  state: OwedDeadlineState;
}

/** Met (on time or late) once done; otherwise overdue once `now` is past the due instant, else due. */
export function deadlineState(dueAt: string, metAt: string | null, now: string): OwedDeadlineState {
  const due = Date.parse(dueAt);
  if (metAt !== null) return Date.parse(metAt) <= due ? 'met' : 'met-late';
  return Date.parse(now) > due ? 'overdue' : 'due';
}

/** A worked-out due date with its state at `now`, given when (if yet) it was met. */
export function withState(due: DueByResult, metAt: string | null, now: string): Deadline {
  return { dueAt: due.dueAt, dueDate: due.dueDate, explanation: due.explanation, state: deadlineState(due.dueAt, metAt, now) };
}
