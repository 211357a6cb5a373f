import { IANAZone } from 'luxon';
import { MS_PER_DAY, dayNumberFromCivil, pad2 } from './civil-date';

// Europe/London wall-clock time without a date library in the hot path. Luxon (and through it the
// platform's tz database) is asked once per year for the instants the clocks change; after that an
// instant's offset is a table look-up, which is what lets the dashboard compute thousands of
// deadlines in a few milliseconds. Output matches luxon's `toISO()` in Europe/London exactly.

const MS_PER_MINUTE = 60_000;
const london = IANAZone.create('Europe/London');

export interface ClockChange {
  /** The instant the offset changes (epoch ms). */
  readonly atMs: number;
  /** Minutes ahead of UTC before and after: 0 → 60 when the clocks go forward. */
  readonly offsetBefore: number;
  readonly offsetAfter: number;
}

interface YearClock {
  readonly startMs: number;
  readonly endMs: number;
  readonly startOffset: number;
  readonly changes: readonly ClockChange[];
}

function tzOffset(ms: number): number {
  const offset = london.offset(ms);
  if (!Number.isFinite(offset)) {
    throw new Error('The Europe/London time zone is not available on this system');
  }
  return offset;
}

/** The first whole minute in (lo, hi] whose offset differs from lo's, by bisection. */
function findChange(lo: number, hi: number, offsetAtLo: number): number {
  let low = lo;
  let high = hi;
  while (high - low > MS_PER_MINUTE) {
    const mid = low + Math.floor((high - low) / (2 * MS_PER_MINUTE)) * MS_PER_MINUTE;
    if (tzOffset(mid) === offsetAtLo) low = mid;
    else high = mid;
  }
  return high;
}

// Sampling the 1st of each month finds every UK clock change since 1972 (at most one a month).
function computeYearClock(year: number): YearClock {
  const changes: ClockChange[] = [];
  const startMs = dayNumberFromCivil(year, 1, 1) * MS_PER_DAY;
  const startOffset = tzOffset(startMs);
  let previousMs = startMs;
  let previousOffset = startOffset;
  for (let month = 2; month <= 13; month++) {
    const sampleMs = month === 13 ? dayNumberFromCivil(year + 1, 1, 1) * MS_PER_DAY : dayNumberFromCivil(year, month, 1) * MS_PER_DAY;
    const offset = tzOffset(sampleMs);
    if (offset !== previousOffset) {
      const atMs = findChange(previousMs, sampleMs, previousOffset);
      changes.push({ atMs, offsetBefore: previousOffset, offsetAfter: tzOffset(atMs) });
    }
    previousMs = sampleMs;
    previousOffset = offset;
  }
  return { startMs, endMs: previousMs, startOffset, changes };
}

const clocks = new Map<number, YearClock>();
/** The mean Gregorian year: a first guess at an instant's year, corrected by at most one. */
const MS_PER_MEAN_YEAR = 31_556_952_000;

function clockOfYear(year: number): YearClock {
  let clock = clocks.get(year);
  if (clock === undefined) {
    clock = computeYearClock(year);
    clocks.set(year, clock);
  }
  return clock;
}

function yearClockAt(ms: number): YearClock {
  const guess = 1970 + Math.floor(ms / MS_PER_MEAN_YEAR);
  const clock = clockOfYear(guess);
  if (ms < clock.startMs) return clockOfYear(guess - 1);
  if (ms >= clock.endMs) return clockOfYear(guess + 1);
  return clock;
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(ms: number): number {
  const clock = yearClockAt(ms);
  let offset = clock.startOffset;
  for (const change of clock.changes) {
    if (ms < change.atMs) break;
    offset = change.offsetAfter;
  }
  return offset;
}

/** The London calendar date (as a day number) of an instant. */
export function londonDayNumber(ms: number): number {
  return Math.floor((ms + londonOffsetMinutes(ms) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The instant of 23:59:59.000 London time on a day. UK clocks never change near midnight. */
export function endOfLondonDay(dayNumber: number): number {
  const wallMs = dayNumber * MS_PER_DAY + MS_PER_DAY - 1000;
  const guess = wallMs - londonOffsetMinutes(wallMs) * MS_PER_MINUTE;
  return wallMs - londonOffsetMinutes(guess) * MS_PER_MINUTE;
}

interface WallClock {
  dayNumber: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

export function londonWallClock(ms: number): WallClock {
  const offsetMinutes = londonOffsetMinutes(ms);
  const wallMs = ms + offsetMinutes * MS_PER_MINUTE;
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  let rest = wallMs - dayNumber * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / 1000);
  return { dayNumber, hour, minute, second, millisecond: rest - second * 1000, offsetMinutes };
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Clock changes strictly after `fromMs` and no later than `toMs`, in order. */
export function clockChangesBetween(fromMs: number, toMs: number): ClockChange[] {
  const found: ClockChange[] = [];
  for (let clock = yearClockAt(fromMs); clock.startMs <= toMs; clock = yearClockAt(clock.endMs)) {
    for (const change of clock.changes) {
      if (change.atMs > fromMs && change.atMs <= toMs) found.push(change);
    }
  }
  return found;
}

function zoneAbbreviation(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  if (offsetMinutes === 60) return 'BST';
  if (offsetMinutes === 120) return 'BDST';
  return `UTC${formatOffset(offsetMinutes)}`;
}

/**
 * When the clocks go back, the hour before the change is lived twice (01:30 BST, then 01:30 GMT).
 * For an instant in that hour, returns its zone abbreviation so a written time is unambiguous.
 */
export function repeatedHourZone(ms: number): string | undefined {
  const clock = yearClockAt(ms);
  for (const change of clock.changes) {
    const repeatedMs = (change.offsetBefore - change.offsetAfter) * MS_PER_MINUTE;
    if (repeatedMs > 0 && ms >= change.atMs - repeatedMs && ms < change.atMs + repeatedMs) {
      return zoneAbbreviation(londonOffsetMinutes(ms));
    }
  }
  return undefined;
}
