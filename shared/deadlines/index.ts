// The deadline calculator's public face: import from 'shared/deadlines', never from its files.

export type { BankHoliday, Calendar, DueByOptions, DueByResult, Region, Rule, RuleKind } from './types';
export { regions } from './types';
export { DeadlineInputError } from './errors';
export { dueBy } from './due-by';
export { isWorkingDay } from './working-days';
export { bankHolidays, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
export { formatUkDate, formatUkDateTime } from './uk-format';
export { timescales, timescaleIds, timescaleRule, dueByTimescale } from './timescales';
export type { Timescale, TimescaleId, TimescaleOverrides } from './timescales';
