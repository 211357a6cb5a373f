import { DateTime } from 'luxon';
import { bankHolidays, type Region } from '../deadlines';

// Counting working days between two recorded times, for the audit's durations: how long an
// escalation took to resolve, how late a deadline was met. The deadlines themselves come from the
// deadline calculator; this only counts, with the same conventions: a day's own date is day 0, and
// each working day after it up to and including the later date counts one. Monday to Friday, not a
// bank holiday of the region, and — only when counting the setting's own days — not one of its
// closure days. Day numbers (days since 1 January 1970) keep the loop to integer steps.

const LONDON = 'Europe/London';
const MS_PER_DAY = 86_400_000;

/** The London calendar date of an instant (or of a plain 'YYYY-MM-DD'), as a day number. */
export function londonDayNumber(iso: string): number {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? DateTime.fromISO(iso, { zone: LONDON })
    : DateTime.fromISO(iso, { setZone: true }).setZone(LONDON);
  if (!date.isValid) throw new Error(`Not an ISO date or time: ${iso}`);
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

function isWeekend(day: number): boolean {
  // 1 January 1970 (day 0) was a Thursday: ISO weekday 4.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return weekday >= 6;
}

export class WorkingDayCounter {
  private readonly holidays = new Map<number, Set<number>>();
  private readonly closures: ReadonlySet<number>;

  /** `closures`: the setting's closure days, for counting its own days; leave out for another agency's. */
  constructor(
    private readonly region: Region,
    closures: readonly string[] = [],
  ) {
    this.closures = new Set(closures.map(londonDayNumber));
  }

  private holidaysOf(year: number): Set<number> {
    let days = this.holidays.get(year);
    if (!days) {
      days = new Set(bankHolidays(year, this.region).map((holiday) => londonDayNumber(holiday.date)));
      this.holidays.set(year, days);
    }
    return days;
  }

  isWorkingDay(day: number): boolean {
    if (isWeekend(day)) return false;
    if (this.closures.has(day)) return false;
    return !this.holidaysOf(new Date(day * MS_PER_DAY).getUTCFullYear()).has(day);
  }

  /** Working days after `from`'s date up to and including `to`'s date (0 when `to` is on or before `from`'s date). */
  between(from: string, to: string): number {
    const first = londonDayNumber(from);
    const last = londonDayNumber(to);
    let count = 0;
    for (let day = first + 1; day <= last; day += 1) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}
