import { civilFromDayNumber, isoDateFromDayNumber, pad2, pad4, parseIsoDate } from './civil-date';
import { DeadlineInputError } from './errors';
import { parseIsoInstant } from './iso-instant';
import { londonWallClock } from './london-time';

// The two ways the UI writes a date or time: UK order, always in London time, whatever the
// computer's own time zone is set to.

function ukDate(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

function instantMs(iso: string): number {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new DeadlineInputError('iso', parsed.reason);
  return parsed.ms;
}

/**
 * 'dd/MM/yyyy' in London. A plain 'YYYY-MM-DD' is a calendar date and is written as it is; a
 * date-time with an offset is an instant and is written as London's date at that instant.
 */
export function formatUkDate(iso: string): string {
  const day = typeof iso === 'string' ? parseIsoDate(iso) : undefined;
  if (day !== undefined) return ukDate(day);
  return ukDate(londonWallClock(instantMs(iso)).dayNumber);
}

/** 'dd/MM/yyyy HH:mm' in London, for an ISO 8601 date-time with an offset. */
export function formatUkDateTime(iso: string): string {
  const wall = londonWallClock(instantMs(iso));
  return `${ukDate(wall.dayNumber)} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
}

/**
 * When a deadline falls, as a sentence ends it: 'the end of 16/11/2026' for a deadline at the end of
 * a London day (as every working-day, same-day and agreed-date deadline is), otherwise the date and
 * time, '16/11/2026 09:00' (an hours timescale).
 */
export function formatUkDueBy(dueAt: string): string {
  const wall = londonWallClock(instantMs(dueAt));
  const date = ukDate(wall.dayNumber);
  return wall.hour === 23 && wall.minute === 59 ? `the end of ${date}` : `${date} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
}

/**
 * 'yyyy-MM-dd HH.mm.ss' in London, for the name of a folder the app makes at an instant (a backup
 * set, the files a restore replaced): sorts in time order and has no character a file name forbids.
 */
export function formatLondonFileStamp(iso: string): string {
  const wall = londonWallClock(instantMs(iso));
  return `${isoDateFromDayNumber(wall.dayNumber)} ${pad2(wall.hour)}.${pad2(wall.minute)}.${pad2(wall.second)}`;
}
