import { DeadlineInputError } from './errors';
import { parseIsoInstant } from './iso-instant';
import { endOfLondonDay, londonDayNumber } from './london-time';

// The dashboard's three columns, as one rule: a deadline not yet met is overdue once its instant has
// passed; due today if it falls before London's next midnight; due this week if it falls within the
// seven London days after today; otherwise later, and not on the dashboard. Days are London's
// calendar days, so "today" at 00:30 BST is that London date, whatever the computer's zone.

export type DueWindow = 'overdue' | 'today' | 'this-week';

/** The next London midnight after the day `dayNumber` (23:59:59 plus one second; the clocks never change near midnight). */
function startOfDayAfter(dayNumber: number): number {
  return endOfLondonDay(dayNumber) + 1000;
}

/** The windows' edges from `now`, in milliseconds: before `nowMs` overdue, before `endOfTodayMs` today, before `endOfWeekMs` this week. */
export interface DueWindowBounds {
  nowMs: number;
  endOfTodayMs: number;
  endOfWeekMs: number;
}

/** The instants the windows change at, for a range query over stored due instants (everything due before `endOfWeekMs`). */
export function dueWindowBounds(now: string): DueWindowBounds {
  const parsed = parseIsoInstant(now);
  if (!parsed.ok) throw new DeadlineInputError('now', parsed.reason);
  const today = londonDayNumber(parsed.ms);
  return { nowMs: parsed.ms, endOfTodayMs: startOfDayAfter(today), endOfWeekMs: startOfDayAfter(today + 7) };
}

/**
 * Where due deadlines fall from `now`: overdue, today, this week, or null for later. The day
 * boundaries are worked out once; each deadline is then one comparison.
 */
export function dueWindowFrom(now: string): (dueAt: string) => DueWindow | null {
  const { nowMs, endOfTodayMs, endOfWeekMs } = dueWindowBounds(now);
  return (dueAt) => {
    const due = Date.parse(dueAt);
    if (due < nowMs) return 'overdue';
    if (due < endOfTodayMs) return 'today';
    if (due < endOfWeekMs) return 'this-week';
    return null;
  };
}
