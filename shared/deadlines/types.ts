// The public vocabulary of the deadline calculator. Other parts of the app import these from
// `shared/deadlines`; keep them small and serialisable (they cross IPC and are stored in settings).

export const regions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof regions)[number];
export const regionLabels: Record<Region, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export function isRegion(value: unknown): value is Region {
  return regions.some((region) => region === value);
}

export type Rule =
  | { kind: 'working-days'; days: number }
  | { kind: 'working-weeks'; weeks: number }
  | { kind: 'same-day' }
  | { kind: 'hours'; hours: number }
  | { kind: 'months'; months: number };

export interface Calendar {
  region: Region;
  /**
   * The setting's own closure days (INSET days, snow days …), each 'YYYY-MM-DD'. Parsed once per
   * array and remembered; freeze the array (as settings should be) and repeat calls skip even the
   * check that it hasn't been changed in place.
   */
  extraClosures?: readonly string[];
}

export interface DueByOptions {
  /** The noun phrase that starts the explanation, e.g. 'Referral received'. Defaults to 'Event'. */
  eventLabel?: string;
  /**
   * Whose working days a working-day timescale is counted in, in words (see whose-days.ts): the
   * explanation's second line, so the date always says which calendar it was worked out on.
   */
  calendarLabel?: string;
}

export interface DueByResult {
  /** The deadline instant, ISO 8601 in London's offset with milliseconds, e.g. '2026-12-29T23:59:59.000+00:00'. */
  dueAt: string;
  /** The deadline's date in London, 'YYYY-MM-DD'. */
  dueDate: string;
  /** The working in plain English, one step a line; the last line names the due date. */
  explanation: string[];
}

export interface BankHoliday {
  date: string;
  name: string;
}
