import { parseIsoDate } from './civil-date';
import { DeadlineInputError } from './errors';
import { isRegion, regions } from './types';
import type { Region, Rule } from './types';

// Every public entry point checks its input here, whatever the static types say: values arrive from
// IPC, settings files and forms, and a wrong deadline in a safeguarding record is worse than an error.

// Upper bounds keep the day-stepping loop and the explanation finite; 20 years is far beyond any
// timescale in the policies, so a larger count is a typing error, not a deadline.
export const MAX_WORKING_DAYS = 5000;
export const MAX_WORKING_WEEKS = 1000;
export const MAX_HOURS = 175_320;
export const MAX_MONTHS = 240;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new DeadlineInputError(field, `must be a whole number from 0 to ${max} (got ${String(value)})`);
  }
  return value;
}

export function validateRule(rule: unknown): Rule {
  if (!isRecord(rule)) throw new DeadlineInputError('rule', 'must be an object with a kind');
  switch (rule.kind) {
    case 'working-days':
      return { kind: 'working-days', days: count(rule.days, 'rule.days', MAX_WORKING_DAYS) };
    case 'working-weeks':
      return { kind: 'working-weeks', weeks: count(rule.weeks, 'rule.weeks', MAX_WORKING_WEEKS) };
    case 'same-day':
      return { kind: 'same-day' };
    case 'hours':
      return { kind: 'hours', hours: count(rule.hours, 'rule.hours', MAX_HOURS) };
    case 'months':
      return { kind: 'months', months: count(rule.months, 'rule.months', MAX_MONTHS) };
    default:
      throw new DeadlineInputError(
        'rule.kind',
        `must be working-days, working-weeks, same-day, hours or months (got ${String(rule.kind)})`,
      );
  }
}

export interface ResolvedCalendar {
  readonly region: Region;
  readonly closures: ReadonlySet<number>;
}

interface ClosureCacheEntry {
  readonly snapshot: readonly string[];
  readonly days: ReadonlySet<number>;
}

// Settings hand the same closure array to thousands of calls; parse it once. The snapshot guards
// against the array having been changed in place since.
const closureCache = new WeakMap<readonly unknown[], ClosureCacheEntry>();
const noClosures: ReadonlySet<number> = new Set();

function sameItems(a: readonly unknown[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function closureDays(value: unknown): ReadonlySet<number> {
  if (value === undefined) return noClosures;
  if (!Array.isArray(value)) {
    throw new DeadlineInputError('calendar.extraClosures', "must be a list of 'YYYY-MM-DD' dates");
  }
  const items: readonly unknown[] = value;
  const cached = closureCache.get(items);
  // A frozen list cannot have changed, so the element-by-element check is skipped.
  if (cached !== undefined && (Object.isFrozen(items) || sameItems(items, cached.snapshot))) {
    return cached.days;
  }
  const days = new Set<number>();
  const snapshot: string[] = [];
  items.forEach((item, index) => {
    const day = typeof item === 'string' ? parseIsoDate(item) : undefined;
    if (typeof item !== 'string' || day === undefined) {
      throw new DeadlineInputError(`calendar.extraClosures[${index}]`, `must be a real date written 'YYYY-MM-DD' (got ${String(item)})`);
    }
    days.add(day);
    snapshot.push(item);
  });
  closureCache.set(items, { snapshot, days });
  return days;
}

export function validateRegion(value: unknown, field: string): Region {
  if (!isRegion(value)) {
    throw new DeadlineInputError(field, `must be one of ${regions.join(', ')} (got ${String(value)})`);
  }
  return value;
}

/** A missing region means England and Wales, the default calendar. */
export function validateCalendar(calendar: unknown): ResolvedCalendar {
  if (!isRecord(calendar)) throw new DeadlineInputError('calendar', 'must be an object with a region');
  const region = calendar.region === undefined ? 'england-and-wales' : validateRegion(calendar.region, 'calendar.region');
  return { region, closures: closureDays(calendar.extraClosures) };
}

export function validateIsoDate(value: unknown, field: string): number {
  const day = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (day === undefined) {
    throw new DeadlineInputError(field, `must be a real date written 'YYYY-MM-DD' (got ${String(value)})`);
  }
  return day;
}

export function validateEventLabel(options: unknown): string {
  if (options === undefined) return 'Event';
  if (!isRecord(options)) throw new DeadlineInputError('options', 'must be an object');
  const label = options.eventLabel;
  if (label === undefined) return 'Event';
  if (typeof label !== 'string' || label.trim() === '') {
    throw new DeadlineInputError('options.eventLabel', 'must be a non-empty string');
  }
  return label.trim();
}

/** The optional words naming whose working days were counted; undefined when not given. */
export function validateCalendarLabel(options: unknown): string | undefined {
  if (!isRecord(options) || options.calendarLabel === undefined) return undefined;
  const label = options.calendarLabel;
  if (typeof label !== 'string' || label.trim() === '') {
    throw new DeadlineInputError('options.calendarLabel', 'must be a non-empty string');
  }
  return label.trim();
}
