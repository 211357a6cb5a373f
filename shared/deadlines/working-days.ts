import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, holidaysOfYear } from './bank-holidays';
import type { HolidayEntry } from './bank-holidays';
import { civilFromDayNumber, dayNumberFromCivil, isWeekend } from './civil-date';
import { DeadlineInputError } from './errors';
import type { Calendar } from './types';
import { validateCalendar, validateIsoDate } from './validation';
import type { ResolvedCalendar } from './validation';

// Which days are working days: Monday to Friday, not a bank holiday of the calendar's region, not
// one of the setting's extra closure days. The reason a day is not a working day is kept, because
// every deadline explains the days it skipped.

export interface NonWorkingDay {
  readonly kind: 'weekend' | 'bank-holiday' | 'closure';
  /** The explanation's wording, e.g. 'weekend', 'Christmas Day (bank holiday)'. */
  readonly description: string;
}

const weekend: NonWorkingDay = Object.freeze({ kind: 'weekend', description: 'weekend' });
const closure: NonWorkingDay = Object.freeze({
  kind: 'closure',
  description: 'setting closed (extra closure day)',
});

const noHolidays: ReadonlyMap<number, HolidayEntry> = new Map();

/**
 * Answers "is this a working day, and if not why?" for consecutive days without re-deriving the
 * year's holidays each time: it keeps the current year's table and moves on when the day leaves it.
 */
export class WorkingDayClassifier {
  private readonly calendar: ResolvedCalendar;
  private yearStart = 0;
  private yearEnd = 0;
  private holidays: ReadonlyMap<number, HolidayEntry> = noHolidays;

  constructor(calendar: ResolvedCalendar) {
    this.calendar = calendar;
  }

  /** Undefined for a working day; otherwise why not (weekend first, then bank holiday, then closure). */
  reasonNotWorking(day: number): NonWorkingDay | undefined {
    if (isWeekend(day)) return weekend;
    if (day < this.yearStart || day >= this.yearEnd) this.loadYearOf(day);
    const holiday = this.holidays.get(day);
    if (holiday !== undefined) return holiday;
    if (this.calendar.closures.has(day)) return closure;
    return undefined;
  }

  isWorking(day: number): boolean {
    return this.reasonNotWorking(day) === undefined;
  }

  private loadYearOf(day: number): void {
    const { year } = civilFromDayNumber(day);
    this.yearStart = dayNumberFromCivil(year, 1, 1);
    this.yearEnd = dayNumberFromCivil(year + 1, 1, 1);
    this.holidays = holidaysOfYear(year, this.calendar.region).byDay;
  }
}

/** Whether a 'YYYY-MM-DD' date is a working day in the given calendar. */
export function isWorkingDay(date: string, calendar: Calendar): boolean {
  const day = validateIsoDate(date, 'date');
  const { year } = civilFromDayNumber(day);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new DeadlineInputError('date', `must fall between ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR} (got ${date})`);
  }
  return new WorkingDayClassifier(validateCalendar(calendar)).isWorking(day);
}
