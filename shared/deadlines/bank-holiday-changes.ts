import type { Region } from './types';

// One-off changes to the bank holiday rules, by royal proclamation. The rules in bank-holidays.ts
// give every ordinary year; this table is the only place that knows about exceptions, so a new
// proclamation is one line here.

/** The rule-based holidays a proclamation can move. */
export type HolidayKey =
  | 'new-year'
  | 'second-january'
  | 'st-patrick'
  | 'good-friday'
  | 'easter-monday'
  | 'early-may'
  | 'spring'
  | 'boyne'
  | 'summer'
  | 'st-andrew'
  | 'christmas'
  | 'boxing-day';

export interface HolidayMove {
  kind: 'move';
  regions: readonly Region[];
  year: number;
  holiday: HolidayKey;
  /** The new date, 'YYYY-MM-DD'. */
  to: string;
  /** The name it is published under after the move, if different. */
  name?: string;
}

interface HolidayAddition {
  kind: 'add';
  regions: readonly Region[];
  date: string;
  name: string;
}

type HolidayChange = HolidayMove | HolidayAddition;

const wholeUk: readonly Region[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export const bankHolidayChanges: readonly HolidayChange[] = [
  {
    kind: 'add',
    regions: wholeUk,
    date: '1981-07-29',
    name: 'Wedding of the Prince of Wales and Lady Diana Spencer',
  },
  {
    kind: 'move',
    regions: wholeUk,
    year: 1995,
    holiday: 'early-may',
    to: '1995-05-08',
    name: 'Early May bank holiday (VE Day)',
  },
  { kind: 'add', regions: wholeUk, date: '1999-12-31', name: 'Millennium bank holiday' },
  { kind: 'move', regions: wholeUk, year: 2002, holiday: 'spring', to: '2002-06-04' },
  { kind: 'add', regions: wholeUk, date: '2002-06-03', name: "Queen's Golden Jubilee" },
  { kind: 'add', regions: wholeUk, date: '2011-04-29', name: 'Royal wedding' },
  { kind: 'move', regions: wholeUk, year: 2012, holiday: 'spring', to: '2012-06-04' },
  { kind: 'add', regions: wholeUk, date: '2012-06-05', name: "Queen's Diamond Jubilee" },
  {
    kind: 'move',
    regions: wholeUk,
    year: 2020,
    holiday: 'early-may',
    to: '2020-05-08',
    name: 'Early May bank holiday (VE Day)',
  },
  { kind: 'move', regions: wholeUk, year: 2022, holiday: 'spring', to: '2022-06-02' },
  { kind: 'add', regions: wholeUk, date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  {
    kind: 'add',
    regions: wholeUk,
    date: '2022-09-19',
    name: 'State Funeral of Queen Elizabeth II',
  },
  { kind: 'add', regions: wholeUk, date: '2023-05-08', name: 'Coronation of King Charles III' },
  { kind: 'add', regions: ['scotland'], date: '2026-06-15', name: 'FIFA World Cup bank holiday' },
];
