import { DateTime } from 'luxon';
import { dateRangeLabel, schoolYearBounds, schoolYearLabel, schoolYearOf, termLabel, type TermDates, type TermName } from './terms';

// What an audit covers: a term, a school year, or any range of dates; and the three terms before it,
// which it is compared with.

export type AuditPeriod =
  { kind: 'term'; schoolYear: number; term: TermName } | { kind: 'year'; schoolYear: number } | { kind: 'range'; from: string; to: string };

export interface ResolvedPeriod {
  /** 'Autumn term 2026', 'School year 2026/27', '01/10/2026 to 15/11/2026'. */
  label: string;
  /** First day, 'YYYY-MM-DD', London. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The terms of a school year (entered or default): supplied by the caller, so this stays pure. */
export type TermsOf = (schoolYear: number) => TermDates[];

const LONDON = 'Europe/London';

export function resolvePeriod(period: AuditPeriod, termsOf: TermsOf): ResolvedPeriod {
  switch (period.kind) {
    case 'term': {
      const term = termsOf(period.schoolYear).find((candidate) => candidate.term === period.term);
      if (!term) throw new Error(`No ${period.term} term in ${period.schoolYear}.`);
      return { label: termLabel(term), from: term.startsOn, to: term.endsOn };
    }
    case 'year': {
      const bounds = schoolYearBounds(period.schoolYear);
      return { label: `School year ${schoolYearLabel(period.schoolYear)}`, ...bounds };
    }
    case 'range':
      return { label: dateRangeLabel(period.from, period.to), from: period.from, to: period.to };
  }
}

function termPeriod(term: TermDates): ResolvedPeriod {
  return { label: termLabel(term), from: term.startsOn, to: term.endsOn };
}

/** The three terms that ended before `date`, oldest first. */
function termsBefore(date: string, termsOf: TermsOf): ResolvedPeriod[] {
  const year = schoolYearOf(date);
  const terms = [year - 2, year - 1, year]
    .flatMap((schoolYear) => termsOf(schoolYear))
    .filter((term) => term.endsOn < date)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return terms.slice(-3).map(termPeriod);
}

/** What the audit is compared with: the three terms before it began (for a school year, the previous year's three), oldest first. */
export function comparisonPeriods(period: AuditPeriod, termsOf: TermsOf): ResolvedPeriod[] {
  return termsBefore(resolvePeriod(period, termsOf).from, termsOf);
}

/** The period's bounds as instants: from the start of its first day to the start of the day after its last, in London. */
export function periodBounds(period: Pick<ResolvedPeriod, 'from' | 'to'>): { startMs: number; endMs: number } {
  const start = DateTime.fromISO(period.from, { zone: LONDON });
  const end = DateTime.fromISO(period.to, { zone: LONDON }).plus({ days: 1 });
  return { startMs: start.toMillis(), endMs: end.toMillis() };
}

/** The term a date falls in, if any (entered terms may leave holidays between them). */
export function termContaining(date: string, termsOf: TermsOf): TermDates | null {
  return termsOf(schoolYearOf(date)).find((term) => term.startsOn <= date && date <= term.endsOn) ?? null;
}

/** The period as a short key for the screen's address: 'term:2026:autumn', 'year:2026', 'range:2026-10-01:2026-11-15'. */
export function periodKey(period: AuditPeriod): string {
  switch (period.kind) {
    case 'term':
      return `term:${period.schoolYear}:${period.term}`;
    case 'year':
      return `year:${period.schoolYear}`;
    case 'range':
      return `range:${period.from}:${period.to}`;
  }
}

/** The period a key names, or null for anything else (the input schema still checks what is sent). */
export function parsePeriodKey(key: string | null): AuditPeriod | null {
  if (!key) return null;
  const [kind, first = '', second = ''] = key.split(':');
  const year = Number(first);
  if (kind === 'term' && Number.isInteger(year) && (second === 'autumn' || second === 'spring' || second === 'summer')) {
    return { kind: 'term', schoolYear: year, term: second };
  }
  if (kind === 'year' && Number.isInteger(year) && first !== '') return { kind: 'year', schoolYear: year };
  if (kind === 'range' && /^\d{4}-\d{2}-\d{2}$/.test(first) && /^\d{4}-\d{2}-\d{2}$/.test(second))
    return { kind: 'range', from: first, to: second };
  return null;
}
