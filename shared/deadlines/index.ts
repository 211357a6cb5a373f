// The deadline calculator's public face: import from 'shared/deadlines', never from its files.

export type { Calendar, Region, Rule } from './types';
export { regionLabels, regions } from './types';
export { DeadlineInputError } from './errors';
export { dueBy } from './due-by';
export { isWorkingDay } from './working-days';
export { bankHolidays } from './bank-holidays';
export { formatUkDate, formatUkDateTime, formatUkDueBy } from './uk-format';
export { deadlineState, withState } from './deadline-state';
export type { Deadline, DeadlineState } from './deadline-state';
export { dueWindowFrom } from './due-windows';
export type { DueWindow } from './due-windows';
export { dueByEndOf } from './agreed-date';
export { londonDateOf } from './london-date';
export { timescales, timescaleIds, timescaleRule, dueByTimescale } from './timescales';
export type { TimescaleId, TimescaleOverrides } from './timescales';
export { MAX_HOURS, MAX_MONTHS, MAX_WORKING_DAYS, MAX_WORKING_WEEKS } from './validation';
