import { bankHolidayChanges } from './bank-holiday-changes';
import type { HolidayKey, HolidayMove } from './bank-holiday-changes';
import {
  dayNumberFromCivil,
  firstWeekdayOfMonth,
  isWeekend,
  isoDateFromDayNumber,
  isoWeekday,
  lastWeekdayOfMonth,
  parseIsoDate,
} from './civil-date';
import { easterSunday } from './easter';
import { DeadlineInputError } from './errors';
import { validateRegion } from './validation';
import type { BankHoliday, Region } from './types';

// Bank holidays from the rules (fixed dates with substitute days, Easter, first/last Mondays) plus
// the one-off table, computed once per (region, year) and cached: the dashboard asks for the same
// few years thousands of times.

/** 1978 is the first year with the early May bank holiday, so the rules below hold from then on. */
export const FIRST_SUPPORTED_YEAR = 1978;
export const LAST_SUPPORTED_YEAR = 9999;

export interface HolidayEntry {
  readonly kind: 'bank-holiday';
  readonly day: number;
  readonly date: string;
  readonly name: string;
  /** How the explanation describes the day, e.g. 'Christmas Day (bank holiday)'. */
  readonly description: string;
}

interface YearHolidays {
  readonly list: readonly HolidayEntry[];
  readonly byDay: ReadonlyMap<number, HolidayEntry>;
}

const MONDAY = 1;
const FRIDAY = 5;
const SATURDAY = 6;

interface FixedDateHoliday {
  key: HolidayKey;
  month: number;
  day: number;
  name: string;
  /** The first year the holiday existed in this region, where later than our first supported year. */
  since?: number;
}

// Listed in date order: a holiday that falls on a weekend, or on a day already taken, rolls to the
// next free weekday, so the order decides who gets which Monday (Scotland 2023: New Year's Day takes
// Mon 2 Jan, 2nd January moves to Tue 3 Jan).
const fixedDateHolidays: Record<Region, readonly FixedDateHoliday[]> = {
  'england-and-wales': [{ key: 'new-year', month: 1, day: 1, name: "New Year's Day" }],
  scotland: [
    { key: 'new-year', month: 1, day: 1, name: "New Year's Day" },
    { key: 'second-january', month: 1, day: 2, name: '2nd January' },
    // St Andrew's Day Bank Holiday (Scotland) Act 2007.
    {
      key: 'st-andrew',
      month: 11,
      day: 30,
      name: "St Andrew's Day",
      since: 2007,
    },
  ],
  'northern-ireland': [
    { key: 'new-year', month: 1, day: 1, name: "New Year's Day" },
    { key: 'st-patrick', month: 3, day: 17, name: "St Patrick's Day" },
    {
      key: 'boyne',
      month: 7,
      day: 12,
      name: "Battle of the Boyne (Orangemen's Day)",
    },
  ],
};

function substituteName(name: string): string {
  return `${name} (substitute day)`;
}

function describe(name: string): string {
  const lower = name.toLowerCase();
  if (lower.includes('bank holiday') || lower.includes('substitute day')) return name;
  return `${name} (bank holiday)`;
}

/** The rule-based holidays that always fall on a weekday (Easter and the Monday holidays). */
function weekdayHolidays(year: number, region: Region): [HolidayKey, number, string][] {
  const easter = easterSunday(year);
  const list: [HolidayKey, number, string][] = [['good-friday', easter - 2, 'Good Friday']];
  if (region !== 'scotland') list.push(['easter-monday', easter + 1, 'Easter Monday']);
  list.push(['early-may', firstWeekdayOfMonth(year, 5, MONDAY), 'Early May bank holiday']);
  list.push(['spring', lastWeekdayOfMonth(year, 5, MONDAY), 'Spring bank holiday']);
  const summer = region === 'scotland' ? firstWeekdayOfMonth(year, 8, MONDAY) : lastWeekdayOfMonth(year, 8, MONDAY);
  list.push(['summer', summer, 'Summer bank holiday']);
  return list;
}

