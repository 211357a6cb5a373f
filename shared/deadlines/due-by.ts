import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
import { MS_PER_DAY, addCalendarMonths, civilFromDayNumber, dayNumberFromCivil, pad2 } from './civil-date';
import { dayWords, isoInLondon } from './day-words';
import { DeadlineInputError } from './errors';
import {
  formatCivilDate,
  formatDayInExplanation,
  formatLondonDateTime,
  formatLondonTime,
  formatLongDay,
  plural,
  skippedDayLines,
} from './explanation';
import type { SkippedDay } from './explanation';
import { parseIsoInstant } from './iso-instant';
import { clockChangesBetween, londonDayNumber, londonOffsetMinutes } from './london-time';
import type { ClockChange } from './london-time';
import type { Calendar, DueByOptions, DueByResult, Rule } from './types';
import { validateCalendar, validateCalendarLabel, validateEventLabel, validateRule } from './validation';
import { WorkingDayClassifier } from './working-days';

// The deadline for one event under one rule, with its working in words. Conventions (DESIGN.md,
// "Deadlines"): N working days — the event's London date is day 0, due by the end (23:59:59 London)
// of the Nth working day after it, even when the event itself fell on a weekend or holiday; same day
// — by the end of the event's London date; N hours — N elapsed hours, whatever the clocks do;
// N months — the end of the same day of the month N months on (or that month's last day), not moved
// off a non-working day. Whose working days are counted is the caller's choice of calendar
// (whose-days.ts): another agency's deadline never skips the setting's own closure days.

const MS_PER_HOUR = 3_600_000;

/** Events must leave room, inside the supported years, for the longest rule (20 years) and closures. */
const LAST_EVENT_YEAR = LAST_SUPPORTED_YEAR - 100;

interface EventContext {
  readonly eventMs: number;
  readonly eventDay: number;
  readonly eventYear: number;
  readonly classifier: WorkingDayClassifier;
  readonly lines: string[];
}

function endOfDayResult(day: number, lines: string[]): DueByResult {
  const words = dayWords(day);
  return { dueAt: words.endOfDayAt, dueDate: words.isoDate, explanation: lines };
}

/**
 * Day 0 is the event's own date. For 0 working days we chose: the end of the event's own day when
 * that is a working day, otherwise the end of the next working day — "no later than the next working
 * day's close" is the only reading of "0 working days" that can be met on a weekend.
 */
function byWorkingDays(context: EventContext, days: number, summary: string): DueByResult {
  const { classifier } = context;
  const skipped: SkippedDay[] = [];
  let day = context.eventDay;
  if (days === 0) {
    for (let reason = classifier.reasonNotWorking(day); reason !== undefined;) {
      skipped.push({ day, reason });
      day++;
      reason = classifier.reasonNotWorking(day);
    }
  } else {
    let counted = 0;
    while (counted < days) {
      day++;
      const reason = classifier.reasonNotWorking(day);
      if (reason === undefined) counted++;
      else skipped.push({ day, reason });
    }
  }
  const { lines } = context;
  for (const line of skippedDayLines(skipped, context.eventYear)) lines.push(line);
  const note = days === 0 && day !== context.eventDay ? " (the next working day, as the event's day is not one)" : '';
  lines.push(`${summary}${note} → due by end of ${formatLongDay(day)}`);
  return endOfDayResult(day, lines);
}

/** Same-day and month rules keep their date even on a non-working day; the explanation says so. */
function noteIfNotWorking(context: EventContext, day: number, kindOfTimescale: string): void {
  const reason = context.classifier.reasonNotWorking(day);
  if (reason === undefined) return;
  context.lines.push(
    `${formatDayInExplanation(day, context.eventYear)}: ${reason.description} — not a working day, ` +
      `but a ${kindOfTimescale} timescale is not moved`,
  );
}

function bySameDay(context: EventContext): DueByResult {
  noteIfNotWorking(context, context.eventDay, 'same-day');
  context.lines.push(`Same day → due by end of ${formatLongDay(context.eventDay)}`);
  return endOfDayResult(context.eventDay, context.lines);
}

