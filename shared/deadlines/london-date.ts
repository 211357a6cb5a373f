import { isoDateFromDayNumber } from './civil-date';
import { DeadlineInputError } from './errors';
import { parseIsoInstant } from './iso-instant';
import { londonDayNumber } from './london-time';

// Which day an instant was in the UK, whatever the computer's own zone: an action agreed at 00:30
// BST on 1 June was agreed on 1 June, though it was still 31 May in UTC.

/** The London calendar date ('YYYY-MM-DD') of an ISO 8601 date-time with an offset. */
export function londonDateOf(iso: string): string {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new DeadlineInputError('iso', parsed.reason);
  return isoDateFromDayNumber(londonDayNumber(parsed.ms));
}
