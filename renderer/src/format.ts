import { DateTime } from 'luxon';

// Every date a person reads: UK format, Europe/London, whatever the computer's own zone.

const LONDON = 'Europe/London';

export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(LONDON);
  return date.isValid ? date.toFormat('dd/MM/yyyy') : iso;
}

export function ukDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(LONDON);
  return date.isValid ? date.toFormat('dd/MM/yyyy HH:mm') : iso;
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

/** The value of a datetime-local input ('YYYY-MM-DDTHH:mm', London time) as an ISO instant. */
export function londonInputToIso(value: string): string {
  if (!value) return '';
  const date = DateTime.fromISO(value, { zone: LONDON });
  return date.isValid ? (date.toISO() ?? '') : value;
}

export function nowLondonInput(): string {
  return DateTime.now().setZone(LONDON).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function todayLondon(): string {
  return DateTime.now().setZone(LONDON).toFormat('yyyy-MM-dd');
}
