import { dayWords } from './day-words';
import { formatLongDay } from './explanation';
import type { DueByResult } from './types';
import { validateIsoDate } from './validation';

// A date people agreed, rather than a timescale counted from an event: an agreed action "by
// Friday" is due by the end of that Friday in London (23:59:59), as the other deadlines are by the
// end of their last day. The date is kept as agreed even on a weekend or bank holiday: the people
// who agreed it chose the day, and no policy moves it.

/** Due by the end of `date` ('YYYY-MM-DD') in London, with its working in words. */
export function dueByEndOf(date: string): DueByResult {
  const day = validateIsoDate(date, 'date');
  const words = dayWords(day);
  return {
    dueAt: words.endOfDayAt,
    dueDate: words.isoDate,
    explanation: [`Agreed to be done by the end of ${formatLongDay(day)}`],
  };
}