/**
 * Christmas and Boxing Day have their own substitute convention (GOV.UK): when Christmas is a Sunday,
 * Boxing Day keeps Monday 26th and Christmas moves to Tuesday 27th, rather than Christmas taking the
 * first free weekday.
 */
function christmasHolidays(year: number): [HolidayKey, number, string][] {
  const christmas = dayNumberFromCivil(year, 12, 25);
  const boxing = christmas + 1;
  const weekday = isoWeekday(christmas);
  if (weekday < FRIDAY) {
    return [
      ['christmas', christmas, 'Christmas Day'],
      ['boxing-day', boxing, 'Boxing Day'],
    ];
  }
  if (weekday === FRIDAY) {
    return [
      ['christmas', christmas, 'Christmas Day'],
      ['boxing-day', christmas + 3, substituteName('Boxing Day')],
    ];
  }
  if (weekday === SATURDAY) {
    return [
      ['christmas', christmas + 2, substituteName('Christmas Day')],
      ['boxing-day', christmas + 3, substituteName('Boxing Day')],
    ];
  }
  return [
    ['boxing-day', boxing, 'Boxing Day'],
    ['christmas', christmas + 2, substituteName('Christmas Day')],
  ];
}

function computeYear(year: number, region: Region): YearHolidays {
  const taken = new Map<number, string>();
  const moves = bankHolidayChanges.filter(
    (change): change is HolidayMove => change.kind === 'move' && change.year === year && change.regions.includes(region),
  );
  const place = (key: HolidayKey, day: number, name: string): void => {
    const move = moves.find((change) => change.holiday === key);
    if (move !== undefined) {
      const movedTo = parseIsoDate(move.to);
      if (movedTo !== undefined) {
        taken.set(movedTo, move.name ?? name);
        return;
      }
    }
    taken.set(day, name);
  };

  for (const [key, day, name] of weekdayHolidays(year, region)) place(key, day, name);
  for (const change of bankHolidayChanges) {
    if (change.kind !== 'add' || !change.regions.includes(region)) continue;
    const day = parseIsoDate(change.date);
    if (day !== undefined && change.date.startsWith(`${year}-`)) taken.set(day, change.name);
  }
  for (const holiday of fixedDateHolidays[region]) {
    if (holiday.since !== undefined && year < holiday.since) continue;
    const actual = dayNumberFromCivil(year, holiday.month, holiday.day);
    let day = actual;
    while (isWeekend(day) || taken.has(day)) day++;
    place(holiday.key, day, day === actual ? holiday.name : substituteName(holiday.name));
  }
  for (const [key, day, name] of christmasHolidays(year)) place(key, day, name);

  const list: HolidayEntry[] = [...taken.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, name]): HolidayEntry =>
      Object.freeze({
        kind: 'bank-holiday',
        day,
        date: isoDateFromDayNumber(day),
        name,
        description: describe(name),
      }),
    );
  return Object.freeze({
    list: Object.freeze(list),
    byDay: new Map(list.map((h) => [h.day, h])),
  });
}

const cache: Record<Region, Map<number, YearHolidays>> = {
  'england-and-wales': new Map(),
  scotland: new Map(),
  'northern-ireland': new Map(),
};

/** Internal, unvalidated and cached: the working-day loop calls this once per year it crosses. */
export function holidaysOfYear(year: number, region: Region): YearHolidays {
  const byYear = cache[region];
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    holidays = computeYear(year, region);
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The bank holidays of one year in one region, in date order, each with its published name. */
export function bankHolidays(year: number, region: Region): BankHoliday[] {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new DeadlineInputError('year', `must be a whole year from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`);
  }
  return holidaysOfYear(year, validateRegion(region, 'region')).list.map((h) => ({
    date: h.date,
    name: h.name,
  }));
}
