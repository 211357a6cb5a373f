// The deadline calculator's public face: import from 'shared/deadlines', never from its files.

export type { BankHoliday, Calendar, DueByOptions, DueByResult, Region, Rule, RuleKind } from './types';
export { regionLabels, regions } from './types';
export { DeadlineInputError } from './errors';
export { dueBy } from './due-by';
export { isWorkingDay } from './working-days';
export { bankHolidays, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
export { formatUkDate, formatUkDateTime, formatUkDueBy } from './uk-format';
export { deadlineState, withState } from './deadline-state';
export type { Deadline, DeadlineState, OwedDeadlineState } from './deadline-state';
export { dueWindowFrom } from './due-windows';
export type { DueWindow } from './due-windows';
export { dueByEndOf } from './agreed-date';
export { timescales, timescaleIds, timescaleRule, dueByTimescale } from './timescales';
export type { Timescale, TimescaleId, TimescaleOverrides } from './timescales';