function byMonths(context: EventContext, months: number): DueByResult {
  const from = civilFromDayNumber(context.eventDay);
  const { date, clamped } = addCalendarMonths(from, months);
  if (clamped) {
    context.lines.push(`There is no ${formatCivilDate({ ...date, day: from.day })}, so the last day of that month is used`);
  }
  const day = dayNumberFromCivil(date.year, date.month, date.day);
  noteIfNotWorking(context, day, 'calendar-month');
  context.lines.push(`${plural(months, 'month')} → due by end of ${formatLongDay(day)}`);
  return endOfDayResult(day, context.lines);
}

function describeClockChange(change: ClockChange, eventYear: number): string {
  const wallMs = change.atMs + change.offsetBefore * 60_000;
  const day = Math.floor(wallMs / MS_PER_DAY);
  const minutes = Math.floor((wallMs - day * MS_PER_DAY) / 60_000);
  const direction = change.offsetAfter > change.offsetBefore ? 'forward' : 'back';
  return `clocks go ${direction} at ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)} on ${formatDayInExplanation(day, eventYear)}`;
}

/** Elapsed hours: a clock change inside the interval makes the wall-clock gap 1 hour more or less. */
function byHours(context: EventContext, hours: number): DueByResult {
  const dueMs = context.eventMs + hours * MS_PER_HOUR;
  const dueDay = londonDayNumber(dueMs);
  const changes = clockChangesBetween(context.eventMs, dueMs);
  let note = '';
  if (changes.length > 0) {
    const wallHours = hours + (londonOffsetMinutes(dueMs) - londonOffsetMinutes(context.eventMs)) / 60;
    const described = changes.map((change) => describeClockChange(change, context.eventYear));
    note = ` (${described.join(', then ')}; ${plural(hours, 'hour')} is ${plural(wallHours, 'hour')} on the clock)`;
  }
  context.lines.push(`${plural(hours, 'hour')} → due by ${formatLongDay(dueDay)} ${formatLondonTime(dueMs)}${note}`);
  return {
    dueAt: isoInLondon(dueMs),
    dueDate: dayWords(dueDay).isoDate,
    explanation: context.lines,
  };
}

/**
 * When something is due: `eventAt` is an ISO 8601 date-time with an offset (it names an instant);
 * the answer is in London time with its working in words. Throws DeadlineInputError on bad input.
 */
export function dueBy(eventAt: string, rule: Rule, calendar: Calendar, options?: DueByOptions): DueByResult {
  const parsed = parseIsoInstant(eventAt);
  if (!parsed.ok) throw new DeadlineInputError('eventAt', parsed.reason);
  const validRule = validateRule(rule);
  const validCalendar = validateCalendar(calendar);
  const eventLabel = validateEventLabel(options);
  const calendarLabel = validateCalendarLabel(options);

  const eventDay = londonDayNumber(parsed.ms);
  const eventYear = civilFromDayNumber(eventDay).year;
  if (eventYear < FIRST_SUPPORTED_YEAR || eventYear > LAST_EVENT_YEAR) {
    throw new DeadlineInputError('eventAt', `must fall between ${FIRST_SUPPORTED_YEAR} and ${LAST_EVENT_YEAR} (got ${eventAt})`);
  }
  const context: EventContext = {
    eventMs: parsed.ms,
    eventDay,
    eventYear,
    classifier: new WorkingDayClassifier(validCalendar),
    lines: [`${eventLabel} ${formatLondonDateTime(parsed.ms)}`],
  };
  // Only a count of working days depends on whose days they are.
  const countsWorkingDays = validRule.kind === 'working-days' || validRule.kind === 'working-weeks';
  if (calendarLabel !== undefined && countsWorkingDays) context.lines.push(calendarLabel);

  switch (validRule.kind) {
    case 'working-days':
      return byWorkingDays(context, validRule.days, plural(validRule.days, 'working day'));
    case 'working-weeks': {
      const { weeks } = validRule;
      const summary = `${plural(weeks, 'working week')} (${plural(weeks * 5, 'working day')})`;
      return byWorkingDays(context, weeks * 5, summary);
    }
    case 'same-day':
      return bySameDay(context);
    case 'hours':
      return byHours(context, validRule.hours);
    case 'months':
      return byMonths(context, validRule.months);
  }
}
