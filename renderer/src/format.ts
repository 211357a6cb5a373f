import { DateTime } from 'luxon';
import { formatUkDate, formatUkDateTime } from '../../shared/deadlines';

// Every date a person reads: UK format, Europe/London, whatever the computer's own zone. Plain
// dates and date-times are written by the one UK formatter in shared/deadlines (the PDFs use it
// too, so the screen and the printed copy never differ); what is here is only what the screens
// need besides: deadlines with their weekday, ages, and the current time for a form's "When".

const LONDON = 'Europe/London';

/**
 * A value the core sent that is not a date is shown as it came, rather than taking the whole
 * screen down with it: the formatter refuses what it cannot read.
 */
function orAsGiven(iso: string, format: (iso: string) => string): string {
  try {
    return format(iso);
  } catch {
    return iso;
  }
}

/** 'dd/MM/yyyy' in London; '' for no date. */
export function ukDate(iso: string | null | undefined): string {
  return iso ? orAsGiven(iso, formatUkDate) : '';
}

/** 'dd/MM/yyyy HH:mm' in London; '' for no date. */
export function ukDateTime(iso: string | null | undefined): string {
  return iso ? orAsGiven(iso, formatUkDateTime) : '';
}

/** 'end of Tue 24/11/2026', or 'Tue 24/11/2026 17:00': for deadlines, where the weekday matters. */
export function ukDeadline(iso: string): string {
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(LONDON);
  if (!date.isValid) return iso;
  return date.hour === 23 && date.minute === 59 ? `end of ${date.toFormat('ccc dd/MM/yyyy')}` : date.toFormat('ccc dd/MM/yyyy HH:mm');
}

export function ageOn(dateOfBirth: string, now = DateTime.now().setZone(LONDON)): string {
  const dob = DateTime.fromISO(dateOfBirth, { zone: LONDON });
  if (!dob.isValid) return '';
  const years = Math.floor(now.diff(dob, 'years').years);
  if (years >= 2) return `${years} years`;
  const months = Math.floor(now.diff(dob, 'months').months);
  return `${months} months`;
}

/**
 * Now in London, to the minute, as an ISO instant with its offset: the default "When" of a form,
 * taken when the form is opened (the date and time fields show minutes, so seconds would only be
 * a hidden difference between what is shown and what is saved).
 */
export function nowToTheMinute(): string {
  return DateTime.now().setZone(LONDON).startOf('minute').toISO() ?? '';
}
