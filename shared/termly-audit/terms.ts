import { DateTime } from 'luxon';
import { bankHolidays, formatUkDate } from '../deadlines';

// The setting's school terms, which the termly audit is counted by. A school year runs from
// 1 September to 31 August and has three terms. Where the DSL has not entered a year's dates, the
// English default applies: autumn 1 September – 31 December; spring 1 January – Easter Monday (the
// Easter bank holiday weekend is the one part of the Easter holiday every school shares, so it is
// counted in the spring term); summer from the day after Easter Monday to 31 August. So the
// default terms cover the whole year with no gaps: every escalation falls in one term.

export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof termNames)[number];

export const termNameLabels: Readonly<Record<TermName, string>> = {
  autumn: 'Autumn term',
  spring: 'Spring term',
  summer: 'Summer term',
};

/** The earliest and latest school years the app offers (bank holidays are known from 1978). */
export const FIRST_SCHOOL_YEAR = 1990;
export const LAST_SCHOOL_YEAR = 2200;

export interface TermDates {
  /** The year the school year starts in: 2026 for 2026/27. */
  schoolYear: number;
  term: TermName;
  /** First day, 'YYYY-MM-DD' (London calendar date). */
  startsOn: string;
  /** Last day, inclusive. */
  endsOn: string;
  /** True when the DSL entered these dates; false for the English default. */
  entered: boolean;
}

const LONDON = 'Europe/London';

function isoDate(date: DateTime): string {
  const text = date.toISODate();
  if (text === null) throw new Error('Not a valid date.');
  return text;
}

function plusDays(date: string, days: number): string {
  return isoDate(DateTime.fromISO(date, { zone: LONDON }).plus({ days }));
}

/** Easter Monday of a calendar year, from the bank holiday table (Good Friday is a bank holiday in every UK region). */
export function easterMonday(year: number): string {
  const goodFriday = bankHolidays(year, 'england-and-wales').find((holiday) => holiday.name === 'Good Friday');
  if (!goodFriday) throw new Error(`No Good Friday found for ${year}.`);
  return plusDays(goodFriday.date, 3);
}

/** The English default terms of a school year (see the note at the top of this file). */
export function defaultTermDates(schoolYear: number): TermDates[] {
  const next = schoolYear + 1;
  const easter = easterMonday(next);
  return [
    { schoolYear, term: 'autumn', startsOn: `${schoolYear}-09-01`, endsOn: `${schoolYear}-12-31`, entered: false },
    { schoolYear, term: 'spring', startsOn: `${next}-01-01`, endsOn: easter, entered: false },
    { schoolYear, term: 'summer', startsOn: plusDays(easter, 1), endsOn: `${next}-08-31`, entered: false },
  ];
}

/** The school year a calendar date ('YYYY-MM-DD') falls in: September onwards starts a new one. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** '2026/27'. */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear}/${String((schoolYear + 1) % 100).padStart(2, '0')}`;
}

/** 'Autumn term 2026', 'Spring term 2027': named by the calendar year the term starts in. */
export function termLabel(term: Pick<TermDates, 'term' | 'startsOn'>): string {
  return `${termNameLabels[term.term]} ${term.startsOn.slice(0, 4)}`;
}

/** '01/09/2026 to 31/12/2026'. */
export function dateRangeLabel(from: string, to: string): string {
  return `${formatUkDate(from)} to ${formatUkDate(to)}`;
}

/** The first and last day of a school year: 1 September to 31 August. */
export function schoolYearBounds(schoolYear: number): { from: string; to: string } {
  return { from: `${schoolYear}-09-01`, to: `${schoolYear + 1}-08-31` };
}

/** A year's terms: the ones the DSL entered, else the default. Entered dates come as a whole year (all three terms). */
export function termsOfYear(schoolYear: number, entered: readonly Omit<TermDates, 'entered'>[]): TermDates[] {
  const own = termNames.map((name) => entered.find((term) => term.schoolYear === schoolYear && term.term === name));
  if (own.every((term) => term !== undefined)) return own.map((term) => ({ ...term, entered: true }));
  return defaultTermDates(schoolYear);
}

export interface TermDatesIssue {
  /** Which term the problem is with, or null for the year as a whole. */
  term: TermName | null;
  field: 'startsOn' | 'endsOn' | null;
  message: string;
}

/**
 * What is wrong with a year's entered term dates, in words the DSL can act on: every term's first
 * day on or before its last, the three in order without overlapping, all within the school year
 * (1 September to 31 August). Gaps between terms are allowed: they are the holidays.
 */
export function termDatesIssues(schoolYear: number, terms: readonly Pick<TermDates, 'term' | 'startsOn' | 'endsOn'>[]): TermDatesIssue[] {
  // A year the dates can't be laid out in (the schema refuses it too, but its refinement still runs):
  // said as the one problem, never worked out into an invalid date that throws.
  if (!Number.isInteger(schoolYear) || schoolYear < FIRST_SCHOOL_YEAR || schoolYear > LAST_SCHOOL_YEAR) {
    return [
      {
        term: null,
        field: null,
        message: `Choose a school year from ${schoolYearLabel(FIRST_SCHOOL_YEAR)} to ${schoolYearLabel(LAST_SCHOOL_YEAR)}.`,
      },
    ];
  }
  const issues: TermDatesIssue[] = [];
  const bounds = schoolYearBounds(schoolYear);
  const byName = termNames.map((name) => terms.find((term) => term.term === name));
  byName.forEach((term, index) => {
    const name = termNames[index] ?? 'autumn';
    if (!term) {
      issues.push({ term: name, field: null, message: `Enter the dates of the ${termNameLabels[name].toLowerCase()}.` });
      return;
    }
    if (term.startsOn > term.endsOn) {
      issues.push({ term: name, field: 'endsOn', message: `The ${termNameLabels[name].toLowerCase()} cannot end before it starts.` });
    }
    if (term.startsOn < bounds.from || term.endsOn > bounds.to) {
      issues.push({
        term: name,
        field: term.startsOn < bounds.from ? 'startsOn' : 'endsOn',
        message: `The ${termNameLabels[name].toLowerCase()} must fall within the school year ${schoolYearLabel(schoolYear)} (${dateRangeLabel(bounds.from, bounds.to)}).`,
      });
    }
    const before = index > 0 ? byName[index - 1] : undefined;
    if (term && before && term.startsOn <= before.endsOn) {
      issues.push({
        term: name,
        field: 'startsOn',
        message: `The ${termNameLabels[name].toLowerCase()} must start after the ${termNameLabels[termNames[index - 1] ?? 'autumn'].toLowerCase()} ends.`,
      });
    }
  });
  return issues;
}
