// The deadline calculator's public face: import from 'shared/deadlines', never from its files.

export type { Calendar, DueByResult, Region, Rule } from './types';
export { regionLabels, regions } from './types';
export { DeadlineInputError } from './errors';
export { dueBy } from './due-by';
export { isWorkingDay } from './working-days';
export { bankHolidays } from './bank-holidays';
export { formatLondonFileStamp, formatUkDate, formatUkDateTime, formatUkDueBy } from './uk-format';
/** '1 working day', '3 escalations': the count and its noun, as every explanation and report writes them. */
export { plural } from './explanation';
export { deadlineState, withState } from './deadline-state';
export type { Deadline, DeadlineState } from './deadline-state';
export { dueWindowBounds, dueWindowFrom } from './due-windows';
export type { DueWindow, DueWindowBounds } from './due-windows';
export { dueByEndOf } from './agreed-date';
export { londonDateOf } from './london-date';
/** An instant as every time is stored: ISO 8601 at London's offset, with milliseconds. */
export { isoInLondon } from './day-words';
export {
  timescales,
  timescaleIds,
  timescaleRule,
  timescaleSource,
  timescaleSourceWords,
  dueByTimescale,
  WORKING_TOGETHER_2023,
} from './timescales';
export type { TimescaleId } from './timescales';
export { whoseDays } from './whose-days';
export type { Whose, WhoseDays } from './whose-days';
export { MAX_HOURS, MAX_MONTHS, MAX_WORKING_DAYS, MAX_WORKING_WEEKS } from './validation';
