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

/**
 * Where due deadlines fall from `now`: overdue, today, this week, or null for later. The day
 * boundaries are worked out once; each deadline is then one comparison.
 */
export function dueWindowFrom(now: string): (dueAt: string) => DueWindow | null {
  const parsed = parseIsoInstant(now);
  if (!parsed.ok) throw new DeadlineInputError('now', parsed.reason);
  const today = londonDayNumber(parsed.ms);
  const endOfToday = startOfDayAfter(today);
  const endOfWeek = startOfDayAfter(today + 7);
  return (dueAt) => {
    const due = Date.parse(dueAt);
    if (due < parsed.ms) return 'overdue';
    if (due < endOfToday) return 'today';
    if (due < endOfWeek) return 'this-week';
    return null;
  };
}
