import { pad2 } from './civil-date';
import type { CivilDate } from './civil-date';
import { dayWords, monthName } from './day-words';
import { londonDayNumber, londonWallClock, repeatedHourZone } from './london-time';
import type { NonWorkingDay } from './working-days';

// The plain-English working shown beside every deadline, UK style ('Fri 25 Dec 2026'). Skipped days
// are grouped so a long timescale reads as a short list: a weekend is one line, a run of closure days
// is one line, each bank holiday is its own line because its name matters.

/** 'Tue 29 Dec 2026' — the form every "due by" line uses. */
export function formatLongDay(dayNumber: number): string {
  return dayWords(dayNumber).long;
}

/** '29 Feb 2027', for a date that may not exist. */
export function formatCivilDate(date: CivilDate): string {
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

/**
 * A day within the explanation: the month is left off when the next day in the same list shares it
 * ('Sat 26, Sun 27 Dec'), and the year is shown only where it differs from the event's year.
 */
function formatListedDay(dayNumber: number, next: number | undefined, eventYear: number): string {
  const date = dayWords(dayNumber);
  const following = next === undefined ? undefined : dayWords(next);
  if (following !== undefined && following.month === date.month && following.year === date.year) {
    return date.weekdayAndDay;
  }
  if (date.year !== eventYear && (following === undefined || following.year !== date.year)) {
    return date.long;
  }
  return date.withMonth;
}

/** 'Thu 24 Dec' (or 'Thu 24 Dec 2026' in another year than the event's). */
export function formatDayInExplanation(dayNumber: number, eventYear: number): string {
  return formatListedDay(dayNumber, undefined, eventYear);
}

/** '12:00', with seconds only when there are some, and 'BST'/'GMT' in the hour the clocks repeat. */
export function formatLondonTime(ms: number): string {
  const wall = londonWallClock(ms);
  let text = `${pad2(wall.hour)}:${pad2(wall.minute)}`;
  if (wall.second !== 0 || wall.millisecond !== 0) text += `:${pad2(wall.second)}`;
  const zone = repeatedHourZone(ms);
  return zone === undefined ? text : `${text} ${zone}`;
}

/** 'Thu 24 Dec 2026 12:00' in London. */
export function formatLondonDateTime(ms: number): string {
  return `${formatLongDay(londonDayNumber(ms))} ${formatLondonTime(ms)}`;
}

export interface SkippedDay {
  day: number;
  reason: NonWorkingDay;
}

function describeRun(first: SkippedDay, last: SkippedDay, length: number, eventYear: number): string {
  if (first.reason.kind === 'weekend' && length === 2) return weekendLine(first.day, eventYear);
  const description =
    first.reason.kind === 'closure' ? `setting closed (extra closure day${length > 1 ? 's' : ''})` : first.reason.description;
  if (length === 1) return `${formatListedDay(first.day, undefined, eventYear)}: ${description}`;
  const from = formatListedDay(first.day, last.day, eventYear);
  const to = formatListedDay(last.day, undefined, eventYear);
  return `${from}${length === 2 ? ', ' : ' – '}${to}: ${description}`;
}

// A whole weekend is by far the commonest line and, within the event's own year, its words depend
// only on the Saturday: remember them.
const MAX_CACHED_WEEKENDS = 10_000;
const weekendLines = new Map<number, string>();

function weekendLine(saturday: number, eventYear: number): string {
  const sunday = saturday + 1;
  const inEventYear = dayWords(saturday).year === eventYear && dayWords(sunday).year === eventYear;
  let line = inEventYear ? weekendLines.get(saturday) : undefined;
  if (line === undefined) {
    const from = formatListedDay(saturday, sunday, eventYear);
    line = `${from}, ${formatListedDay(sunday, undefined, eventYear)}: weekend`;
    if (inEventYear) {
      if (weekendLines.size >= MAX_CACHED_WEEKENDS) weekendLines.clear();
      weekendLines.set(saturday, line);
    }
  }
  return line;
}

/**
 * One line per weekend, per run of consecutive closure days (a range from three days on), and per
 * bank holiday. `skipped` is in date order.
 */
export function skippedDayLines(skipped: readonly SkippedDay[], eventYear: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < skipped.length) {
    const first = skipped[start];
    if (first === undefined) break;
    let last = first;
    let end = start + 1;
    if (first.reason.kind !== 'bank-holiday') {
      for (let next = skipped[end]; next !== undefined; next = skipped[end]) {
        if (next.day !== last.day + 1 || next.reason.kind !== first.reason.kind) break;
        last = next;
        end++;
      }
    }
    lines.push(describeRun(first, last, end - start, eventYear));
    start = end;
  }
  return lines;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
