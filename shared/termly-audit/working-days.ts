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

/**
 * When British Summer Time starts and ends in a year, as UTC instants: 01:00 UTC on the last Sunday
 * of March and of October (the rule since 1996). Earlier years are worked out by luxon instead.
 */
const summerTime = new Map<number, { starts: number; ends: number }>();
function summerTimeOf(year: number): { starts: number; ends: number } {
  let found = summerTime.get(year);
  if (!found) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    found = { starts: lastSunday(2), ends: lastSunday(9) };
    summerTime.set(year, found);
  }
  return found;
}

/** The London wall clock's offset from UTC at an instant, in milliseconds. */
function londonOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996) return (DateTime.fromMillis(ms, { zone: LONDON }).offset ?? 0) * 60_000;
  const { starts, ends } = summerTimeOf(year);
  return ms >= starts && ms < ends ? 3_600_000 : 0;
}

/** The London calendar date of an instant (or of a plain 'YYYY-MM-DD'), as a day number. */
export function londonDayNumber(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso))
    return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO date or time: ${iso}`);
  return Math.floor((ms + londonOffsetMs(ms)) / MS_PER_DAY);
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
export function londonDate(iso: string): string {
  return new Date(londonDayNumber(iso) * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  // 1 January 1970 (day 0) was a Thursday: ISO weekday 4.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return weekday >= 6;
}

export class WorkingDayCounter {
  private readonly holidays = new Map<number, Set<number>>();
  private readonly closures: ReadonlySet<number>;
  // The year of the last day asked about, so consecutive days need no date arithmetic.
  private yearStart = 0;
  private yearEnd = -1;
  private yearHolidays: Set<number> = new Set();

  /** `closures`: the setting's closure days, for counting its own days; leave out for another agency's. */
  constructor(
    private readonly region: Region,
    closures: readonly string[] = [],
  ) {
    this.closures = new Set(closures.map(londonDayNumber));
  }

  private holidaysOf(day: number): Set<number> {
    if (day >= this.yearStart && day <= this.yearEnd) return this.yearHolidays;
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    let days = this.holidays.get(year);
    if (!days) {
      days = new Set(bankHolidays(year, this.region).map((holiday) => londonDayNumber(holiday.date)));
      this.holidays.set(year, days);
    }
    this.yearStart = Date.UTC(year, 0, 1) / MS_PER_DAY;
    this.yearEnd = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - 1;
    this.yearHolidays = days;
    return days;
  }

  isWorkingDay(day: number): boolean {
    if (isWeekend(day)) return false;
    if (this.closures.has(day)) return false;
    return !this.holidaysOf(day).has(day);
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
