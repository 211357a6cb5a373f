import { DateTime } from 'luxon';

/** London wall-clock time `minutes` ago, as a datetime-local field takes it. */
export function minutesAgo(minutes: number): string {
  return DateTime.now().setZone('Europe/London').minus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function daysAgo(days: number, at = '09:30'): string {
  return `${DateTime.now().setZone('Europe/London').minus({ days }).toFormat('yyyy-MM-dd')}T${at}`;
}
