import { bankHolidays } from '../../shared/deadlines';
import type { Random } from './random';

// Times for the seed, all Europe/London as the app stores them ('2026-03-29T10:15:00.000+01:00').
// Worked out here rather than with luxon because the seed writes a million of them: British Summer
// Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
// (the rule since 1996, and every year the seed covers). Records fall where a school's do: mostly
// on school days in working hours, fewer in the holidays, a few at the awkward moments deadlines
// are hardest to get right (before a bank holiday weekend, the last afternoon of term, the weekend
// the clocks change).

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const summerTime = new Map<number, readonly [number, number]>();

function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY;
}

function summerTimeOf(year: number): readonly [number, number] {
  let span = summerTime.get(year);
  if (!span) {
    span = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
    summerTime.set(year, span);
  }
  return span;
}

/** London's offset from UTC at this instant, in milliseconds. */
export function londonOffset(ms: number): number {
  const [from, to] = summerTimeOf(new Date(ms).getUTCFullYear());
  return ms >= from && ms < to ? HOUR : 0;
}

/** The instant as the app writes it: ISO with the London offset. */
export function londonIso(ms: number): string {
  const offset = londonOffset(ms);
  return `${new Date(ms + offset).toISOString().slice(0, 23)}${offset === 0 ? '+00:00' : '+01:00'}`;
}

/** The London calendar date of an instant ('2026-03-29'). */
export function londonDate(ms: number): string {
  return new Date(ms + londonOffset(ms)).toISOString().slice(0, 10);
}

/** The instant a London wall-clock time happens (times in the hour the clocks skip are not used). */
export function londonTime(date: string, hours: number, minutes = 0): number {
  const wall = Date.parse(`${date}T00:00:00.000Z`) + hours * HOUR + minutes * 60_000;
  const guess = wall - londonOffset(wall);
  return wall - londonOffset(guess);
}

/** Days from `date` (ISO), as an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T12:00:00.000Z`).getUTCDay();
}

const holidayCache = new Map<number, Set<string>>();

function bankHolidaySet(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(bankHolidays(year, 'england-and-wales').map((holiday) => holiday.date));
    holidayCache.set(year, set);
  }
  return set;
}

export function isBankHoliday(date: string): boolean {
  return bankHolidaySet(Number(date.slice(0, 4))).has(date);
}

/** How likely a record is to be made on this day, compared with an ordinary term-time weekday. */
function dayWeight(date: string): number {
  const day = weekday(date);
  if (day === 0 || day === 6) return 0.02;
  if (isBankHoliday(date)) return 0.03;
  const month = Number(date.slice(5, 7));
  const dayOfMonth = Number(date.slice(8, 10));
  if (month === 8) return 0.12; // the summer holiday
  if (month === 7 && dayOfMonth > 23) return 0.2;
  if (month === 12 && dayOfMonth > 21) return 0.1; // Christmas
  if (month === 1 && dayOfMonth < 4) return 0.2;
  return 1;
}

/** A working-hours instant on a day picked in [from, to), weighted as a school's records fall. */
export function schoolTime(random: Random, from: number, to: number): number {
  for (;;) {
    const ms = from + random.next() * (to - from);
    const date = londonDate(ms);
    if (random.next() >= dayWeight(date)) continue;
    // Most between 8 and 5; the odd one early or late (a disclosure at the end of the day).
    const hour = random.weighted([
      [7, 1],
      [8, 6],
      [9, 10],
      [10, 10],
      [11, 10],
      [12, 8],
      [13, 9],
      [14, 10],
      [15, 10],
      [16, 6],
      [17, 2],
      [19, 1],
    ] as const);
    const at = londonTime(date, hour, random.int(0, 59));
    if (at >= from && at < to) return at;
  }
}

/**
 * The awkward moments of each year in [from, to): the Friday afternoon before every bank-holiday
 * Monday, the last afternoon of each term, and the Saturday and Friday around each clock change (a
 * 24-hour timescale then takes 23 or 25 hours of wall-clock time).
 */
export function awkwardMoments(from: number, to: number): number[] {
  const moments: number[] = [];
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  for (let year = first; year <= last; year += 1) {
    for (const holiday of bankHolidaySet(year)) {
      if (weekday(holiday) === 1) moments.push(londonTime(addDays(holiday, -3), 16, 40));
      if (weekday(holiday) === 5) moments.push(londonTime(addDays(holiday, -1), 15, 55)); // Maundy Thursday
    }
    for (const endOfTerm of [`${year}-07-22`, `${year}-12-19`]) {
      let date = endOfTerm;
      while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, -1);
      moments.push(londonTime(date, 15, 20));
    }
    for (const change of summerTimeOf(year)) {
      const sunday = new Date(change).toISOString().slice(0, 10);
      moments.push(londonTime(addDays(sunday, -1), 10, 30)); // Saturday: a phone referral whose 24 hours cross the change
      moments.push(londonTime(addDays(sunday, -2), 16, 50)); // Friday afternoon
    }
  }
  return moments.filter((ms) => ms >= from && ms < to).sort((a, b) => a - b);
}
