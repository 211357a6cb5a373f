import { civilFromDayNumber, isoDateFromDayNumber, pad2 } from './civil-date';
import { endOfLondonDay, formatOffset, londonOffsetMinutes, londonWallClock } from './london-time';

// Everything written about one calendar day — 'Sat 26 Dec 2026', '2026-12-26', its end-of-day
// instant in London — computed once and remembered: the dashboard writes the same few thousand days
// over and over, and building these strings was most of the cost of a deadline.

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function weekdayName(dayNumber: number): string {
  return weekdayNames[(((dayNumber + 3) % 7) + 7) % 7] ?? '';
}

export function monthName(month: number): string {
  return monthNames[month - 1] ?? '';
}

interface DayWords {
  readonly year: number;
  readonly month: number;
  /** 'Sat 26' */
  readonly weekdayAndDay: string;
  /** 'Sat 26 Dec' */
  readonly withMonth: string;
  /** 'Sat 26 Dec 2026' */
  readonly long: string;
  /** '2026-12-26' */
  readonly isoDate: string;
  /** '2026-12-26T23:59:59.000+00:00': the end of the day in London, as luxon's toISO() writes it. */
  readonly endOfDayAt: string;
}

const MAX_CACHED_DAYS = 50_000;
const cache = new Map<number, DayWords>();

export function dayWords(dayNumber: number): DayWords {
  let words = cache.get(dayNumber);
  if (words === undefined) {
    const { year, month, day } = civilFromDayNumber(dayNumber);
    const weekdayAndDay = `${weekdayName(dayNumber)} ${day}`;
    const withMonth = `${weekdayAndDay} ${monthName(month)}`;
    const isoDate = isoDateFromDayNumber(dayNumber);
    const offset = londonOffsetMinutes(endOfLondonDay(dayNumber));
    words = {
      year,
      month,
      weekdayAndDay,
      withMonth,
      long: `${withMonth} ${year}`,
      isoDate,
      endOfDayAt: `${isoDate}T23:59:59.000${formatOffset(offset)}`,
    };
    // A bound, not an eviction policy: a long-running session that somehow wrote 50,000 different
    // days simply starts again.
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(dayNumber, words);
  }
  return words;
}

/** ISO 8601 in London's offset with milliseconds — the same string as luxon's `toISO()`. */
export function isoInLondon(ms: number): string {
  const wall = londonWallClock(ms);
  const millis =
    wall.millisecond < 10 ? `00${wall.millisecond}` : wall.millisecond < 100 ? `0${wall.millisecond}` : String(wall.millisecond);
  return `${dayWords(wall.dayNumber).isoDate}T${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}.${millis}${formatOffset(wall.offsetMinutes)}`;
}
