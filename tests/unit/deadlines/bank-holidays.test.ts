import { describe, expect, it } from 'vitest';
import { DeadlineInputError, bankHolidays, isWorkingDay } from '../../../shared/deadlines';
import type { Region } from '../../../shared/deadlines';
import { callUnchecked } from './call-unchecked';

// Expected lists are written out literally: 2018–2026 as GOV.UK published them, 2027–2030 from the
// rules. The calculator must derive them from rules, so these are independent evidence.

const englandAndWales: Record<number, [string, string][]> = {
  2018: [
    ['2018-01-01', "New Year's Day"],
    ['2018-03-30', 'Good Friday'],
    ['2018-04-02', 'Easter Monday'],
    ['2018-05-07', 'Early May bank holiday'],
    ['2018-05-28', 'Spring bank holiday'],
    ['2018-08-27', 'Summer bank holiday'],
    ['2018-12-25', 'Christmas Day'],
    ['2018-12-26', 'Boxing Day'],
  ],
  2019: [
    ['2019-01-01', "New Year's Day"],
    ['2019-04-19', 'Good Friday'],
    ['2019-04-22', 'Easter Monday'],
    ['2019-05-06', 'Early May bank holiday'],
    ['2019-05-27', 'Spring bank holiday'],
    ['2019-08-26', 'Summer bank holiday'],
    ['2019-12-25', 'Christmas Day'],
    ['2019-12-26', 'Boxing Day'],
  ],
  2020: [
    ['2020-01-01', "New Year's Day"],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-05-08', 'Early May bank holiday (VE Day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-08-31', 'Summer bank holiday'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day (substitute day)'],
  ],
  2021: [
    ['2021-01-01', "New Year's Day"],
    ['2021-04-02', 'Good Friday'],
    ['2021-04-05', 'Easter Monday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-08-30', 'Summer bank holiday'],
    ['2021-12-27', 'Christmas Day (substitute day)'],
    ['2021-12-28', 'Boxing Day (substitute day)'],
  ],
  2022: [
    ['2022-01-03', "New Year's Day (substitute day)"],
    ['2022-04-15', 'Good Friday'],
    ['2022-04-18', 'Easter Monday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-08-29', 'Summer bank holiday'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day (substitute day)'],
  ],
  2023: [
    ['2023-01-02', "New Year's Day (substitute day)"],
    ['2023-04-07', 'Good Friday'],
    ['2023-04-10', 'Easter Monday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-08-28', 'Summer bank holiday'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
  ],
  2024: [
    ['2024-01-01', "New Year's Day"],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-08-26', 'Summer bank holiday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
  ],
  2025: [
    ['2025-01-01', "New Year's Day"],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
  ],
  2026: [
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
  ],
  2027: [
    ['2027-01-01', "New Year's Day"],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ],
  2028: [
    ['2028-01-03', "New Year's Day (substitute day)"],
    ['2028-04-14', 'Good Friday'],
    ['2028-04-17', 'Easter Monday'],
    ['2028-05-01', 'Early May bank holiday'],
    ['2028-05-29', 'Spring bank holiday'],
    ['2028-08-28', 'Summer bank holiday'],
    ['2028-12-25', 'Christmas Day'],
    ['2028-12-26', 'Boxing Day'],
  ],
  2029: [
    ['2029-01-01', "New Year's Day"],
    ['2029-03-30', 'Good Friday'],
    ['2029-04-02', 'Easter Monday'],
    ['2029-05-07', 'Early May bank holiday'],
    ['2029-05-28', 'Spring bank holiday'],
    ['2029-08-27', 'Summer bank holiday'],
    ['2029-12-25', 'Christmas Day'],
    ['2029-12-26', 'Boxing Day'],
  ],
  2030: [
    ['2030-01-01', "New Year's Day"],
    ['2030-04-19', 'Good Friday'],
    ['2030-04-22', 'Easter Monday'],
    ['2030-05-06', 'Early May bank holiday'],
    ['2030-05-27', 'Spring bank holiday'],
    ['2030-08-26', 'Summer bank holiday'],
    ['2030-12-25', 'Christmas Day'],
    ['2030-12-26', 'Boxing Day'],
  ],
};

function pairs(year: number, region: Region): [string, string][] {
  return bankHolidays(year, region).map((h) => [h.date, h.name]);
}

function dates(year: number, region: Region): string[] {
  return bankHolidays(year, region).map((h) => h.date);
}

describe('England and Wales bank holidays 2018–2030', () => {
  it.each(Object.entries(englandAndWales))('%s matches the published list', (year, expected) => {
    expect(pairs(Number(year), 'england-and-wales')).toEqual(expected);
  });

  it('matches the GOV.UK 2020 list quoted in the brief', () => {
    expect(dates(2020, 'england-and-wales')).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
  });
});

describe('substitute days', () => {
  it.each([
    // Christmas Friday: Boxing Day (Saturday) moves to Monday 28th.
    [2020, ['2020-12-25', '2020-12-28']],
    // Christmas Saturday: 27th is Christmas's substitute, 28th Boxing Day's.
    [2021, ['2021-12-27', '2021-12-28']],
    // Christmas Sunday: Boxing Day keeps Monday 26th, Christmas moves to Tuesday 27th.
    [2022, ['2022-12-26', '2022-12-27']],
    [2026, ['2026-12-25', '2026-12-28']],
    [2027, ['2027-12-27', '2027-12-28']],
  ])('Christmas %i', (year, expected) => {
    expect(dates(year, 'england-and-wales').filter((d) => d.slice(5, 7) === '12')).toEqual(expected);
  });

  it('names Christmas substitutes as GOV.UK does', () => {
    expect(pairs(2022, 'england-and-wales').slice(-2)).toEqual([
      ['2022-12-26', 'Boxing Day'],
      ['2022-12-27', 'Christmas Day (substitute day)'],
    ]);
    expect(pairs(2021, 'england-and-wales').slice(-2)).toEqual([
      ['2021-12-27', 'Christmas Day (substitute day)'],
      ['2021-12-28', 'Boxing Day (substitute day)'],
    ]);
  });

  it.each([
    [2022, ['2022-01-03', "New Year's Day (substitute day)"]], // Saturday → Monday 3rd
    [2023, ['2023-01-02', "New Year's Day (substitute day)"]], // Sunday → Monday 2nd
    [2028, ['2028-01-03', "New Year's Day (substitute day)"]], // Saturday → Monday 3rd
  ])("New Year's Day %i", (year, expected) => {
    expect(pairs(year, 'england-and-wales')[0]).toEqual(expected);
  });

  it('makes the substitute days non-working and the weekend dates plain weekends', () => {
    const calendar = { region: 'england-and-wales' } as const;
    expect(isWorkingDay('2022-01-03', calendar)).toBe(false);
    expect(isWorkingDay('2022-01-04', calendar)).toBe(true);
    expect(isWorkingDay('2027-12-29', calendar)).toBe(true);
    expect(isWorkingDay('2027-12-28', calendar)).toBe(false);
  });
});

describe('Easter either side of a month end', () => {
  it.each([
    [2024, ['2024-03-29', '2024-04-01']], // Easter Sunday 31 March
    [2018, ['2018-03-30', '2018-04-02']], // Easter Sunday 1 April
    [2029, ['2029-03-30', '2029-04-02']], // Easter Sunday 1 April
    [2027, ['2027-03-26', '2027-03-29']], // Easter Sunday 28 March
    [2038, ['2038-04-23', '2038-04-26']], // latest Easter this century: 25 April
    [2285, ['2285-03-20', '2285-03-23']], // earliest possible Easter: 22 March
  ])('%i', (year, expected) => {
    const easter = bankHolidays(year, 'england-and-wales').filter((h) => h.name === 'Good Friday' || h.name === 'Easter Monday');
    expect(easter.map((h) => h.date)).toEqual(expected);
  });
});

describe('one-off changes', () => {
  it.each([
    ['2011-04-29', 'Royal wedding'],
    ['2012-06-04', 'Spring bank holiday'],
    ['2012-06-05', "Queen's Diamond Jubilee"],
    ['2020-05-08', 'Early May bank holiday (VE Day)'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
  ])('%s is %s in every region', (date, name) => {
    for (const region of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      expect(pairs(Number(date.slice(0, 4)), region)).toContainEqual([date, name]);
    }
  });

  it('removes the rule dates that were moved', () => {
    expect(dates(2020, 'england-and-wales')).not.toContain('2020-05-04');
    expect(dates(2022, 'england-and-wales')).not.toContain('2022-05-30');
    expect(dates(2012, 'england-and-wales')).not.toContain('2012-05-28');
  });

  it('keeps 15 June 2026 to Scotland', () => {
    expect(dates(2026, 'england-and-wales')).not.toContain('2026-06-15');
    expect(dates(2026, 'northern-ireland')).not.toContain('2026-06-15');
  });
});

describe('Scotland', () => {
  it('2026, with the FIFA World Cup holiday', () => {
    expect(pairs(2026, 'scotland')).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-02', '2nd January'],
      ['2026-04-03', 'Good Friday'],
      ['2026-05-04', 'Early May bank holiday'],
      ['2026-05-25', 'Spring bank holiday'],
      ['2026-06-15', 'FIFA World Cup bank holiday'],
      ['2026-08-03', 'Summer bank holiday'],
      ['2026-11-30', "St Andrew's Day"],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-28', 'Boxing Day (substitute day)'],
    ]);
  });

  it('has no Easter Monday and its summer holiday on the first Monday of August', () => {
    expect(dates(2025, 'scotland')).not.toContain('2025-04-21');
    expect(dates(2025, 'scotland')).toContain('2025-08-04');
    expect(dates(2025, 'scotland')).not.toContain('2025-08-25');
  });

  it.each([
    [2024, ['2024-12-02', "St Andrew's Day (substitute day)"]], // Saturday
    [2025, ['2025-12-01', "St Andrew's Day (substitute day)"]], // Sunday
    [2019, ['2019-12-02', "St Andrew's Day (substitute day)"]], // Saturday
    [2023, ['2023-11-30', "St Andrew's Day"]], // Thursday
  ])("St Andrew's Day %i", (year, expected) => {
    expect(pairs(year, 'scotland')).toContainEqual(expected);
  });

  it.each([
    // 1 Jan Friday: 2 January (Saturday) rolls to Monday 4th.
    [
      2021,
      [
        ['2021-01-01', "New Year's Day"],
        ['2021-01-04', '2nd January (substitute day)'],
      ],
    ],
    // 1 Jan Saturday: Monday 3rd and Tuesday 4th.
    [
      2022,
      [
        ['2022-01-03', "New Year's Day (substitute day)"],
        ['2022-01-04', '2nd January (substitute day)'],
      ],
    ],
    // 1 Jan Sunday: New Year's Day takes Monday 2nd, so 2 January rolls to Tuesday 3rd.
    [
      2023,
      [
        ['2023-01-02', "New Year's Day (substitute day)"],
        ['2023-01-03', '2nd January (substitute day)'],
      ],
    ],
  ])('New Year %i', (year, expected) => {
    expect(pairs(year, 'scotland').slice(0, 2)).toEqual(expected);
  });
});

describe('Northern Ireland', () => {
  it('2026: England and Wales plus St Patrick and the Boyne (Sunday → Monday 13th)', () => {
    expect(pairs(2026, 'northern-ireland')).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-03-17', "St Patrick's Day"],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-05-04', 'Early May bank holiday'],
      ['2026-05-25', 'Spring bank holiday'],
      ['2026-07-13', "Battle of the Boyne (Orangemen's Day) (substitute day)"],
      ['2026-08-31', 'Summer bank holiday'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-28', 'Boxing Day (substitute day)'],
    ]);
  });

  it.each([
    [2024, ['2024-03-18', "St Patrick's Day (substitute day)"]], // Sunday
    [2029, ['2029-03-19', "St Patrick's Day (substitute day)"]], // Saturday
    [2025, ['2025-07-14', "Battle of the Boyne (Orangemen's Day) (substitute day)"]], // Saturday
    [2020, ['2020-07-13', "Battle of the Boyne (Orangemen's Day) (substitute day)"]], // Sunday
    [2023, ['2023-07-12', "Battle of the Boyne (Orangemen's Day)"]], // Wednesday
  ])('%i', (year, expected) => {
    expect(pairs(year, 'northern-ireland')).toContainEqual(expected);
  });
});

describe('bankHolidays input', () => {
  it.each([
    [2026.5, 'england-and-wales', 'year'],
    [1977, 'england-and-wales', 'year'],
    [10_000, 'england-and-wales', 'year'],
    [Number.NaN, 'england-and-wales', 'year'],
    [2026, 'wales', 'region'],
  ])('bankHolidays(%s, %s) throws on %s', (year, region, field) => {
    const call = (): unknown => callUnchecked(bankHolidays, year, region);
    expect(call).toThrow(DeadlineInputError);
    expect(call).toThrow(expect.objectContaining({ field }));
  });

  it('returns copies, so a caller cannot change the cache', () => {
    const first = bankHolidays(2026, 'england-and-wales');
    first.splice(0, first.length);
    expect(bankHolidays(2026, 'england-and-wales')).toHaveLength(8);
  });
});
