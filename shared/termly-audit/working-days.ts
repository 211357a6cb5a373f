import type { Region } from '../deadlines';
import { isoDateFromDayNumber, parseIsoDate } from '../deadlines/civil-date';
import { londonDayNumber } from '../deadlines/london-time';
import { validateCalendar } from '../deadlines/validation';
import { WorkingDayClassifier } from '../deadlines/working-days';

// Counting working days between two recorded times, for the audit's durations: how long an
// escalation took to resolve, how late a deadline was met. The deadlines themselves come from the
// deadline calculator; this only counts, on the calculator's own calendar (its day numbers, London
// dates and working days): a day's own date is day 0, and each working day after it up to and
// including the later date counts one. Monday to Friday, not a bank holiday of the region, and —
// only when counting the setting's own days — not one of its closure days.

/** The London calendar date of an instant (or of a plain 'YYYY-MM-DD'), as a day number. */
function dayNumberOf(iso: string): number {
  const date = parseIsoDate(iso);
  if (date !== undefined) return date;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO date or time: ${iso}`);
  return londonDayNumber(ms);
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
export function londonDate(iso: string): string {
  return isoDateFromDayNumber(dayNumberOf(iso));
}

export class WorkingDayCounter {
  private readonly days: WorkingDayClassifier;
  // Working days counted once, not again for every interval: `counted[i]` is how many of the days
  // from `first` up to (not including) `first + i` are working days. An audit asks about thousands
  // of intervals over the same few years.
  private first: number | null = null;
  private counted: number[] = [0];

  /** `closures`: the setting's closure days, for counting its own days; leave out for another agency's. */
  constructor(region: Region, closures: readonly string[] = []) {
    this.days = new WorkingDayClassifier(validateCalendar({ region, extraClosures: closures }));
  }

  isWorkingDay(day: number): boolean {
    return this.days.isWorking(day);
  }

  /** How many working days fall before `day`, from the first day counted. */
  private workingDaysBefore(day: number): number {
    if (this.first === null || day < this.first) {
      // A year's margin before, so an earlier interval rarely starts the count again.
      this.first = day - 366;
      this.counted = [0];
    }
    const first = this.first;
    for (let next = first + this.counted.length - 1; next < day; next += 1) {
      this.counted.push((this.counted.at(-1) ?? 0) + (this.days.isWorking(next) ? 1 : 0));
    }
    return this.counted[day - first] ?? 0;
  }

  /** Working days after `from`'s date up to and including `to`'s date (0 when `to` is on or before `from`'s date). */
  between(from: string, to: string): number {
    const first = dayNumberOf(from);
    const last = dayNumberOf(to);
    if (last <= first) return 0;
    // The days first + 1 … last.
    return this.workingDaysBefore(last + 1) - this.workingDaysBefore(first + 1);
  }
}
