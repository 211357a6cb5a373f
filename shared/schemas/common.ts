import { DateTime } from 'luxon';
import { z } from 'zod';
import { passphraseStrength } from '../people/passphrase-strength';

// Field schemas shared by every form and every API input. Messages are what the DSL reads beside
// the field, so they say what to do, in plain English.

export const LONDON = 'Europe/London';

/** An id issued by the core (a UUID). */
export const idSchema = z.uuid({ message: 'This record could not be identified.' });

/** A person's full name: safeguarding records use full names, never initials. */
export function fullNameSchema(what: string) {
  return z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .max(120, { message: `${capitalise(what)} must be 120 characters or fewer.` })
    .refine((value) => value.split(/\s+/).filter((part) => part.replace(/[.\-']/g, '').length > 1).length >= 2, {
      message: `Enter ${what} in full (first and last name, not initials).`,
    });
}

export function requiredText(what: string, max = 200) {
  return z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .max(max, { message: `${capitalise(what)} must be ${max} characters or fewer.` });
}

export function optionalText(what: string, max = 200) {
  return z
    .string()
    .trim()
    .max(max, { message: `${capitalise(what)} must be ${max} characters or fewer.` })
    .optional()
    .transform((value) => (value === undefined || value === '' ? null : value));
}

/** A calendar date as 'YYYY-MM-DD' that really exists. */
export function isoDateSchema(what: string) {
  return z
    .string({ message: `Enter ${what}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter ${what} as a full date.` })
    .refine((value) => DateTime.fromISO(value, { zone: LONDON }).isValid, {
      message: `${capitalise(what)} must be a real date.`,
    });
}

/** An instant as ISO 8601 with an offset, e.g. '2026-11-23T09:30:00.000+00:00'. */
export function isoInstantSchema(what: string) {
  return z
    .string({ message: `Enter ${what}.` })
    .max(40, { message: `${capitalise(what)} is too long to be a date and time.` })
    .refine((value) => /([+-]\d{2}:\d{2}|Z)$/.test(value) && DateTime.fromISO(value, { setZone: true }).isValid, {
      message: `${capitalise(what)} must be a date and time.`,
    });
}

/**
 * A new passphrase: long enough, and hard enough to guess (shared/people/passphrase-strength.ts),
 * with the reason when it is not. Checked by the core and, as it is typed, by the screens.
 */
export const passphraseSchema = z
  .string({ message: 'Enter a passphrase.' })
  .min(12, { message: 'Use at least 12 characters: three random words is a good passphrase.' })
  .max(200, { message: 'The passphrase must be 200 characters or fewer.' })
  .superRefine((value, ctx) => {
    // Only once the length is right: one message at a time, and never an estimate of a huge input.
    if (value.length < 12 || value.length > 200) return;
    const strength = passphraseStrength(value);
    if (strength.problem) ctx.addIssue({ code: 'custom', message: strength.problem });
  });

export const emptyInput = z.object({}).strict();

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
