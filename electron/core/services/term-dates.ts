import type { z } from 'zod';
import type { defaultTermDatesInput, saveTermDatesInput, SchoolYearTerms, TermDatesView } from '../../../shared/termly-audit/schemas';
import { schoolYearLabel, schoolYearOf, termLabel, termsOfYear, type TermDates } from '../../../shared/termly-audit/terms';
import { termContaining, type TermsOf } from '../../../shared/termly-audit/periods';
import { formatUkDate } from '../../../shared/deadlines';
import { ApiFailure } from '../../../shared/result';
import { deleteTermDates, earliestRecordDate, listEnteredTermDates, replaceTermDates } from '../../../db/queries/term-dates';
import type { ReadExecutor } from '../../../db/queries/executor';
import { audit, nowIso, type ReadContext, type ServiceContext } from './context';

// The setting's term dates, which the termly audit counts by. A year the DSL has not entered follows
// the English default (shared/termly-audit/terms.ts); entering a year replaces the default for it,
// and "use the default" removes what was entered. Every change is in the audit log.

/** The terms of any school year, as entered or by default, read once per call. */
export async function termsOfSetting(db: ReadExecutor): Promise<TermsOf> {
  const entered = (await listEnteredTermDates(db)).map((row) => ({
    schoolYear: row.school_year,
    term: row.term,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  }));
  const cache = new Map<number, TermDates[]>();
  return (schoolYear) => {
    let terms = cache.get(schoolYear);
    if (!terms) {
      terms = termsOfYear(schoolYear, entered);
      cache.set(schoolYear, terms);
    }
    return terms;
  };
}

function londonToday(now: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(now),
  );
}

export async function getTermDates(ctx: ReadContext): Promise<TermDatesView> {
  const termsOf = await termsOfSetting(ctx.db);
  const today = londonToday(nowIso(ctx.clock));
  const current = schoolYearOf(today);
  const earliest = await earliestRecordDate(ctx.db);
  const first = Math.min(current - 1, earliest ? schoolYearOf(londonToday(earliest)) : current - 1);
  const years: SchoolYearTerms[] = [];
  for (let year = current + 1; year >= first; year -= 1) {
    const terms = termsOf(year);
    years.push({
      schoolYear: year,
      label: schoolYearLabel(year),
      entered: terms.every((term) => term.entered),
      terms: terms.map((term) => ({ ...term, label: termLabel(term) })),
    });
  }
  const currentTerm = termContaining(today, termsOf);
  return {
    currentSchoolYear: current,
    currentTerm: currentTerm ? { schoolYear: currentTerm.schoolYear, term: currentTerm.term } : null,
    years,
  };
}

export async function saveTermDates(ctx: ServiceContext, input: z.output<typeof saveTermDatesInput>): Promise<TermDatesView> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await replaceTermDates(
      trx,
      input.schoolYear,
      input.terms.map((term) => ({
        school_year: input.schoolYear,
        term: term.term,
        starts_on: term.startsOn,
        ends_on: term.endsOn,
        set_by: ctx.user.id,
        set_at: at,
      })),
    );
    const words = input.terms.map((term) => `${term.term} ${formatUkDate(term.startsOn)} to ${formatUkDate(term.endsOn)}`).join('; ');
    await audit(trx, ctx, 'settings.terms.saved', null, `Entered the term dates of ${schoolYearLabel(input.schoolYear)}: ${words}`);
  });
  return getTermDates(ctx);
}

export async function useDefaultTermDates(ctx: ServiceContext, input: z.output<typeof defaultTermDatesInput>): Promise<TermDatesView> {
  await ctx.db.transaction().execute(async (trx) => {
    if ((await deleteTermDates(trx, input.schoolYear)) === 0) {
      throw new ApiFailure('conflict', `The school year ${schoolYearLabel(input.schoolYear)} already follows the default term dates.`);
    }
    await audit(
      trx,
      ctx,
      'settings.terms.default',
      null,
      `The school year ${schoolYearLabel(input.schoolYear)} now follows the default term dates`,
    );
  });
  return getTermDates(ctx);
}
