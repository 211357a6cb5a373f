import { DateTime } from 'luxon';
import { z } from 'zod';
import { FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, termDatesIssues, termNames, type TermDates } from './terms';

// The inputs of the term-dates and termly-audit methods of the API, and the views they answer with.

const LONDON = 'Europe/London';

function dateSchema(what: string) {
  return z
    .string({ message: `Enter ${what}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter ${what} as a full date.` })
    .refine((value) => DateTime.fromISO(value, { zone: LONDON }).isValid, { message: `Enter ${what} as a real date.` });
}

export const schoolYearSchema = z
  .number({ message: 'Choose a school year.' })
  .int({ message: 'Choose a school year.' })
  .min(FIRST_SCHOOL_YEAR, {
    message: `Choose a school year from ${FIRST_SCHOOL_YEAR}/${String((FIRST_SCHOOL_YEAR + 1) % 100).padStart(2, '0')} on.`,
  })
  .max(LAST_SCHOOL_YEAR, { message: 'Choose an earlier school year.' });

export const termNameSchema = z.enum(termNames, { message: 'Choose autumn, spring or summer.' });

const MAX_RANGE_DAYS = 366 * 5;

export const auditPeriodSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('term'), schoolYear: schoolYearSchema, term: termNameSchema }).strict(),
    z.object({ kind: z.literal('year'), schoolYear: schoolYearSchema }).strict(),
    z
      .object({ kind: z.literal('range'), from: dateSchema('the first day'), to: dateSchema('the last day') })
      .strict()
      .refine((range) => range.from <= range.to, { path: ['to'], message: 'The last day cannot be before the first.' })
      .refine(
        (range) =>
          DateTime.fromISO(range.to, { zone: LONDON }).diff(DateTime.fromISO(range.from, { zone: LONDON }), 'days').days <= MAX_RANGE_DAYS,
        { path: ['to'], message: 'Audit at most five years at a time.' },
      )
      .refine((range) => range.from >= `${FIRST_SCHOOL_YEAR}-09-01`, {
        path: ['from'],
        message: `Start on or after 01/09/${FIRST_SCHOOL_YEAR}.`,
      }),
  ],
  { message: 'Choose a term, a school year or a range of dates.' },
);

export const runTermlyAuditInput = z.object({ period: auditPeriodSchema }).strict();

/**
 * The records check (the audit log's chain, its protections, every stored document's bytes): the
 * same whatever period is audited, so it asks for nothing; its own call, so the figures need not wait for it.
 */
export const recordsCheckInput = z.object({}).strict();

export const termlyAuditDocumentInput = z
  .object({
    period: auditPeriodSchema,
    /** For a governors' pack: children's initials and record references instead of their names. */
    leaveOutNames: z.boolean({ message: 'Say whether to leave children’s names out.' }),
  })
  .strict();

export const saveTermDatesInput = z
  .object({
    schoolYear: schoolYearSchema,
    terms: z
      .array(
        z
          .object({ term: termNameSchema, startsOn: dateSchema('the first day of term'), endsOn: dateSchema('the last day of term') })
          .strict(),
      )
      .length(3, { message: 'Enter all three terms.' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    // A year refused above is said once, beside the year: the dates can't be checked against it.
    if (!schoolYearSchema.safeParse(value.schoolYear).success) return;
    for (const issue of termDatesIssues(value.schoolYear, value.terms)) {
      const index = value.terms.findIndex((term) => term.term === issue.term);
      ctx.addIssue({
        code: 'custom',
        path: index >= 0 ? ['terms', index, ...(issue.field ? [issue.field] : [])] : ['terms'],
        message: issue.message,
      });
    }
  });

export const defaultTermDatesInput = z.object({ schoolYear: schoolYearSchema }).strict();

/** A school year's terms as Settings and the Audit screen show them. */
export interface SchoolYearTerms {
  schoolYear: number;
  /** '2026/27'. */
  label: string;
  /** True when the DSL entered this year's dates; false for the English default. */
  entered: boolean;
  terms: (TermDates & { label: string })[];
}

export interface TermDatesView {
  /** The school year today falls in. */
  currentSchoolYear: number;
  /** The term today falls in, if any. */
  currentTerm: { schoolYear: number; term: (typeof termNames)[number] } | null;
  /** From the earliest year with records (or last year) to next year, newest first. */
  years: SchoolYearTerms[];
}

/** A stored termly-audit PDF, for the list on the Audit screen. */
export interface TermlyAuditDocumentSummary {
  id: string;
  title: string;
  createdAt: string;
  createdBy: string;
}
